import "server-only";
import { db } from "../db";
import { authorize, can, requireActor } from "../authz";
import { parseInput } from "../errors";
import type { GlobalRole } from "../generated/prisma/enums";
import { decodeNameCursor, encodeNameCursor, keysetPage } from "../keyset";
import { escapeLike } from "../like";
import {
  ADMIN_USERS_PAGE_SIZE,
  AdminUsersQuery,
  GLOBAL_ROLES,
  type AdminUsersInput,
  type AdminUsersPageDto,
} from "./schemas";

/**
 * One page of the users, ordered by name, with their role, teams and status, for platform admins (anyone else:
 * NotFoundError): those whose name or email contains `q`, after (or before) a cursor of the previous page (keyset
 * pagination), and the counts of all users.
 */
export async function listUsersForAdmin(input: AdminUsersInput = {}): Promise<AdminUsersPageDto> {
  const actor = await requireActor();
  authorize(actor, "user.list", null);
  const query = parseInput(AdminUsersQuery, input);
  const after = decodeNameCursor(query.after);
  const before = after ? undefined : decodeNameCursor(query.before);
  const cursor = after ?? before;
  const order = before ? "desc" : "asc";
  const beyond = before ? "lt" : "gt";
  const [rows, roles, disabled] = await Promise.all([
    db.user.findMany({
      where: {
        AND: [
          query.q
            ? {
                OR: [
                  { name: { contains: escapeLike(query.q), mode: "insensitive" } },
                  { email: { contains: escapeLike(query.q), mode: "insensitive" } },
                ],
              }
            : {},
          cursor
            ? { OR: [{ name: { [beyond]: cursor.name } }, { name: cursor.name, id: { [beyond]: cursor.id } }] }
            : {},
        ],
      },
      orderBy: [{ name: order }, { id: order }],
      take: ADMIN_USERS_PAGE_SIZE + 1,
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
    }),
    db.user.groupBy({ by: ["role"], _count: { _all: true } }),
    db.user.count({ where: { disabledAt: { not: null } } }),
  ]);
  const { page, nextCursor, previousCursor } = keysetPage(
    rows,
    ADMIN_USERS_PAGE_SIZE,
    { after: Boolean(after), backwards: Boolean(before) },
    encodeNameCursor,
  );
  const byRole = Object.fromEntries(GLOBAL_ROLES.map((role) => [role, 0])) as Record<GlobalRole, number>;
  for (const entry of roles) byRole[entry.role] = entry._count._all;
  return {
    users: page.map((user) => ({
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
    })),
    nextCursor,
    previousCursor,
    summary: { total: Object.values(byRole).reduce((sum, count) => sum + count, 0), disabled, byRole },
  };
}
