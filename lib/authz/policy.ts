// Who may do what: the one table of rules, pure and unit-tested. Deny by default: an action not listed here, or a
// resource the rule does not recognise, is refused.
import type { GlobalRole, LifecycleStatus, TeamRole } from "../generated/prisma/enums";

export interface Actor {
  id: string;
  email: string;
  name: string;
  role: GlobalRole;
  teams: { id: string; name: string; displayName: string; role: TeamRole }[];
}

/** The statuses every signed-in user can see; proposed and draft products exist only for their team. */
export const PUBLIC_STATUSES: readonly LifecycleStatus[] = ["active", "deprecated", "retired"];

export interface ProductResource {
  owningTeamId: string;
  status: LifecycleStatus;
}
export interface TeamResource {
  teamId: string;
}
export interface UserResource {
  userId: string;
}
export interface AccessRequestResource {
  requesterId: string;
  /** The team owning the product whose port is requested. */
  owningTeamId: string;
  consumerTeamId: string;
}
export interface GrantResource {
  /** The team owning the product whose port the grant opens. */
  owningTeamId: string;
  consumerTeamId: string;
}

interface Resources {
  "product.read": ProductResource;
  "product.create": TeamResource;
  "product.update": ProductResource;
  "team.read": null;
  "team.manage": TeamResource;
  "team.create": null;
  "domain.read": null;
  "domain.create": null;
  "domain.manage": TeamResource;
  "user.list": null;
  "user.manage": UserResource;
  "audit.read": null;
  "policy.manage": null;
  "polyseme.manage": null;
  "access-request.create": TeamResource;
  "access-request.read": AccessRequestResource;
  "access-request.decide": AccessRequestResource;
  "access-request.withdraw": AccessRequestResource;
  "grant.read": GrantResource;
  "grant.revoke": GrantResource;
  "grant.relinquish": GrantResource;
}

export type Action = keyof Resources;
export type ResourceOf<A extends Action> = Resources[A];

const isAdmin = (actor: Actor) => actor.role === "admin";
const isGovernance = (actor: Actor) => actor.role === "governance" || actor.role === "admin";
const memberOf = (actor: Actor, teamId: string) => actor.teams.some((team) => team.id === teamId);
const ownerOf = (actor: Actor, teamId: string) =>
  actor.teams.some((team) => team.id === teamId && team.role === "owner");

type Rules = { [A in Action]: (actor: Actor, resource: Resources[A]) => boolean };

const rules: Rules = {
  "product.read": (actor, product) =>
    PUBLIC_STATUSES.includes(product.status) || isGovernance(actor) || memberOf(actor, product.owningTeamId),
  "product.create": (actor, { teamId }) => isAdmin(actor) || memberOf(actor, teamId),
  "product.update": (actor, product) => isAdmin(actor) || memberOf(actor, product.owningTeamId),
  "team.read": () => true,
  "team.manage": (actor, { teamId }) => isAdmin(actor) || ownerOf(actor, teamId),
  "team.create": (actor) => isAdmin(actor),
  "domain.read": () => true,
  "domain.create": (actor) => isAdmin(actor),
  "domain.manage": (actor, { teamId }) => isAdmin(actor) || ownerOf(actor, teamId),
  "user.list": (actor) => isAdmin(actor),
  // Admins manage other users; nobody changes their own role or disables themselves (no lock-out by mistake).
  "user.manage": (actor, { userId }) => isAdmin(actor) && actor.id !== userId,
  "audit.read": (actor) => isGovernance(actor),
  "policy.manage": (actor) => isGovernance(actor),
  "polyseme.manage": (actor) => isGovernance(actor),
  "access-request.create": (actor, { teamId }) => memberOf(actor, teamId),
  "access-request.read": (actor, request) =>
    isGovernance(actor) ||
    actor.id === request.requesterId ||
    memberOf(actor, request.owningTeamId) ||
    memberOf(actor, request.consumerTeamId),
  "access-request.decide": (actor, request) =>
    actor.id !== request.requesterId && (isAdmin(actor) || memberOf(actor, request.owningTeamId)),
  "access-request.withdraw": (actor, request) => actor.id === request.requesterId,
  "grant.read": (actor, grant) =>
    isGovernance(actor) || memberOf(actor, grant.owningTeamId) || memberOf(actor, grant.consumerTeamId),
  "grant.revoke": (actor, grant) => isAdmin(actor) || memberOf(actor, grant.owningTeamId),
  "grant.relinquish": (actor, grant) => memberOf(actor, grant.consumerTeamId),
};

export function can<A extends Action>(actor: Actor | null, action: A, resource: Resources[A]): boolean {
  if (!actor) return false;
  const rule = rules[action] as ((actor: Actor, resource: Resources[A]) => boolean) | undefined;
  if (!rule) return false;
  try {
    return rule(actor, resource) === true;
  } catch {
    return false;
  }
}

/** Actions whose refusal must look like absence: the actor may not even know the resource exists. */
const readActions: Partial<Record<Action, Action>> = {
  "product.update": "product.read",
  // Teams and domains are visible to every signed-in user: refusing to manage one is a 403.
  "team.manage": "team.read",
  "domain.manage": "domain.read",
  "access-request.decide": "access-request.read",
  "access-request.withdraw": "access-request.read",
  "grant.revoke": "grant.read",
  "grant.relinquish": "grant.read",
  "user.manage": "user.list",
};

/**
 * What a refusal answers: "not-found" (404) when the actor may not see the resource at all, "forbidden" (403) when
 * they may see it but not do this.
 */
export function refusalFor<A extends Action>(
  actor: Actor | null,
  action: A,
  resource: Resources[A],
): "not-found" | "forbidden" {
  const read = readActions[action];
  if (read && can(actor, read, resource as never)) return "forbidden";
  return "not-found";
}
