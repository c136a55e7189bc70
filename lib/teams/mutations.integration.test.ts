import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { actorFor, createTeam, createUser, unique } from "@/scripts/test/factories";

// No session is needed (the mutations take the actor), but lib/authz imports the next-auth config.
vi.mock("@/lib/auth/session", () => ({ sessionUserId: async () => null }));

const {
  addTeamMember,
  changeTeamMemberRole,
  createTeam: createTeamAsAdmin,
  removeTeamMember,
} = await import("./mutations");

const membersOf = async (teamId: string) =>
  (
    await db.teamMembership.findMany({
      where: { teamId },
      orderBy: { user: { email: "asc" } },
      select: { role: true, user: { select: { email: true } } },
    })
  ).map((m) => ({ email: m.user.email, role: m.role }));

const auditOf = (teamName: string) =>
  db.auditEvent.findMany({
    where: { entityRef: `team:${teamName}` },
    orderBy: { id: "asc" },
    select: { action: true, actorId: true, before: true, after: true },
  });

const teamRow = (id: string) => db.team.findUniqueOrThrow({ where: { id }, select: { version: true } });

async function teamWithOwner() {
  const owner = await createUser();
  const team = await createTeam([{ userId: owner.id, role: "owner" }]);
  return { owner, team, actor: await actorFor(owner.id) };
}

/** A field error of an InvalidInputError, or a failure if something else was thrown. */
async function fieldErrorsOf(promise: Promise<unknown>): Promise<Record<string, string[]>> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InvalidInputError);
  return (error as InvalidInputError).fieldErrors;
}

describe("createTeam", () => {
  it("creates the team with its first owner and audits it (admin)", async () => {
    const admin = await createUser({ role: "admin" });
    const owner = await createUser();
    const name = unique("team");
    const created = await createTeamAsAdmin(await actorFor(admin.id), {
      name,
      displayName: "Listener Insights",
      description: "Who listens to what.",
      ownerEmail: owner.email.toUpperCase(),
    });
    expect(created).toEqual({ name, version: 1 });
    const team = await db.team.findUniqueOrThrow({ where: { name } });
    expect(team).toMatchObject({ displayName: "Listener Insights", description: "Who listens to what." });
    expect(await membersOf(team.id)).toEqual([{ email: owner.email, role: "owner" }]);
    expect(await auditOf(name)).toEqual([
      {
        action: "team.created",
        actorId: admin.id,
        before: null,
        after: { displayName: "Listener Insights", description: "Who listens to what.", owners: [owner.email] },
      },
    ]);
  });

  it("answers a name clash, a bad URL name and an unknown owner with field errors", async () => {
    const admin = await actorFor((await createUser({ role: "admin" })).id);
    const { team, owner } = await teamWithOwner();
    expect(
      await fieldErrorsOf(createTeamAsAdmin(admin, { name: team.name, displayName: "Clash", ownerEmail: owner.email })),
    ).toEqual({ name: ["A team with this name exists already; choose another."] });
    const errors = await fieldErrorsOf(
      createTeamAsAdmin(admin, { name: "Not A URL name", displayName: "", ownerEmail: "nobody" }),
    );
    expect(Object.keys(errors).sort()).toEqual(["displayName", "name", "ownerEmail"]);
    expect(
      await fieldErrorsOf(
        createTeamAsAdmin(admin, { name: unique("team"), displayName: "X", ownerEmail: "nobody@nowhere.test" }),
      ),
    ).toHaveProperty("ownerEmail");
  });

  it("refuses a team owner who is not a platform admin (404), creating nothing", async () => {
    const { actor, owner } = await teamWithOwner();
    const name = unique("team");
    await expect(createTeamAsAdmin(actor, { name, displayName: "Mine", ownerEmail: owner.email })).rejects.toThrow(
      NotFoundError,
    );
    expect(await db.team.findUnique({ where: { name } })).toBeNull();
    expect(await auditOf(name)).toEqual([]);
  });
});

describe("team members", () => {
  it("lets an owner add a member, make them owner, and remove them, each audited", async () => {
    const { owner, team, actor } = await teamWithOwner();
    const user = await createUser();

    const added = await addTeamMember(actor, team.name, { email: user.email, role: "member" });
    expect(added.version).toBe(team.version + 1);
    expect(await membersOf(team.id)).toContainEqual({ email: user.email, role: "member" });

    const promoted = await changeTeamMemberRole(actor, team.name, {
      userId: user.id,
      role: "owner",
      version: added.version,
    });
    expect(await membersOf(team.id)).toContainEqual({ email: user.email, role: "owner" });

    await removeTeamMember(actor, team.name, { userId: user.id, version: promoted.version });
    expect(await membersOf(team.id)).toEqual([{ email: owner.email, role: "owner" }]);
    expect(await teamRow(team.id)).toEqual({ version: team.version + 3 });
    expect(await auditOf(team.name)).toEqual([
      { action: "team.member_added", actorId: owner.id, before: null, after: { member: user.email, role: "member" } },
      {
        action: "team.member_role_changed",
        actorId: owner.id,
        before: { member: user.email, role: "member" },
        after: { member: user.email, role: "owner" },
      },
      { action: "team.member_removed", actorId: owner.id, before: { member: user.email, role: "owner" }, after: null },
    ]);
  });

  it("never leaves a team without an owner", async () => {
    const { owner, team, actor } = await teamWithOwner();
    const errors = await fieldErrorsOf(removeTeamMember(actor, team.name, { userId: owner.id, version: team.version }));
    expect(errors.userId?.[0]).toMatch(/at least one owner/);
    expect(
      (await fieldErrorsOf(changeTeamMemberRole(actor, team.name, { userId: owner.id, role: "member", version: 1 })))
        .role?.[0],
    ).toMatch(/at least one owner/);
    expect(await membersOf(team.id)).toEqual([{ email: owner.email, role: "owner" }]);
    expect(await teamRow(team.id)).toEqual({ version: team.version });
    expect(await auditOf(team.name)).toEqual([]);
  });

  it("lets the last owner step down once another owner exists", async () => {
    const { owner, team, actor } = await teamWithOwner();
    const other = await createUser();
    const added = await addTeamMember(actor, team.name, { email: other.email, role: "owner" });
    await changeTeamMemberRole(actor, team.name, { userId: owner.id, role: "member", version: added.version });
    expect(await membersOf(team.id)).toEqual(
      [
        { email: owner.email, role: "member" },
        { email: other.email, role: "owner" },
      ].sort((a, b) => a.email.localeCompare(b.email)),
    );
  });

  it("refuses the owner of another team (403) and leaves the team unchanged", async () => {
    const { owner, team } = await teamWithOwner();
    const member = await createUser();
    await db.teamMembership.create({ data: { teamId: team.id, userId: member.id, role: "member" } });
    const stranger = await teamWithOwner();
    const outsider = await createUser();
    const before = await membersOf(team.id);

    await expect(addTeamMember(stranger.actor, team.name, { email: outsider.email })).rejects.toThrow(ForbiddenError);
    await expect(
      changeTeamMemberRole(stranger.actor, team.name, { userId: member.id, role: "owner", version: team.version }),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      removeTeamMember(stranger.actor, team.name, { userId: member.id, version: team.version }),
    ).rejects.toThrow(ForbiddenError);
    // A plain member of the team may not manage it either.
    await expect(
      removeTeamMember(await actorFor(member.id), team.name, { userId: owner.id, version: team.version }),
    ).rejects.toThrow(ForbiddenError);

    expect(await membersOf(team.id)).toEqual(before);
    expect(await teamRow(team.id)).toEqual({ version: team.version });
    expect(await auditOf(team.name)).toEqual([]);
  });

  it("lets a platform admin manage any team", async () => {
    const { team } = await teamWithOwner();
    const admin = await actorFor((await createUser({ role: "admin" })).id);
    const user = await createUser();
    await addTeamMember(admin, team.name, { email: user.email });
    expect(await membersOf(team.id)).toContainEqual({ email: user.email, role: "member" });
  });

  it("answers an unknown email and an existing member with field errors", async () => {
    const { owner, team, actor } = await teamWithOwner();
    expect(await fieldErrorsOf(addTeamMember(actor, team.name, { email: "nobody@nowhere.test" }))).toHaveProperty(
      "email",
    );
    expect(await fieldErrorsOf(addTeamMember(actor, team.name, { email: owner.email }))).toEqual({
      email: ["This user is a member of the team already."],
    });
    expect(await teamRow(team.id)).toEqual({ version: team.version });
  });

  it("refuses a change made from a stale page with a conflict", async () => {
    const { team, actor } = await teamWithOwner();
    const first = await createUser();
    const second = await createUser();
    await addTeamMember(actor, team.name, { email: first.email });
    await addTeamMember(actor, team.name, { email: second.email });
    await expect(removeTeamMember(actor, team.name, { userId: first.id, version: team.version + 1 })).rejects.toThrow(
      ConflictError,
    );
    expect(await membersOf(team.id)).toContainEqual({ email: first.email, role: "member" });
  });
});
