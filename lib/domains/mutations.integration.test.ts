import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { actorFor, createDomain, createTeam, createUser, unique } from "@/scripts/test/factories";

// No session is needed (the mutations take the actor), but lib/authz imports the next-auth config.
vi.mock("@/lib/auth/session", () => ({ sessionUserId: async () => null }));

const {
  createDomain: createDomainAsAdmin,
  createSourceSystem,
  createSubDomain,
  updateDomainDescription,
} = await import("./mutations");

const auditOf = (entityRef: string) =>
  db.auditEvent.findMany({
    where: { entityRef },
    orderBy: { id: "asc" },
    select: { action: true, actorId: true, before: true, after: true },
  });

async function ownedDomain() {
  const owner = await createUser();
  const team = await createTeam([{ userId: owner.id, role: "owner" }]);
  const domain = await createDomain(team.id);
  return { owner, team, domain, actor: await actorFor(owner.id) };
}

async function fieldErrorsOf(promise: Promise<unknown>): Promise<Record<string, string[]>> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InvalidInputError);
  return (error as InvalidInputError).fieldErrors;
}

describe("createDomain", () => {
  it("creates a domain under a parent, owned by the team chosen, and audits it (admin)", async () => {
    const admin = await createUser({ role: "admin" });
    const { team, domain: parent } = await ownedDomain();
    const name = unique("domain");
    await createDomainAsAdmin(await actorFor(admin.id), {
      name,
      displayName: "Listening",
      description: "How people listen.",
      owningTeam: team.name,
      parent: parent.name,
    });
    expect(await db.domain.findUniqueOrThrow({ where: { name } })).toMatchObject({
      displayName: "Listening",
      description: "How people listen.",
      owningTeamId: team.id,
      parentId: parent.id,
    });
    expect(await auditOf(`domain:${name}`)).toEqual([
      {
        action: "domain.created",
        actorId: admin.id,
        before: null,
        after: {
          displayName: "Listening",
          description: "How people listen.",
          owningTeam: team.name,
          parent: parent.name,
        },
      },
    ]);
  });

  it("answers a name clash, an unknown team and an unknown parent with field errors", async () => {
    const admin = await actorFor((await createUser({ role: "admin" })).id);
    const { team, domain } = await ownedDomain();
    expect(
      await fieldErrorsOf(createDomainAsAdmin(admin, { name: domain.name, displayName: "X", owningTeam: team.name })),
    ).toEqual({ name: ["A domain with this name exists already; choose another."] });
    const errors = await fieldErrorsOf(
      createDomainAsAdmin(admin, { name: unique("domain"), displayName: "X", owningTeam: "no-team", parent: "no-dom" }),
    );
    expect(Object.keys(errors).sort()).toEqual(["owningTeam", "parent"]);
  });

  it("refuses a domain owner who is not a platform admin (404), creating nothing", async () => {
    const { team, actor } = await ownedDomain();
    const name = unique("domain");
    await expect(createDomainAsAdmin(actor, { name, displayName: "X", owningTeam: team.name })).rejects.toThrow(
      NotFoundError,
    );
    expect(await db.domain.findUnique({ where: { name } })).toBeNull();
  });
});

describe("createSubDomain", () => {
  it("lets the domain's owner create a sub-domain owned by the same team, audited", async () => {
    const { owner, team, domain, actor } = await ownedDomain();
    const name = unique("domain");
    await createSubDomain(actor, domain.name, { name, displayName: "Billing" });
    expect(await db.domain.findUniqueOrThrow({ where: { name } })).toMatchObject({
      parentId: domain.id,
      owningTeamId: team.id,
    });
    expect((await auditOf(`domain:${name}`)).map((event) => [event.action, event.actorId])).toEqual([
      ["domain.created", owner.id],
    ]);
    expect(await fieldErrorsOf(createSubDomain(actor, domain.name, { name, displayName: "Again" }))).toHaveProperty(
      "name",
    );
  });

  it("refuses the owner of another team and a plain member (404), creating nothing", async () => {
    const { team, domain } = await ownedDomain();
    const member = await createUser();
    await db.teamMembership.create({ data: { teamId: team.id, userId: member.id, role: "member" } });
    const stranger = await ownedDomain();
    const name = unique("domain");
    for (const actor of [stranger.actor, await actorFor(member.id)]) {
      await expect(createSubDomain(actor, domain.name, { name, displayName: "X" })).rejects.toThrow(ForbiddenError);
    }
    expect(await db.domain.findUnique({ where: { name } })).toBeNull();
    expect(await auditOf(`domain:${name}`)).toEqual([]);
  });
});

describe("createSourceSystem", () => {
  it("registers a source system of the domain, audited; a second with the same name is a field error", async () => {
    const { owner, domain, actor } = await ownedDomain();
    const name = unique("crm");
    await createSourceSystem(actor, domain.name, { name, displayName: "CRM", kind: "SaaS", description: "Sales." });
    expect(
      await db.sourceSystem.findUniqueOrThrow({ where: { domainId_name: { domainId: domain.id, name } } }),
    ).toMatchObject({ displayName: "CRM", kind: "SaaS", description: "Sales." });
    expect(await auditOf(`source-system:${domain.name}/${name}`)).toEqual([
      {
        action: "source_system.created",
        actorId: owner.id,
        before: null,
        after: { displayName: "CRM", kind: "SaaS", description: "Sales." },
      },
    ]);
    expect(
      await fieldErrorsOf(createSourceSystem(actor, domain.name, { name, displayName: "CRM 2", kind: "SaaS" })),
    ).toEqual({ name: ["This domain has a source system with this name already; choose another."] });
  });

  it("refuses the owner of another team (403), creating nothing", async () => {
    const { domain } = await ownedDomain();
    const stranger = await ownedDomain();
    const name = unique("crm");
    await expect(
      createSourceSystem(stranger.actor, domain.name, { name, displayName: "CRM", kind: "SaaS" }),
    ).rejects.toThrow(ForbiddenError);
    expect(await db.sourceSystem.count({ where: { domainId: domain.id } })).toBe(0);
  });
});

describe("updateDomainDescription", () => {
  it("saves the description with the version, audits it, and refuses a stale version", async () => {
    const { owner, domain, actor } = await ownedDomain();
    const saved = await updateDomainDescription(actor, domain.name, {
      description: "What we own.",
      version: domain.version,
    });
    expect(saved.version).toBe(domain.version + 1);
    expect(await auditOf(`domain:${domain.name}`)).toEqual([
      {
        action: "domain.updated",
        actorId: owner.id,
        before: { description: "" },
        after: { description: "What we own." },
      },
    ]);
    await expect(
      updateDomainDescription(actor, domain.name, { description: "Stale.", version: domain.version }),
    ).rejects.toThrow(ConflictError);
    expect(await db.domain.findUniqueOrThrow({ where: { id: domain.id } })).toMatchObject({
      description: "What we own.",
      version: domain.version + 1,
    });
  });

  it("refuses the owner of another team (403) and leaves the domain unchanged", async () => {
    const { domain } = await ownedDomain();
    const stranger = await ownedDomain();
    await expect(
      updateDomainDescription(stranger.actor, domain.name, { description: "Mine now.", version: domain.version }),
    ).rejects.toThrow(ForbiddenError);
    expect(await db.domain.findUniqueOrThrow({ where: { id: domain.id } })).toMatchObject({
      description: "",
      version: domain.version,
    });
    expect(await auditOf(`domain:${domain.name}`)).toEqual([]);
  });
});
