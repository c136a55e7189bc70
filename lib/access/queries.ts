import "server-only";
import { authorize, can, type Actor } from "../authz";
import { db } from "../db";
import { NotFoundError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { AccessRequestStatus, Classification } from "../generated/prisma/enums";
import { connectionDetailsFor, type ConnectionDetails } from "../provisioning";
import {
  GRANT_SELECT,
  REQUEST_SELECT,
  toAccessRequestDto,
  toGrantDto,
  type AccessRequestDto,
  type GrantDto,
} from "./dto";
import { accessLevelsOf, addDays, isUuid, maxGrantDaysOf, startOfDay, toDateInput } from "./schemas";

// Reads for the Access page, the request form and the REST API. Every read is scoped to what the actor may see:
// requests and grants of the teams they belong to (as consumer or as owner of the product); admins and
// governance see all.

const CLASSIFICATION_ORDER: Classification[] = ["public", "internal", "confidential", "restricted"];
const LIST_LIMIT = 100;

const isPlatformWide = (actor: Actor) => actor.role === "admin" || actor.role === "governance";
const teamIdsOf = (actor: Actor) => actor.teams.map((team) => team.id);

/** Requests on ports of products the actor's teams own. */
function ownedPortsWhere(actor: Actor): Prisma.OutputPortWhereInput {
  return { product: { owningTeamId: { in: teamIdsOf(actor) } } };
}

export interface RequestFormDto {
  product: { ref: string; displayName: string; status: string; limitations: string; usage: string };
  port: {
    name: string;
    displayName: string;
    description: string;
    kind: string;
    /** The highest classification among the port's fields, or null when none is set. */
    classification: Classification | null;
    piiFields: string[];
    maxGrantDays: number;
    autoApprove: boolean;
    levels: { level: string; description: string }[];
  };
  /** The actor's teams, with what they hold on this port already. */
  teams: {
    name: string;
    displayName: string;
    owning: boolean;
    pendingRequestId: string | null;
    activeGrantEndsAt: string | null;
  }[];
  defaults: { startsAt: string; endsAt: string; maxEndsAt: string };
}

/** What the request form shows before submitting: the port's terms and the actor's teams. */
export async function getRequestForm(
  actor: Actor,
  productRef: { domain: string; name: string },
  portName: string,
  now = new Date(),
): Promise<RequestFormDto> {
  const port = await db.outputPort.findFirst({
    where: { name: portName, product: { name: productRef.name, domain: { name: productRef.domain } } },
    select: {
      id: true,
      name: true,
      displayName: true,
      description: true,
      kind: true,
      maxGrantDays: true,
      autoApprove: true,
      contract: true,
      fields: { select: { name: true, classification: true, pii: true }, orderBy: { position: "asc" } },
      product: {
        select: {
          name: true,
          displayName: true,
          status: true,
          owningTeamId: true,
          limitations: true,
          usage: true,
          domain: { select: { name: true } },
        },
      },
    },
  });
  if (!port || !can(actor, "product.read", port.product)) {
    throw new NotFoundError(`No output port ${portName} of ${productRef.domain}/${productRef.name} is visible to you.`);
  }
  const teamIds = teamIdsOf(actor);
  const [pending, grants] = await Promise.all([
    db.accessRequest.findMany({
      where: { outputPortId: port.id, consumerTeamId: { in: teamIds }, status: "pending" },
      select: { id: true, consumerTeamId: true },
    }),
    db.grant.findMany({
      where: { outputPortId: port.id, consumerTeamId: { in: teamIds }, status: "active" },
      select: { consumerTeamId: true, endsAt: true },
    }),
  ]);
  const classifications = port.fields.map((field) => field.classification).filter((value) => value !== null);
  const classification = CLASSIFICATION_ORDER.findLast((candidate) => classifications.includes(candidate)) ?? null;
  const maxDays = maxGrantDaysOf(port);
  const start = startOfDay(now);
  return {
    product: {
      ref: `${port.product.domain.name}/${port.product.name}`,
      displayName: port.product.displayName,
      status: port.product.status,
      limitations: port.product.limitations,
      usage: port.product.usage,
    },
    port: {
      name: port.name,
      displayName: port.displayName,
      description: port.description,
      kind: port.kind,
      classification,
      piiFields: port.fields.filter((field) => field.pii).map((field) => field.name),
      maxGrantDays: maxDays,
      autoApprove: port.autoApprove,
      levels: accessLevelsOf(port.contract),
    },
    teams: actor.teams.map((team) => ({
      name: team.name,
      displayName: team.displayName,
      owning: team.id === port.product.owningTeamId,
      pendingRequestId: pending.find((request) => request.consumerTeamId === team.id)?.id ?? null,
      activeGrantEndsAt: iso(grants.find((grant) => grant.consumerTeamId === team.id)?.endsAt),
    })),
    defaults: {
      startsAt: toDateInput(start),
      endsAt: toDateInput(addDays(start, Math.min(90, maxDays))),
      maxEndsAt: toDateInput(addDays(start, maxDays)),
    },
  };
}

const iso = (value: Date | undefined | null) => (value ? value.toISOString() : null);

export interface InboxItemDto extends AccessRequestDto {
  /** Earlier requests of the same consumer team for the same port, newest first. */
  history: { id: string; status: AccessRequestStatus; createdAt: string; decisionReason: string | null }[];
}

export interface HeldGrantDto extends GrantDto {
  /** How to connect, for provisioned grants of the actor's own teams. */
  connection: ConnectionDetails | null;
  /** A renewal waiting for the owners' decision. */
  pendingRenewalId: string | null;
}

export interface AccessOverviewDto {
  /** Pending requests the actor may decide (their teams own the product; all for admins). */
  inbox: InboxItemDto[];
  /** Requests the actor made or their teams made, newest first. */
  requests: AccessRequestDto[];
  /** Grants the actor's teams hold: active ones, then the latest ended. */
  heldGrants: HeldGrantDto[];
  /** Active grants on ports the actor's teams own (all for admins, who may revoke any), soonest end first. */
  givenGrants: GrantDto[];
  /** Whether the actor decides on requests: their teams own products, or they are an admin. */
  decides: boolean;
}

export async function getAccessOverview(actor: Actor): Promise<AccessOverviewDto> {
  const teamIds = teamIdsOf(actor);
  const inboxWhere: Prisma.AccessRequestWhereInput = {
    status: "pending",
    requesterId: { not: actor.id },
    ...(actor.role === "admin" ? {} : { outputPort: ownedPortsWhere(actor) }),
  };
  const [inbox, requests, held, given, owned] = await Promise.all([
    db.accessRequest.findMany({
      where: inboxWhere,
      select: { ...REQUEST_SELECT, outputPortId: true, consumerTeamId: true },
      orderBy: { createdAt: "asc" },
      take: LIST_LIMIT,
    }),
    db.accessRequest.findMany({
      where: { OR: [{ requesterId: actor.id }, { consumerTeamId: { in: teamIds } }] },
      select: REQUEST_SELECT,
      orderBy: { createdAt: "desc" },
      take: LIST_LIMIT,
    }),
    db.grant.findMany({
      where: { consumerTeamId: { in: teamIds } },
      select: { ...GRANT_SELECT, outputPort: { select: { ...GRANT_SELECT.outputPort.select, server: true } } },
      orderBy: [{ status: "asc" }, { endsAt: "desc" }],
      take: LIST_LIMIT,
    }),
    db.grant.findMany({
      where: { status: "active", ...(actor.role === "admin" ? {} : { outputPort: ownedPortsWhere(actor) }) },
      select: GRANT_SELECT,
      orderBy: { endsAt: "asc" },
      take: LIST_LIMIT,
    }),
    db.dataProduct.findFirst({ where: { owningTeamId: { in: teamIds } }, select: { id: true } }),
  ]);
  const history = inbox.length
    ? await db.accessRequest.findMany({
        where: {
          status: { not: "pending" },
          OR: inbox.map((request) => ({ outputPortId: request.outputPortId, consumerTeamId: request.consumerTeamId })),
        },
        select: {
          id: true,
          status: true,
          createdAt: true,
          decisionReason: true,
          outputPortId: true,
          consumerTeamId: true,
        },
        orderBy: { createdAt: "desc" },
        take: 500,
      })
    : [];
  const renewals = held.length
    ? await db.accessRequest.findMany({
        where: { status: "pending", renewsGrantId: { in: held.map((grant) => grant.id) } },
        select: { id: true, renewsGrantId: true },
      })
    : [];
  return {
    inbox: inbox.map((request) => ({
      ...toAccessRequestDto(request),
      history: history
        .filter(
          (earlier) =>
            earlier.outputPortId === request.outputPortId && earlier.consumerTeamId === request.consumerTeamId,
        )
        .slice(0, 5)
        .map((earlier) => ({
          id: earlier.id,
          status: earlier.status,
          createdAt: earlier.createdAt.toISOString(),
          decisionReason: earlier.decisionReason,
        })),
    })),
    requests: requests.map(toAccessRequestDto),
    heldGrants: held
      // Active grants first (the enum orders active before the ended states), then the latest ended.
      .map((grant) => ({
        ...toGrantDto(grant),
        connection:
          grant.status === "active" && grant.provisioningState === "provisioned"
            ? connectionDetailsFor(grant.outputPort.server, grant.consumerTeam.name)
            : null,
        pendingRenewalId: renewals.find((renewal) => renewal.renewsGrantId === grant.id)?.id ?? null,
      })),
    givenGrants: given.map(toGrantDto),
    decides: actor.role === "admin" || owned !== null,
  };
}

/** One request, for the API; 404 when the actor may not see it. */
export async function getAccessRequest(actor: Actor, id: string): Promise<AccessRequestDto> {
  if (!isUuid(id)) throw new NotFoundError("No such access request is visible to you.");
  const row = await db.accessRequest.findUnique({ where: { id }, select: REQUEST_SELECT });
  if (!row) throw new NotFoundError("No such access request is visible to you.");
  authorize(actor, "access-request.read", {
    requesterId: row.requesterId,
    owningTeamId: row.outputPort.product.owningTeamId,
    consumerTeamId: row.consumerTeam.id,
  });
  return toAccessRequestDto(row);
}

/** One grant; 404 when the actor may not see it. */
export async function getGrant(actor: Actor, id: string): Promise<GrantDto> {
  if (!isUuid(id)) throw new NotFoundError("No such grant is visible to you.");
  const row = await db.grant.findUnique({ where: { id }, select: GRANT_SELECT });
  if (!row) throw new NotFoundError("No such grant is visible to you.");
  authorize(actor, "grant.read", {
    owningTeamId: row.outputPort.product.owningTeamId,
    consumerTeamId: row.consumerTeam.id,
  });
  return toGrantDto(row);
}

/**
 * Requests the actor may see, newest first: `inbox` those their teams decide on, `mine` those they or their teams
 * made; without a role both. Admins and governance see every request.
 */
export async function listAccessRequests(
  actor: Actor,
  query: { status?: AccessRequestStatus; role?: "inbox" | "mine" },
): Promise<AccessRequestDto[]> {
  const teamIds = teamIdsOf(actor);
  const inbox: Prisma.AccessRequestWhereInput = { outputPort: ownedPortsWhere(actor) };
  const mine: Prisma.AccessRequestWhereInput = {
    OR: [{ requesterId: actor.id }, { consumerTeamId: { in: teamIds } }],
  };
  const scope =
    query.role === "inbox" ? inbox : query.role === "mine" ? mine : isPlatformWide(actor) ? {} : { OR: [inbox, mine] };
  const rows = await db.accessRequest.findMany({
    where: { AND: [scope, query.status ? { status: query.status } : {}] },
    select: REQUEST_SELECT,
    orderBy: { createdAt: "desc" },
    take: LIST_LIMIT,
  });
  return rows.map(toAccessRequestDto);
}
