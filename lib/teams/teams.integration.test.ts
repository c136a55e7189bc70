import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { SEARCH_PAGE_SIZE } from "@/lib/search/schemas";
import { createDomain, createProduct, createTeam, createUser, unique } from "@/scripts/test/factories";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock("@/lib/auth/session", () => ({ sessionUserId: async () => session.current?.user.id ?? null }));

const { getTeamDetail } = await import("./queries");

const signInAs = (user: { id: string }) => {
  session.current = { user: { id: user.id } };
};

beforeEach(() => {
  session.current = null;
});

describe("getTeamDetail", () => {
  it("shows members, owned domains and only the products the actor may see", async () => {
    const owner = await createUser();
    const member = await createUser();
    const team = await createTeam([
      { userId: owner.id, role: "owner" },
      { userId: member.id, role: "member" },
    ]);
    const domain = await createDomain(team.id);
    const active = await createProduct({ domainId: domain.id, owningTeamId: team.id });
    const draft = await createProduct({ domainId: domain.id, owningTeamId: team.id, status: "draft" });
    await createProduct({ domainId: domain.id, owningTeamId: team.id, status: "retired" });
    const outsider = await createUser();

    signInAs(owner);
    const own = await getTeamDetail(team.name);
    expect(own.members).toEqual(
      expect.arrayContaining([
        { userId: owner.id, name: owner.name, email: owner.email, role: "owner" },
        { userId: member.id, name: member.name, email: member.email, role: "member" },
      ]),
    );
    expect(own.domains).toEqual([{ name: domain.name, displayName: domain.displayName }]);
    expect(own.products.map((product) => product.name).sort()).toEqual([active.name, draft.name].sort());
    expect(own.productCount).toBe(2);

    signInAs(outsider);
    const theirs = await getTeamDetail(team.name);
    expect(theirs.products.map((product) => product.name)).toEqual([active.name]);
    expect(theirs.productCount).toBe(1);
  });

  it("lists the first page of many products by name and counts them all", async () => {
    const team = await createTeam();
    const domain = await createDomain(team.id);
    const names: string[] = [];
    for (let i = 0; i < SEARCH_PAGE_SIZE + 2; i++) {
      names.push((await createProduct({ domainId: domain.id, owningTeamId: team.id })).name);
    }
    signInAs(await createUser());
    const detail = await getTeamDetail(team.name);
    expect(detail.productCount).toBe(SEARCH_PAGE_SIZE + 2);
    expect(detail.products.map((product) => product.name)).toEqual(names.sort().slice(0, SEARCH_PAGE_SIZE));
  });

  it("is a NotFoundError for an unknown team", async () => {
    signInAs(await createUser());
    await expect(getTeamDetail("no-such-team")).rejects.toThrow(NotFoundError);
  });

  it("lists the team's active grants, not revoked ones", async () => {
    const owner = await createUser();
    const team = await createTeam([{ userId: owner.id, role: "owner" }]);
    const domain = await createDomain(team.id);
    const product = await createProduct({ domainId: domain.id, owningTeamId: team.id });
    const port = await db.outputPort.create({
      data: { productId: product.id, name: unique("port"), displayName: "Events", kind: "table", format: "postgres" },
    });
    const consumer = await createUser();
    const consumerTeam = await createTeam([{ userId: consumer.id, role: "owner" }]);
    const endsAt = new Date(Date.now() + 30 * 86_400_000);
    for (const status of ["active", "revoked"] as const) {
      const request = await db.accessRequest.create({
        data: {
          outputPortId: port.id,
          requesterId: consumer.id,
          consumerTeamId: consumerTeam.id,
          purpose: "test",
          use: "analytics",
          startsAt: new Date(),
          endsAt,
          status: "approved",
        },
      });
      await db.grant.create({
        data: {
          accessRequestId: request.id,
          outputPortId: port.id,
          consumerTeamId: consumerTeam.id,
          startsAt: new Date(),
          endsAt,
          status,
        },
      });
    }
    signInAs(consumer);
    const detail = await getTeamDetail(consumerTeam.name);
    expect(detail.grants).toHaveLength(1);
    expect(detail.grants[0]).toMatchObject({
      port: { name: port.name, displayName: "Events" },
      product: { domain: domain.name, name: product.name },
      accessLevel: "read",
      endsAt,
    });
  });
});
