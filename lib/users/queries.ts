import "server-only";
import { db } from "../db";
import { authorize, can, requireActor } from "../authz";
import type { ManagedUserDto } from "./schemas";

/** Every user with role, teams and status, for platform admins (anyone else: NotFoundError). */
export async function listUsersForAdmin(): Promise<ManagedUserDto[]> {
  const actor = await requireActor();
  authorize(actor, "user.list", null);
  const users = await db.user.findMany({
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      disabledAt: true,
      lastSignInAt: true,
      version: true,
      memberships: {
        orderBy: { team: { name: "asc" } },
        select: { role: true, team: { select: { name: true, displayName: true } } },
      },
    },
  });
  return users.map((user) => ({
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    disabled: user.disabledAt !== null,
    lastSignInAt: user.lastSignInAt,
    version: user.version,
    teams: user.memberships.map((membership) => ({ ...membership.team, role: membership.role })),
    isSelf: user.id === actor.id,
    manageable: can(actor, "user.manage", { userId: user.id }),
  }));
}
