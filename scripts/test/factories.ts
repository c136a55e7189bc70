// Test data: every call makes uniquely named rows, so tests never collide and need no global reset.
import crypto from "node:crypto";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz/policy";
import type { GlobalRole, LifecycleStatus, TeamRole } from "@/lib/generated/prisma/enums";

export const unique = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

export async function createUser(options: { role?: GlobalRole; passwordHash?: string; disabled?: boolean } = {}) {
  const name = unique("user");
  return db.user.create({
    data: {
      email: `${name}@test.hexmesh.local`,
      name,
      role: options.role ?? "member",
      passwordHash: options.passwordHash,
      disabledAt: options.disabled ? new Date() : null,
    },
  });
}

export async function createTeam(members: { userId: string; role: TeamRole }[] = []) {
  const name = unique("team");
  return db.team.create({
    data: { name, displayName: name, members: { create: members } },
  });
}

export async function createDomain(owningTeamId: string) {
  const name = unique("domain");
  return db.domain.create({ data: { name, displayName: name, owningTeamId } });
}

export async function createProduct(options: { domainId: string; owningTeamId: string; status?: LifecycleStatus }) {
  const name = unique("product");
  return db.dataProduct.create({
    data: {
      name,
      displayName: name,
      domainId: options.domainId,
      owningTeamId: options.owningTeamId,
      archetype: "aggregate",
      status: options.status ?? "active",
    },
  });
}

/** The Actor lib/authz builds for a user (role and team memberships from the database). */
export async function actorFor(userId: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      memberships: { select: { role: true, team: { select: { id: true, name: true, displayName: true } } } },
    },
  });
  return { ...user, teams: user.memberships.map((m) => ({ ...m.team, role: m.role })) };
}
