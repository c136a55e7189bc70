import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { createDomain, createProduct, createTeam, createUser, unique } from "@/scripts/test/factories";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock("@/lib/auth/session", () => ({ sessionUserId: async () => session.current?.user.id ?? null }));

const { getPolysemeDetail, listPolysemes } = await import("./queries");

const signInAs = (user: { id: string }) => {
  session.current = { user: { id: user.id } };
};

async function fieldOn(product: { id: string }, polysemeId: string, name: string) {
  const port = await db.outputPort.create({
    data: { productId: product.id, name: unique("port"), displayName: "Port", kind: "table", format: "postgres" },
  });
  await db.schemaField.create({ data: { outputPortId: port.id, position: 0, name, type: "string", polysemeId } });
  return port;
}

beforeEach(() => {
  session.current = null;
});

describe("glossary", () => {
  it("counts and lists only fields of products the actor may see, grouped by product", async () => {
    const owner = await createUser();
    const team = await createTeam([{ userId: owner.id, role: "owner" }]);
    const domain = await createDomain(team.id);
    const otherDomain = await createDomain(team.id);
    const active = await createProduct({ domainId: domain.id, owningTeamId: team.id });
    const other = await createProduct({ domainId: otherDomain.id, owningTeamId: team.id });
    const draft = await createProduct({ domainId: domain.id, owningTeamId: team.id, status: "draft" });
    const polyseme = await db.polyseme.create({
      data: { name: unique("poly"), displayName: "Listener", definition: "A person who listens", ownerTeamId: team.id },
    });
    await fieldOn(active, polyseme.id, "listener_id");
    await fieldOn(other, polyseme.id, "user_id");
    await fieldOn(draft, polyseme.id, "secret_id");
    const outsider = await createUser();

    signInAs(owner);
    expect((await listPolysemes()).find((p) => p.name === polyseme.name)?.fieldCount).toBe(3);
    expect((await getPolysemeDetail(polyseme.name)).products).toHaveLength(3);

    signInAs(outsider);
    expect((await listPolysemes()).find((p) => p.name === polyseme.name)).toMatchObject({
      fieldCount: 2,
      ownerTeam: { name: team.name },
    });
    const detail = await getPolysemeDetail(polyseme.name);
    expect(detail.products.map((p) => p.name).sort()).toEqual([active.name, other.name].sort());
    expect(detail.products.flatMap((p) => p.fields.map((f) => f.name)).sort()).toEqual(["listener_id", "user_id"]);
    expect(detail.domains.map((d) => d.name).sort()).toEqual([domain.name, otherDomain.name].sort());
  });

  it("is a NotFoundError for an unknown polyseme", async () => {
    signInAs(await createUser());
    await expect(getPolysemeDetail("no-such-polyseme")).rejects.toThrow(NotFoundError);
  });
});
