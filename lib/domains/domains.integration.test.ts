import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { createDomain, createProduct, createTeam, createUser, unique } from "@/scripts/test/factories";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock("@/lib/auth/session", () => ({ sessionUserId: async () => session.current?.user.id ?? null }));

const { getDomainDetail, listDomainTree } = await import("./queries");

const signInAs = (user: { id: string }) => {
  session.current = { user: { id: user.id } };
};

async function connect(producer: { id: string }, consumer: { id: string }) {
  const port = await db.outputPort.create({
    data: { productId: producer.id, name: unique("port"), displayName: "Port", kind: "table", format: "postgres" },
  });
  await db.inputPort.create({ data: { productId: consumer.id, sourceOutputPortId: port.id } });
}

/** A parent domain with a sub-domain holding an active product and a draft, plus another team's domain. */
async function mesh() {
  const owner = await createUser();
  const team = await createTeam([{ userId: owner.id, role: "owner" }]);
  const parent = await createDomain(team.id);
  const child = await createDomain(team.id);
  await db.domain.update({ where: { id: child.id }, data: { parentId: parent.id } });
  await db.sourceSystem.create({ data: { domainId: child.id, name: unique("src"), displayName: "Billing DB" } });
  const active = await createProduct({ domainId: child.id, owningTeamId: team.id });
  const draft = await createProduct({ domainId: child.id, owningTeamId: team.id, status: "draft" });
  // Retired products are left out of the lists and counts, as in the catalog.
  await createProduct({ domainId: child.id, owningTeamId: team.id, status: "retired" });
  const outsider = await createUser();
  const otherTeam = await createTeam([{ userId: outsider.id, role: "owner" }]);
  const otherDomain = await createDomain(otherTeam.id);
  const otherProduct = await createProduct({ domainId: otherDomain.id, owningTeamId: otherTeam.id });
  return { owner, team, parent, child, active, draft, outsider, otherDomain, otherProduct };
}

beforeEach(() => {
  session.current = null;
});

describe("listDomainTree", () => {
  it("nests sub-domains and rolls up only visible products", async () => {
    const { owner, outsider, parent, child } = await mesh();
    signInAs(owner);
    const mine = (await listDomainTree()).find((node) => node.name === parent.name);
    expect(mine).toMatchObject({
      productCount: 2,
      children: [{ name: child.name, productCount: 2, sourceSystemCount: 1 }],
    });
    signInAs(outsider);
    const theirs = (await listDomainTree()).find((node) => node.name === parent.name);
    expect(theirs).toMatchObject({ productCount: 1, children: [{ name: child.name, productCount: 1 }] });
  });
});

describe("getDomainDetail", () => {
  it("lists the sub-domains' products, hiding another team's draft, and the breadcrumb", async () => {
    const { owner, outsider, parent, child, active, draft } = await mesh();
    signInAs(owner);
    const ownView = await getDomainDetail(parent.name);
    expect(ownView.products.map((product) => product.name).sort()).toEqual([active.name, draft.name].sort());
    expect(ownView.productCount).toBe(2);
    expect(ownView.subDomains).toEqual([{ name: child.name, displayName: child.displayName, productCount: 2 }]);
    signInAs(outsider);
    const view = await getDomainDetail(parent.name);
    expect(view.products.map((product) => product.name)).toEqual([active.name]);
    expect(view.productCount).toBe(1);
    expect(view.subDomains[0]?.productCount).toBe(1);
    expect((await getDomainDetail(child.name)).breadcrumb).toEqual([
      { name: parent.name, displayName: parent.displayName },
    ]);
    expect((await getDomainDetail(child.name)).sourceSystems).toHaveLength(1);
  });

  it("counts consumption edges to and from other domains between visible products only", async () => {
    const { owner, outsider, parent, child, active, draft, otherDomain, otherProduct } = await mesh();
    await connect(otherProduct, active);
    await connect(otherProduct, draft);
    await connect(active, otherProduct);
    signInAs(owner);
    const ownView = await getDomainDetail(parent.name);
    expect(ownView.consumes).toEqual([{ name: otherDomain.name, displayName: otherDomain.displayName, edges: 2 }]);
    expect(ownView.consumedBy).toEqual([{ name: otherDomain.name, displayName: otherDomain.displayName, edges: 1 }]);
    signInAs(outsider);
    const view = await getDomainDetail(parent.name);
    expect(view.consumes).toEqual([{ name: otherDomain.name, displayName: otherDomain.displayName, edges: 1 }]);
    expect((await getDomainDetail(otherDomain.name)).consumedBy).toEqual([
      { name: child.name, displayName: child.displayName, edges: 1 },
    ]);
  });

  it("is a NotFoundError for an unknown domain", async () => {
    signInAs(await createUser());
    await expect(getDomainDetail("no-such-domain")).rejects.toThrow(NotFoundError);
  });
});
