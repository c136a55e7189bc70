import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { createDomain, createProduct, createTeam, createUser, unique } from "@/scripts/test/factories";
import { POLYSEME_PAGE_SIZE } from "./schemas";

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

async function createPolyseme(teamId: string) {
  return db.polyseme.create({
    data: { name: unique("poly"), displayName: "Listener", definition: "A person who listens", ownerTeamId: teamId },
  });
}

const countOf = async (name: string) => (await listPolysemes()).find((p) => p.name === name)?.productCount;

beforeEach(() => {
  session.current = null;
});

describe("glossary", () => {
  it("counts and lists only products the actor may see, retired ones aside, with their fields", async () => {
    const owner = await createUser();
    const team = await createTeam([{ userId: owner.id, role: "owner" }]);
    const domain = await createDomain(team.id);
    const otherDomain = await createDomain(team.id);
    const active = await createProduct({ domainId: domain.id, owningTeamId: team.id });
    const other = await createProduct({ domainId: otherDomain.id, owningTeamId: team.id });
    const draft = await createProduct({ domainId: domain.id, owningTeamId: team.id, status: "draft" });
    const retired = await createProduct({ domainId: domain.id, owningTeamId: team.id, status: "retired" });
    const polyseme = await createPolyseme(team.id);
    const port = await fieldOn(active, polyseme.id, "listener_id");
    await db.schemaField.create({
      data: { outputPortId: port.id, position: 1, name: "listener_ref", type: "string", polysemeId: polyseme.id },
    });
    await fieldOn(other, polyseme.id, "user_id");
    await fieldOn(draft, polyseme.id, "secret_id");
    await fieldOn(retired, polyseme.id, "old_id");
    const outsider = await createUser();

    signInAs(owner);
    expect(await countOf(polyseme.name)).toBe(3);
    expect((await getPolysemeDetail(polyseme.name)).products).toHaveLength(3);

    signInAs(outsider);
    expect((await listPolysemes()).find((p) => p.name === polyseme.name)).toMatchObject({
      productCount: 2,
      ownerTeam: { name: team.name },
    });
    const detail = await getPolysemeDetail(polyseme.name);
    expect(detail.productCount).toBe(2);
    expect(detail.products.map((p) => p.name).sort()).toEqual([active.name, other.name].sort());
    expect(detail.products.find((p) => p.name === active.name)?.fields.map((f) => f.name)).toEqual([
      "listener_id",
      "listener_ref",
    ]);
    expect(detail.domains.map((d) => [d.name, d.productCount]).sort()).toEqual(
      [
        [domain.name, 1],
        [otherDomain.name, 1],
      ].sort(),
    );
  });

  it("keeps the counts in step with fields, statuses and domains", async () => {
    const owner = await createUser();
    const team = await createTeam([{ userId: owner.id, role: "owner" }]);
    const domain = await createDomain(team.id);
    const otherDomain = await createDomain(team.id);
    const product = await createProduct({ domainId: domain.id, owningTeamId: team.id });
    const polyseme = await createPolyseme(team.id);
    signInAs(await createUser());

    const port = await fieldOn(product, polyseme.id, "listener_id");
    await db.schemaField.create({
      data: { outputPortId: port.id, position: 1, name: "listener_ref", type: "string", polysemeId: polyseme.id },
    });
    expect(await countOf(polyseme.name)).toBe(1); // a product counts once, however many fields carry it

    await db.dataProduct.update({ where: { id: product.id }, data: { domainId: otherDomain.id } });
    expect((await getPolysemeDetail(polyseme.name)).domains.map((d) => d.name)).toEqual([otherDomain.name]);

    await db.dataProduct.update({ where: { id: product.id }, data: { status: "retired" } });
    expect(await countOf(polyseme.name)).toBe(0);
    await db.dataProduct.update({ where: { id: product.id }, data: { status: "deprecated" } });
    expect(await countOf(polyseme.name)).toBe(1);

    await db.schemaField.updateMany({ where: { outputPortId: port.id }, data: { polysemeId: null } });
    expect(await countOf(polyseme.name)).toBe(0);
    expect((await getPolysemeDetail(polyseme.name)).products).toEqual([]);

    await db.schemaField.updateMany({ where: { outputPortId: port.id }, data: { polysemeId: polyseme.id } });
    await db.dataProduct.delete({ where: { id: product.id } });
    expect(await countOf(polyseme.name)).toBe(0);
    expect(await db.polysemeProductCount.count({ where: { polysemeId: polyseme.id } })).toBe(0);
  });

  it("pages the products by name, forward and back, within a domain when one is chosen", async () => {
    const owner = await createUser();
    const team = await createTeam([{ userId: owner.id, role: "owner" }]);
    const domain = await createDomain(team.id);
    const otherDomain = await createDomain(team.id);
    const polyseme = await createPolyseme(team.id);
    const products = [];
    for (let i = 0; i < POLYSEME_PAGE_SIZE + 3; i++) {
      const product = await createProduct({ domainId: domain.id, owningTeamId: team.id });
      await fieldOn(product, polyseme.id, "listener_id");
      products.push(product.name);
    }
    const elsewhere = await createProduct({ domainId: otherDomain.id, owningTeamId: team.id });
    await fieldOn(elsewhere, polyseme.id, "listener_id");
    const names = [...products, elsewhere.name].sort((a, b) => (a < b ? -1 : 1));
    signInAs(owner);

    const first = await getPolysemeDetail(polyseme.name);
    expect(first.productCount).toBe(POLYSEME_PAGE_SIZE + 4);
    expect(first.products.map((p) => p.name)).toEqual(names.slice(0, POLYSEME_PAGE_SIZE));
    expect(first.previousCursor).toBeNull();
    const second = await getPolysemeDetail(polyseme.name, undefined, first.nextCursor!);
    expect(second.products.map((p) => p.name)).toEqual(names.slice(POLYSEME_PAGE_SIZE));
    expect(second.nextCursor).toBeNull();
    const back = await getPolysemeDetail(polyseme.name, undefined, undefined, second.previousCursor!);
    expect(back.products.map((p) => p.name)).toEqual(names.slice(0, POLYSEME_PAGE_SIZE));
    expect(back.previousCursor).toBeNull();

    const narrowed = await getPolysemeDetail(polyseme.name, otherDomain.name);
    expect(narrowed.products.map((p) => p.name)).toEqual([elsewhere.name]);
    expect(narrowed.domains.find((d) => d.selected)?.name).toBe(otherDomain.name);
    expect((await getPolysemeDetail(polyseme.name, "no-such-domain")).products).toEqual([]);
    // A cursor that is not one of ours opens the first page.
    expect((await getPolysemeDetail(polyseme.name, undefined, "garbage")).products[0].name).toBe(names[0]);
  });

  it("is a NotFoundError for an unknown polyseme", async () => {
    signInAs(await createUser());
    await expect(getPolysemeDetail("no-such-polyseme")).rejects.toThrow(NotFoundError);
  });
});
