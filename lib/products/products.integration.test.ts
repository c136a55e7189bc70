import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { createDomain, createProduct, createTeam, createUser, unique } from "@/scripts/test/factories";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock("@/lib/auth/session", () => ({ sessionUserId: async () => session.current?.user.id ?? null }));

const { getProductDetail } = await import("./queries");

const signInAs = (user: { id: string }) => {
  session.current = { user: { id: user.id } };
};

/** A port on `producer` consumed by `consumer`. */
async function connect(producer: { id: string }, consumer: { id: string }) {
  const port = await db.outputPort.create({
    data: { productId: producer.id, name: unique("port"), displayName: "Port", kind: "table", format: "postgres" },
  });
  await db.inputPort.create({ data: { productId: consumer.id, sourceOutputPortId: port.id } });
  return port;
}

/** Two teams, each with an owner and a domain. */
async function twoTeams() {
  const owner = await createUser();
  const team = await createTeam([{ userId: owner.id, role: "owner" }]);
  const domain = await createDomain(team.id);
  const outsider = await createUser();
  const otherTeam = await createTeam([{ userId: outsider.id, role: "owner" }]);
  const otherDomain = await createDomain(otherTeam.id);
  return { owner, team, domain, outsider, otherTeam, otherDomain };
}

beforeEach(() => {
  session.current = null;
});

describe("getProductDetail", () => {
  it("is a 404 for a draft of another team and for a product that does not exist", async () => {
    const { owner, team, domain, outsider } = await twoTeams();
    const draft = await createProduct({ domainId: domain.id, owningTeamId: team.id, status: "draft" });
    signInAs(owner);
    expect((await getProductDetail(domain.name, draft.name)).ref).toBe(`${domain.name}/${draft.name}`);
    signInAs(outsider);
    await expect(getProductDetail(domain.name, draft.name)).rejects.toThrow(NotFoundError);
    await expect(getProductDetail(domain.name, "no-such-product")).rejects.toThrow(NotFoundError);
  });

  it("names only the inputs and consumers the actor may see", async () => {
    const { owner, team, domain, outsider, otherTeam, otherDomain } = await twoTeams();
    const product = await createProduct({ domainId: domain.id, owningTeamId: team.id });
    const visibleConsumer = await createProduct({ domainId: otherDomain.id, owningTeamId: otherTeam.id });
    const hiddenConsumer = await createProduct({ domainId: domain.id, owningTeamId: team.id, status: "draft" });
    const hiddenUpstream = await createProduct({ domainId: domain.id, owningTeamId: team.id, status: "proposed" });
    await connect(product, visibleConsumer);
    await connect(product, hiddenConsumer);
    await connect(hiddenUpstream, product);

    signInAs(owner);
    const forOwner = await getProductDetail(domain.name, product.name);
    expect(forOwner.consumers.map((c) => c.product.name).sort()).toEqual(
      [visibleConsumer.name, hiddenConsumer.name].sort(),
    );
    expect(forOwner.inputPorts).toHaveLength(1);

    signInAs(outsider);
    const forOutsider = await getProductDetail(domain.name, product.name);
    expect(forOutsider.consumers.map((c) => c.product.name)).toEqual([visibleConsumer.name]);
    expect(forOutsider.inputPorts).toEqual([]);
  });
});
