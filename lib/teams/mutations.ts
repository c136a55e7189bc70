import "server-only";
import { db, type Tx } from "../db";
import { writeAudit } from "../audit";
import { authorize, type Actor } from "../authz";
import { ConflictError, InvalidInputError, isUniqueViolation, NotFoundError, parseInput } from "../errors";
import type { TeamRole } from "../generated/prisma/enums";
import { AddTeamMemberInput, ChangeTeamMemberRoleInput, CreateTeamInput, RemoveTeamMemberInput } from "./schemas";

// Every function takes the actor explicitly (server actions pass requireActor()), authorizes against the team as
// stored, and writes the change and its audit event in one transaction. Membership changes bump the team's
// version: a change made from a stale page is a conflict, and two concurrent changes cannot both remove "the
// other" owner.

const CONFLICT = "Someone else changed this team's members; reload the page and try again.";
const LAST_OWNER = "A team needs at least one owner: make someone else an owner first.";

export interface TeamChangeDto {
  name: string;
  version: number;
}

async function loadTeam(actor: Actor, name: string) {
  const team = await db.team.findUnique({ where: { name }, select: { id: true, name: true, version: true } });
  if (!team) throw new NotFoundError(`Team ${name} not found.`);
  authorize(actor, "team.manage", { teamId: team.id });
  return team;
}

/** Bumps the team's version, expecting `version` when given (else it only serialises concurrent changes). */
async function bumpVersion(tx: Tx, teamId: string, version?: number): Promise<number> {
  const { count } = await tx.team.updateMany({
    where: { id: teamId, ...(version === undefined ? {} : { version }) },
    data: { version: { increment: 1 } },
  });
  if (count !== 1) throw new ConflictError(CONFLICT);
  const { version: next } = await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: { version: true } });
  return next;
}

async function findEnabledUser(email: string, field: string) {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, disabledAt: true } });
  if (!user || user.disabledAt) {
    throw new InvalidInputError("Check the highlighted fields.", {
      [field]: ["No active user has this email address; they must sign in once first."],
    });
  }
  return user;
}

/** Creates a team with its first owner (platform admins only). */
export async function createTeam(actor: Actor, input: unknown): Promise<TeamChangeDto> {
  authorize(actor, "team.create", null);
  const values = parseInput(CreateTeamInput, input);
  const owner = await findEnabledUser(values.ownerEmail, "ownerEmail");
  const nameTaken = { name: ["A team with this name exists already; choose another."] };
  if (await db.team.findUnique({ where: { name: values.name }, select: { id: true } })) {
    throw new InvalidInputError("Check the highlighted fields.", nameTaken);
  }
  try {
    return await db.$transaction(async (tx) => {
      const team = await tx.team.create({
        data: {
          name: values.name,
          displayName: values.displayName,
          description: values.description,
          members: { create: { userId: owner.id, role: "owner" } },
        },
        select: { name: true, version: true },
      });
      await writeAudit(tx, {
        actor,
        action: "team.created",
        entityRef: `team:${team.name}`,
        after: {
          displayName: values.displayName,
          description: values.description,
          owners: [owner.email],
        },
      });
      return team;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new InvalidInputError("Check the highlighted fields.", nameTaken);
    throw error;
  }
}

/** Adds an existing user to the team (its owners and platform admins). */
export async function addTeamMember(actor: Actor, teamName: string, input: unknown): Promise<TeamChangeDto> {
  const team = await loadTeam(actor, teamName);
  const values = parseInput(AddTeamMemberInput, input);
  const user = await findEnabledUser(values.email, "email");
  const already = { email: ["This user is a member of the team already."] };
  try {
    return await db.$transaction(async (tx) => {
      const version = await bumpVersion(tx, team.id);
      const existing = await tx.teamMembership.findUnique({
        where: { teamId_userId: { teamId: team.id, userId: user.id } },
        select: { role: true },
      });
      if (existing) throw new InvalidInputError("Check the highlighted fields.", already);
      await tx.teamMembership.create({ data: { teamId: team.id, userId: user.id, role: values.role } });
      await writeAudit(tx, {
        actor,
        action: "team.member_added",
        entityRef: `team:${team.name}`,
        after: { member: user.email, role: values.role },
      });
      return { name: team.name, version };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new InvalidInputError("Check the highlighted fields.", already);
    throw error;
  }
}

async function ownerCount(tx: Tx, teamId: string): Promise<number> {
  return tx.teamMembership.count({ where: { teamId, role: "owner" } });
}

async function loadMembership(tx: Tx, teamId: string, userId: string) {
  const membership = await tx.teamMembership.findUnique({
    where: { teamId_userId: { teamId, userId } },
    select: { role: true, user: { select: { email: true } } },
  });
  if (!membership) throw new ConflictError(CONFLICT);
  return membership;
}

/** Makes a member an owner or an owner a member; the last owner stays an owner. */
export async function changeTeamMemberRole(actor: Actor, teamName: string, input: unknown): Promise<TeamChangeDto> {
  const team = await loadTeam(actor, teamName);
  const values = parseInput(ChangeTeamMemberRoleInput, input);
  return db.$transaction(async (tx) => {
    const membership = await loadMembership(tx, team.id, values.userId);
    if (membership.role === values.role) return { name: team.name, version: team.version };
    const version = await bumpVersion(tx, team.id, values.version);
    if (membership.role === "owner" && (await ownerCount(tx, team.id)) <= 1) {
      throw new InvalidInputError(LAST_OWNER, { role: [LAST_OWNER] });
    }
    await tx.teamMembership.update({
      where: { teamId_userId: { teamId: team.id, userId: values.userId } },
      data: { role: values.role as TeamRole },
    });
    await writeAudit(tx, {
      actor,
      action: "team.member_role_changed",
      entityRef: `team:${team.name}`,
      before: { member: membership.user.email, role: membership.role },
      after: { member: membership.user.email, role: values.role },
    });
    return { name: team.name, version };
  });
}

/** Removes a member from the team; the last owner cannot be removed. */
export async function removeTeamMember(actor: Actor, teamName: string, input: unknown): Promise<TeamChangeDto> {
  const team = await loadTeam(actor, teamName);
  const values = parseInput(RemoveTeamMemberInput, input);
  return db.$transaction(async (tx) => {
    const version = await bumpVersion(tx, team.id, values.version);
    const membership = await loadMembership(tx, team.id, values.userId);
    if (membership.role === "owner" && (await ownerCount(tx, team.id)) <= 1) {
      throw new InvalidInputError(LAST_OWNER, { userId: [LAST_OWNER] });
    }
    await tx.teamMembership.delete({ where: { teamId_userId: { teamId: team.id, userId: values.userId } } });
    await writeAudit(tx, {
      actor,
      action: "team.member_removed",
      entityRef: `team:${team.name}`,
      before: { member: membership.user.email, role: membership.role },
    });
    return { name: team.name, version };
  });
}
