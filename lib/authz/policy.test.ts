import { describe, expect, it } from "vitest";
import { can, refusalFor, type Action, type Actor } from "./policy";

const TEAM = "team-podcasts";
const OTHER = "team-users";

function actor(role: Actor["role"], teams: Actor["teams"] = []): Actor {
  return { id: `user-${role}-${teams.length}`, email: `${role}@example.com`, name: role, role, teams };
}
const team = (id: string, role: "owner" | "member") => ({ id, name: id, displayName: id, role });

const admin = actor("admin");
const governance = actor("governance");
const owner = actor("member", [team(TEAM, "owner")]);
const member = actor("member", [team(TEAM, "member")]);
const outsider = actor("member", [team(OTHER, "owner")]);
const actors = { admin, governance, owner, member, outsider } as const;
type Who = keyof typeof actors;

const product = (status: "proposed" | "draft" | "active" | "deprecated" | "retired") => ({
  owningTeamId: TEAM,
  status,
});

// The role × action table: who may do each action on a resource of team TEAM.
const table: { action: Action; resource: unknown; allowed: Who[] }[] = [
  {
    action: "product.read",
    resource: product("active"),
    allowed: ["admin", "governance", "owner", "member", "outsider"],
  },
  {
    action: "product.read",
    resource: product("deprecated"),
    allowed: ["admin", "governance", "owner", "member", "outsider"],
  },
  {
    action: "product.read",
    resource: product("retired"),
    allowed: ["admin", "governance", "owner", "member", "outsider"],
  },
  { action: "product.read", resource: product("draft"), allowed: ["admin", "governance", "owner", "member"] },
  { action: "product.read", resource: product("proposed"), allowed: ["admin", "governance", "owner", "member"] },
  { action: "product.create", resource: { teamId: TEAM }, allowed: ["admin", "owner", "member"] },
  { action: "product.update", resource: product("active"), allowed: ["admin", "owner", "member"] },
  { action: "product.update", resource: product("draft"), allowed: ["admin", "owner", "member"] },
  { action: "team.read", resource: null, allowed: ["admin", "governance", "owner", "member", "outsider"] },
  { action: "domain.read", resource: null, allowed: ["admin", "governance", "owner", "member", "outsider"] },
  { action: "team.manage", resource: { teamId: TEAM }, allowed: ["admin", "owner"] },
  { action: "team.create", resource: null, allowed: ["admin"] },
  { action: "domain.create", resource: null, allowed: ["admin"] },
  { action: "domain.manage", resource: { teamId: TEAM }, allowed: ["admin", "owner"] },
  { action: "user.list", resource: null, allowed: ["admin"] },
  { action: "user.manage", resource: { userId: "someone-else" }, allowed: ["admin"] },
  { action: "audit.read", resource: null, allowed: ["admin", "governance"] },
  { action: "policy.manage", resource: null, allowed: ["admin", "governance"] },
  { action: "polyseme.manage", resource: null, allowed: ["admin", "governance"] },
  { action: "access-request.create", resource: { teamId: TEAM }, allowed: ["owner", "member"] },
  {
    action: "access-request.read",
    resource: { requesterId: "someone-else", owningTeamId: TEAM, consumerTeamId: "team-x" },
    allowed: ["admin", "governance", "owner", "member"],
  },
  {
    action: "access-request.read",
    resource: { requesterId: "someone-else", owningTeamId: "team-x", consumerTeamId: TEAM },
    allowed: ["admin", "governance", "owner", "member"],
  },
  {
    action: "access-request.decide",
    resource: { requesterId: "someone-else", owningTeamId: TEAM, consumerTeamId: "team-x" },
    allowed: ["admin", "owner", "member"],
  },
  {
    action: "access-request.withdraw",
    resource: { requesterId: "someone-else", owningTeamId: TEAM, consumerTeamId: "team-x" },
    allowed: [],
  },
  {
    action: "grant.read",
    resource: { owningTeamId: TEAM, consumerTeamId: "team-x" },
    allowed: ["admin", "governance", "owner", "member"],
  },
  {
    action: "grant.read",
    resource: { owningTeamId: "team-x", consumerTeamId: TEAM },
    allowed: ["admin", "governance", "owner", "member"],
  },
  {
    action: "grant.revoke",
    resource: { owningTeamId: TEAM, consumerTeamId: "team-x" },
    allowed: ["admin", "owner", "member"],
  },
  { action: "grant.revoke", resource: { owningTeamId: "team-x", consumerTeamId: TEAM }, allowed: ["admin"] },
  {
    action: "grant.relinquish",
    resource: { owningTeamId: "team-x", consumerTeamId: TEAM },
    allowed: ["owner", "member"],
  },
];

describe("the role × action table", () => {
  for (const row of table) {
    for (const who of Object.keys(actors) as Who[]) {
      const expected = row.allowed.includes(who);
      it(`${who} ${expected ? "may" : "may not"} ${row.action} ${JSON.stringify(row.resource)}`, () => {
        expect(can(actors[who], row.action, row.resource as never)).toBe(expected);
      });
    }
  }
});

describe("deny by default", () => {
  it("refuses everything to an anonymous actor", () => {
    for (const row of table) expect(can(null, row.action, row.resource as never)).toBe(false);
  });
  it("refuses an action that has no rule", () => {
    expect(can(admin, "product.delete-everything" as Action, null as never)).toBe(false);
  });
  it("refuses when the resource is missing instead of throwing", () => {
    expect(can(owner, "product.update", undefined as never)).toBe(false);
  });
});

describe("self-protection", () => {
  it("an admin may not change their own role or disable themselves", () => {
    expect(can(admin, "user.manage", { userId: admin.id })).toBe(false);
  });
  it("nobody decides their own access request, not even an owner or admin", () => {
    const own = { owningTeamId: TEAM, consumerTeamId: TEAM };
    expect(can(owner, "access-request.decide", { ...own, requesterId: owner.id })).toBe(false);
    expect(can(admin, "access-request.decide", { ...own, requesterId: admin.id })).toBe(false);
  });
});

describe("what a refusal answers", () => {
  it("is 404 when the actor may not see the product at all", () => {
    expect(refusalFor(outsider, "product.update", product("draft"))).toBe("not-found");
  });
  it("is 403 when the actor sees the product but may not change it", () => {
    expect(refusalFor(outsider, "product.update", product("active"))).toBe("forbidden");
  });
  it("is 404 for admin-only actions", () => {
    expect(refusalFor(member, "user.list", null)).toBe("not-found");
    expect(refusalFor(member, "team.manage", { teamId: TEAM })).toBe("forbidden");
    expect(refusalFor(member, "user.manage", { userId: owner.id })).toBe("not-found");
  });
  it("is 403 for an admin managing themselves", () => {
    expect(refusalFor(admin, "user.manage", { userId: admin.id })).toBe("forbidden");
  });
  it("is 403 for a consumer revoking a grant they hold, 404 for an outsider", () => {
    const grant = { owningTeamId: OTHER, consumerTeamId: TEAM };
    expect(refusalFor(member, "grant.revoke", grant)).toBe("forbidden");
    expect(refusalFor(actor("member", [team("team-z", "owner")]), "grant.revoke", grant)).toBe("not-found");
  });
  it("only the requester withdraws a request", () => {
    const requester: Actor = { ...member, id: "the-requester" };
    const request = { requesterId: requester.id, owningTeamId: OTHER, consumerTeamId: TEAM };
    expect(can(requester, "access-request.withdraw", request)).toBe(true);
    expect(can(owner, "access-request.withdraw", request)).toBe(false);
    expect(refusalFor(owner, "access-request.withdraw", request)).toBe("forbidden");
  });
  it("is 403 for a requester deciding their own visible request", () => {
    expect(
      refusalFor(owner, "access-request.decide", { requesterId: owner.id, owningTeamId: TEAM, consumerTeamId: OTHER }),
    ).toBe("forbidden");
  });
});
