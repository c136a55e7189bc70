import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { sessionUserId } from "../auth/session";
import { db, prepared } from "../db";
import { ForbiddenError, NotFoundError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { can, PUBLIC_STATUSES, refusalFor, type Action, type Actor, type ResourceOf } from "./policy";

export { can, type Action, type Actor } from "./policy";

/** The signed-in, enabled user with role and teams, read from the database once per request; null otherwise. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const id = await sessionUserId();
  if (!id) return null;
  // One round trip on every page: the user with their teams (Prisma's nested select would take two).
  const [user] = await db.$queryRaw<(Omit<Actor, "teams"> & { disabledAt: Date | null; teams: Actor["teams"] })[]>(
    prepared(Prisma.sql`
    SELECT u.id, u.email, u.name, u.role::text AS role, u.disabled_at AS "disabledAt",
           COALESCE(json_agg(json_build_object('id', t.id, 'name', t.name, 'displayName', t.display_name,
                                               'role', m.role) ORDER BY t.name) FILTER (WHERE t.id IS NOT NULL),
                    '[]') AS teams
    FROM users u
    LEFT JOIN team_memberships m ON m.user_id = u.id
    LEFT JOIN teams t ON t.id = m.team_id
    WHERE u.id = ${id}::uuid
    GROUP BY u.id`),
  );
  // A disabled or deleted user's session ends here, whatever the cookie says.
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, teams: user.teams };
});

/** The actor, or a redirect to the sign-in page. Every query and action starts here. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/signin");
  return actor;
}

/** Throws NotFoundError (404) or ForbiddenError (403) unless the actor may do `action` on `resource`. */
export function authorize<A extends Action>(actor: Actor, action: A, resource: ResourceOf<A>): void {
  if (can(actor, action, resource)) return;
  throw refusalFor(actor, action, resource) === "forbidden" ? new ForbiddenError() : new NotFoundError();
}

interface Scopes {
  "product.read": Prisma.DataProductWhereInput;
}

/** A Prisma `where` that leaves only what the actor may see; put it into every list query. */
export function scopeFor<A extends keyof Scopes>(actor: Actor, action: A): Scopes[A] {
  switch (action) {
    case "product.read":
      if (actor.role === "admin" || actor.role === "governance") return {};
      return {
        OR: [{ status: { in: [...PUBLIC_STATUSES] } }, { owningTeamId: { in: actor.teams.map((team) => team.id) } }],
      };
  }
  return { id: { in: [] } } as Scopes[A];
}

/**
 * The same scope as SQL for raw queries: a condition over a `data_products` row aliased `p`. Keep it in step with
 * scopeFor (an integration test compares the two).
 */
export function sqlScopeFor(actor: Actor, action: "product.read"): Prisma.Sql {
  switch (action) {
    case "product.read": {
      if (actor.role === "admin" || actor.role === "governance") return Prisma.sql`TRUE`;
      const teamIds = actor.teams.map((team) => team.id);
      return Prisma.sql`(p.status = ANY(${[...PUBLIC_STATUSES]}::lifecycle_status[]) OR p.owning_team_id = ANY(${teamIds}::uuid[]))`;
    }
  }
  return Prisma.sql`FALSE`;
}
