import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { actorFor, createDomain, createProduct as seedProduct, createTeam, createUser } from "@/scripts/test/factories";
import type { ProductInput } from "./input";

// lib/authz imports the next-auth config; these mutations take the actor explicitly, so no session is needed.
vi.mock("@/lib/auth/session", () => ({ sessionUserId: async () => null }));

const { createProduct, transitionProduct, updateProduct } = await import("./mutations");

async function setting() {
  const owner = await createUser();
  const team = await createTeam([{ userId: owner.id, role: "member" }]);
  const domain = await createDomain(team.id);
  const outsider = await createUser();
  const admin = await createUser({ role: "admin" });
  return {
    team,
    domain,
    owner: await actorFor(owner.id),
    outsider: await actorFor(outsider.id),
    admin: await actorFor(admin.id),
  };
}

function registration(domain: string, team: string, overrides: Partial<ProductInput> = {}): ProductInput {
  return {
    name: `listeners-${crypto.randomUUID().slice(0, 8)}`,
    displayName: "Listeners",
    domain,
    owningTeam: team,
    archetype: "aggregate",
    description: "Who listens to what.",
    purpose: "Audience analytics.",
    outputPorts: [
      {
        name: "main",
        displayName: "Main",
        kind: "table",
        format: "postgres",
        fields: [
          { name: "listener_id", type: "bigint", required: true, primaryKey: true },
          { name: "email", type: "string", pii: true, classification: "confidential" },
        ],
        slos: [
          {
            kind: "freshness",
            name: "daily",
            objective: "Updated daily",
            threshold: 24,
            unit: "hours",
            target: 99,
            windowDays: 30,
          },
        ],
      },
    ],
    ...overrides,
  };
}

async function rejection<T>(promise: Promise<T>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

const locate = (ref: string) => ({ domain: ref.split("/")[0], name: ref.split("/")[1] });

describe("createProduct", () => {
  it("registers a draft with its ports, fields and SLOs, a first version and an audit event", async () => {
    const { team, domain, owner } = await setting();
    const input = registration(domain.name, team.name);
    const saved = await createProduct(owner, input);
    expect(saved).toEqual({ ref: `${domain.name}/${input.name}`, revision: 1, status: "draft", changes: [] });

    const stored = await db.dataProduct.findFirstOrThrow({
      where: { name: input.name },
      select: {
        id: true,
        status: true,
        containsPii: true,
        outputPorts: {
          select: { name: true, fields: { orderBy: { position: "asc" }, select: { name: true } }, slos: true },
        },
        versions: { select: { revision: true } },
      },
    });
    expect(stored.status).toBe("draft");
    expect(stored.containsPii).toBe(true);
    expect(stored.outputPorts[0].fields.map((field) => field.name)).toEqual(["listener_id", "email"]);
    expect(stored.outputPorts[0].slos).toHaveLength(1);
    expect(stored.versions).toEqual([{ revision: 1 }]);
    const audit = await db.auditEvent.findMany({ where: { entityRef: `product:${saved.ref}` } });
    expect(audit.map((event) => [event.action, event.actorId])).toEqual([["product.created", owner.id]]);
  });

  it("refuses domains and teams that are not the actor's, and a taken name, writing nothing", async () => {
    const { team, domain, owner, outsider } = await setting();
    const input = registration(domain.name, team.name);
    const refused = await rejection(createProduct(outsider, input));
    expect(refused).toBeInstanceOf(InvalidInputError);
    expect((refused as InvalidInputError).fieldErrors).toEqual({
      domain: ["Products can be registered only in domains your teams own."],
      owningTeam: ["Only a member of a team can make it the owner of a product."],
    });
    await createProduct(owner, input);
    const taken = (await rejection(createProduct(owner, input))) as InvalidInputError;
    expect(taken.fieldErrors).toEqual({ name: ["Another product of this domain already has this URL name."] });
    expect(await db.dataProduct.count({ where: { name: input.name } })).toBe(1);
  });

  it("checks every reference and reports each at its field", async () => {
    const { team, domain, owner } = await setting();
    const input = registration(domain.name, team.name, {
      inputPorts: [
        { source: "product", product: "nowhere/nothing", port: "main" },
        { source: "source-system", sourceSystem: "ghost-crm" },
      ],
    });
    input.outputPorts![0].fields![1].polyseme = "no-such-term";
    const error = (await rejection(createProduct(owner, input))) as InvalidInputError;
    expect(error.fieldErrors).toEqual({
      "outputPorts.0.fields.1.polyseme": ["There is no glossary term “no-such-term”."],
      "inputPorts.0": ["There is no output port “main” of nowhere/nothing."],
      "inputPorts.1": [`Domain ${domain.name} has no source system “ghost-crm”.`],
    });
  });
});

describe("updateProduct", () => {
  it("saves a new version with its changes, and treats an unchanged save as a no-op", async () => {
    const { team, domain, owner } = await setting();
    const input = registration(domain.name, team.name);
    const { ref } = await createProduct(owner, input);
    const saved = await updateProduct(owner, locate(ref), { ...input, description: "Who listens, and how long." }, 1);
    expect(saved.revision).toBe(2);
    expect(saved.changes.map((change) => change.where)).toEqual(["description"]);
    const again = await updateProduct(owner, locate(ref), { ...input, description: "Who listens, and how long." }, 2);
    expect(again).toMatchObject({ revision: 2, changes: [] });
    const versions = await db.productVersion.findMany({
      where: { product: { name: input.name } },
      orderBy: { revision: "asc" },
      select: { revision: true, authorId: true },
    });
    expect(versions).toEqual([
      { revision: 1, authorId: owner.id },
      { revision: 2, authorId: owner.id },
    ]);
  });

  it("refuses a stale revision with what changed meanwhile, and overwrites nothing", async () => {
    const { team, domain, owner } = await setting();
    const input = registration(domain.name, team.name);
    const { ref } = await createProduct(owner, input);
    await updateProduct(owner, locate(ref), { ...input, purpose: "Theirs." }, 1);
    const error = await rejection(updateProduct(owner, locate(ref), { ...input, usage: "Mine." }, 1));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).changes).toMatchObject([
      { where: "purpose", before: "Audience analytics.", after: "Theirs." },
    ]);
    const stored = await db.dataProduct.findFirstOrThrow({ where: { name: input.name } });
    expect(stored).toMatchObject({ purpose: "Theirs.", usage: "", revision: 2 });
  });

  it("lets exactly one of two concurrent saves of the same revision win", async () => {
    const { team, domain, owner } = await setting();
    const input = registration(domain.name, team.name);
    const { ref } = await createProduct(owner, input);
    const results = await Promise.allSettled([
      updateProduct(owner, locate(ref), { ...input, usage: "First." }, 1),
      updateProduct(owner, locate(ref), { ...input, usage: "Second." }, 1),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const failure = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(failure.reason).toBeInstanceOf(ConflictError);
    expect(await db.productVersion.count({ where: { product: { name: input.name } } })).toBe(2);
  });

  it("answers 404 to who may not see the product and 403 to who may see but not change it", async () => {
    const { team, domain, owner, outsider } = await setting();
    const input = registration(domain.name, team.name);
    const { ref } = await createProduct(owner, input);
    expect(await rejection(updateProduct(outsider, locate(ref), input, 1))).toBeInstanceOf(NotFoundError);
    const active = await seedProduct({ domainId: domain.id, owningTeamId: team.id });
    const error = await rejection(
      updateProduct(outsider, { domain: domain.name, name: active.name }, registration(domain.name, team.name), 1),
    );
    expect(error).toBeInstanceOf(ForbiddenError);
  });

  it("needs a new major contract version for breaking changes once published, and names the port", async () => {
    const { team, domain, owner } = await setting();
    const input = registration(domain.name, team.name);
    const { ref } = await createProduct(owner, input);
    await transitionProduct(owner, locate(ref), { to: "active", revision: 1 });

    const withoutEmail = structuredClone(input);
    withoutEmail.outputPorts![0].fields = withoutEmail.outputPorts![0].fields!.slice(0, 1);
    const error = (await rejection(updateProduct(owner, locate(ref), withoutEmail, 2))) as InvalidInputError;
    expect(error.fieldErrors["outputPorts.0.contractVersion"][0]).toMatch(/field email removed.*2\.0\.0 or later/);

    withoutEmail.outputPorts![0].contractVersion = "2.0.0";
    const saved = await updateProduct(owner, locate(ref), withoutEmail, 2);
    expect(saved.changes.filter((change) => change.breaking).map((change) => change.where)).toEqual([
      "Output port main › field email",
    ]);
    const version = await db.productVersion.findFirstOrThrow({ where: { product: { name: input.name }, revision: 3 } });
    expect(version.breaking).toBe(true);
  });

  it("refuses to remove an output port that others consume", async () => {
    const { team, domain, owner } = await setting();
    const upstream = registration(domain.name, team.name);
    const { ref } = await createProduct(owner, upstream);
    await createProduct(
      owner,
      registration(domain.name, team.name, { inputPorts: [{ source: "product", product: ref, port: "main" }] }),
    );
    const error = (await rejection(
      updateProduct(owner, locate(ref), { ...upstream, outputPorts: [] }, 1),
    )) as InvalidInputError;
    expect(error.fieldErrors.outputPorts[0]).toMatch(/has consumers/);
    expect(await db.outputPort.count({ where: { product: { name: upstream.name } } })).toBe(1);
  });
});

describe("transitionProduct", () => {
  it("publishes only a complete product", async () => {
    const { team, domain, owner } = await setting();
    const input = registration(domain.name, team.name, { description: "", outputPorts: [] });
    const { ref } = await createProduct(owner, input);
    const error = (await rejection(
      transitionProduct(owner, locate(ref), { to: "active", revision: 1 }),
    )) as InvalidInputError;
    expect(Object.keys(error.fieldErrors)).toEqual(["description", "outputPorts"]);
    expect(await db.dataProduct.findFirstOrThrow({ where: { name: input.name } })).toMatchObject({ status: "draft" });
  });

  it("deprecates with a note and sunset date, and retires only without consumers unless an admin forces it", async () => {
    const { team, domain, owner, admin } = await setting();
    const input = registration(domain.name, team.name);
    const { ref } = await createProduct(owner, input);
    await transitionProduct(owner, locate(ref), { to: "active", revision: 1 });
    const consumer = await createProduct(
      owner,
      registration(domain.name, team.name, { inputPorts: [{ source: "product", product: ref, port: "main" }] }),
    );
    const sunsetAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    await transitionProduct(owner, locate(ref), {
      to: "deprecated",
      revision: 2,
      note: "Use listeners-v2 instead.",
      sunsetAt,
    });
    expect(await db.dataProduct.findFirstOrThrow({ where: { name: input.name } })).toMatchObject({
      status: "deprecated",
      deprecationNote: "Use listeners-v2 instead.",
    });

    const refused = (await rejection(
      transitionProduct(owner, locate(ref), { to: "retired", revision: 3 }),
    )) as InvalidInputError;
    expect(refused.fieldErrors.to[0]).toMatch(/1 consuming product/);
    const notAdmin = await rejection(
      transitionProduct(owner, locate(ref), { to: "retired", revision: 3, force: true, reason: "Sunset has passed." }),
    );
    expect(notAdmin).toBeInstanceOf(InvalidInputError);

    await transitionProduct(admin, locate(ref), {
      to: "retired",
      revision: 3,
      force: true,
      reason: "Sunset has passed.",
    });
    const events = await db.auditEvent.findMany({ where: { entityRef: `product:${ref}` }, orderBy: { at: "asc" } });
    expect(events.map((event) => event.action)).toEqual([
      "product.created",
      "product.status_changed",
      "product.status_changed",
      "product.retired_by_force",
    ]);
    expect(events.at(-1)?.after).toMatchObject({ status: "retired", reason: "Sunset has passed." });
    expect(consumer.status).toBe("draft");
  });
});
