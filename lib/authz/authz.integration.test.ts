import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { actorFor, createDomain, createProduct, createTeam, createUser } from "@/scripts/test/factories";
import { can } from "./policy";

// The session is the only thing faked: getActor reads the user, role and teams from the database.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock("@/lib/auth/session", () => ({ sessionUserId: async () => session.current?.user.id ?? null }));

const { getActor, scopeFor, sqlScopeFor } = await import("./index");

beforeEach(() => {
  session.current = null;
});

describe("getActor", () => {
  it("is null without a session", async () => {
    expect(await getActor()).toBeNull();
  });

  it("reads the role and team memberships from the database", async () => {
    const user = await createUser({ role: "governance" });
    const team = await createTeam([{ userId: user.id, role: "owner" }]);
    session.current = { user: { id: user.id } };
    expect(await getActor()).toEqual({
      id: user.id,
      email: user.email,
      name: user.name,
      role: "governance",
      teams: [{ id: team.id, name: team.name, displayName: team.displayName, role: "owner" }],
    });
  });

  it("ends the session of a disabled user", async () => {
    const user = await createUser();
    session.current = { user: { id: user.id } };
    expect(await getActor()).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await getActor()).toBeNull();
  });

  it("is null for a session of a user that no longer exists", async () => {
    session.current = { user: { id: "0190b5a0-0000-7000-8000-000000000000" } };
    expect(await getActor()).toBeNull();
  });
});

describe("scopeFor and sqlScopeFor(actor, 'product.read')", () => {
  it("lets through exactly the products can() allows, for every role and status", async () => {
    const owner = await createUser();
    const team = await createTeam([{ userId: owner.id, role: "owner" }]);
    const domain = await createDomain(team.id);
    const statuses = ["proposed", "draft", "active", "deprecated", "retired"] as const;
    const products = await Promise.all(
      statuses.map((status) => createProduct({ domainId: domain.id, owningTeamId: team.id, status })),
    );
    const outsider = await createUser();
    await createTeam([{ userId: outsider.id, role: "owner" }]);
    const governance = await createUser({ role: "governance" });
    const admin = await createUser({ role: "admin" });

    for (const user of [owner, outsider, governance, admin]) {
      const actor = await actorFor(user.id);
      const visible = await db.dataProduct.findMany({
        where: { AND: [scopeFor(actor, "product.read"), { domainId: domain.id }] },
        select: { id: true },
      });
      const expected = products.filter((product) => can(actor, "product.read", product)).map((p) => p.id);
      expect(visible.map((p) => p.id).sort()).toEqual(expected.sort());
      const visibleInSql = await db.$queryRaw<{ id: string }[]>(
        Prisma.sql`SELECT p.id::text AS id FROM data_products p WHERE p.domain_id = ${domain.id}::uuid AND ${sqlScopeFor(actor, "product.read")}`,
      );
      expect(visibleInSql.map((p) => p.id).sort()).toEqual(expected.sort());
    }
    // And the rule itself: an outsider sees the three public statuses only.
    const outsiderActor = await actorFor(outsider.id);
    expect(products.filter((p) => can(outsiderActor, "product.read", p)).map((p) => p.status)).toEqual([
      "active",
      "deprecated",
      "retired",
    ]);
  });
});
