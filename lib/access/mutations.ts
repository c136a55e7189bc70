import "server-only";
import { writeAudit } from "../audit";
import { authorize, type Actor } from "../authz";
import { db, type Tx } from "../db";
import { ConflictError, InvalidInputError, isUniqueViolation, NotFoundError, parseInput } from "../errors";
import type { GrantStatus } from "../generated/prisma/enums";
import { enqueueJob } from "../jobs";
import { notifyTeam, notifyUsers } from "../notifications";
import { isProvisionable } from "../provisioning";
import { emitTeamEvent } from "../webhooks";
import {
  GRANT_SELECT,
  REQUEST_SELECT,
  toAccessRequestDto,
  toGrantDto,
  type AccessRequestDto,
  type GrantDto,
} from "./dto";
import {
  accessLevelsOf,
  addDays,
  AccessRequestInput,
  ApproveInput,
  canMoveGrant,
  canMoveRequest,
  EXPIRY_REMINDER_DAYS,
  isUuid,
  maxGrantDaysOf,
  periodDays,
  periodProblems,
  RejectInput,
  RevokeInput,
  toDateInput,
  VersionInput,
} from "./schemas";

// The access request and grant state machine, enforced here: every change checks the current state inside its
// transaction (a conditional UPDATE on status and version), so of two concurrent decisions exactly one wins and the
// other gets 409. Each change writes its audit event, its notifications, its webhook events and its provisioning
// job in the same transaction: either all of it happens or none.

const FIELDS = "Check the highlighted fields.";
const ACCESS_PAGE = "/access";

type RequestStatusChange = "approved" | "rejected" | "withdrawn";

const PORT_FOR_REQUEST_SELECT = {
  id: true,
  name: true,
  displayName: true,
  server: true,
  contract: true,
  maxGrantDays: true,
  autoApprove: true,
  product: {
    select: {
      id: true,
      name: true,
      displayName: true,
      status: true,
      owningTeamId: true,
      domain: { select: { name: true } },
    },
  },
} as const;

/** The requested output port as the actor may see it; a product they may not see does not exist (404). */
async function findRequestablePort(actor: Actor, productRef: string, portName: string) {
  const [domain, name] = productRef.split("/");
  const port = await db.outputPort.findFirst({
    where: { name: portName, product: { name, domain: { name: domain } } },
    select: PORT_FOR_REQUEST_SELECT,
  });
  if (!port) throw new NotFoundError(`No output port ${portName} of ${productRef} is visible to you.`);
  authorize(actor, "product.read", port.product);
  return port;
}

function productRefOf(port: { product: { name: string; domain: { name: string } } }): string {
  return `${port.product.domain.name}/${port.product.name}`;
}

const requestRef = (id: string) => `access-request:${id}`;
const grantRef = (id: string) => `grant:${id}`;

async function readRequest(tx: Tx, id: string): Promise<AccessRequestDto> {
  return toAccessRequestDto(await tx.accessRequest.findUniqueOrThrow({ where: { id }, select: REQUEST_SELECT }));
}

async function readGrant(tx: Tx, id: string): Promise<GrantDto> {
  return toGrantDto(await tx.grant.findUniqueOrThrow({ where: { id }, select: GRANT_SELECT }));
}

export interface RequestAccessResult {
  request: AccessRequestDto;
  /** True when an Idempotency-Key repeated an earlier call: nothing new was made. */
  replayed: boolean;
}

/**
 * Asks for access to an output port on behalf of one of the actor's teams. Requests of the owning team itself, and
 * requests on ports set to auto-approve, are approved at once. With an idempotency key, a repeat returns the first
 * result.
 */
export async function requestAccess(
  actor: Actor,
  input: unknown,
  options: { idempotencyKey?: string; renewsGrantId?: string; now?: Date } = {},
): Promise<RequestAccessResult> {
  const values = parseInput(AccessRequestInput, input);
  const now = options.now ?? new Date();
  const key = options.idempotencyKey;
  if (key) {
    const replay = await findReplay(actor, key);
    if (replay) return replay;
  }
  const port = await findRequestablePort(actor, values.product, values.port);
  if (port.product.status !== "active" && port.product.status !== "deprecated") {
    throw new InvalidInputError(`${port.product.displayName} is ${port.product.status}: it takes no access requests.`);
  }
  const team = await db.team.findUnique({ where: { name: values.consumerTeam }, select: { id: true, name: true } });
  const consumerTeam = actor.teams.find((candidate) => candidate.id === team?.id);
  if (!team || !consumerTeam) {
    throw new InvalidInputError(FIELDS, { consumerTeam: ["Choose one of your teams."] });
  }
  authorize(actor, "access-request.create", { teamId: team.id });
  const levels = accessLevelsOf(port.contract).map((level) => level.level);
  if (!levels.includes(values.accessLevel)) {
    throw new InvalidInputError(FIELDS, { accessLevel: [`Choose one of: ${levels.join(", ")}.`] });
  }
  const maxDays = maxGrantDaysOf(port);
  const problems = periodProblems(values, maxDays, now);
  if (Object.keys(problems).length > 0) throw new InvalidInputError(FIELDS, problems);

  const renewing = options.renewsGrantId;
  const existingGrant = await db.grant.findFirst({
    where: { outputPortId: port.id, consumerTeamId: team.id, accessLevel: values.accessLevel, status: "active" },
    select: { id: true, endsAt: true },
  });
  if (existingGrant && existingGrant.id !== renewing) {
    throw new InvalidInputError(
      `${consumerTeam.displayName} has access to this port until ${toDateInput(existingGrant.endsAt)} already: ` +
        "ask for a renewal from the Access page instead.",
    );
  }
  const autoReason =
    team.id === port.product.owningTeamId
      ? "Approved at once: the owning team asked for its own port."
      : port.autoApprove
        ? "Approved at once: this port grants access without review."
        : null;

  try {
    const request = await db.$transaction(async (tx) => {
      const created = await tx.accessRequest.create({
        data: {
          outputPortId: port.id,
          requesterId: actor.id,
          consumerTeamId: team.id,
          purpose: values.purpose,
          use: values.use,
          accessLevel: values.accessLevel,
          startsAt: values.startsAt,
          endsAt: values.endsAt,
          idempotencyKey: key ?? null,
          renewsGrantId: renewing ?? null,
        },
        select: { id: true },
      });
      await writeAudit(tx, {
        actor,
        action: "access-request.created",
        entityRef: requestRef(created.id),
        after: {
          outputPort: `output-port:${productRefOf(port)}#${port.name}`,
          consumerTeam: team.name,
          purpose: values.purpose,
          use: values.use,
          accessLevel: values.accessLevel,
          startsAt: values.startsAt.toISOString(),
          endsAt: values.endsAt.toISOString(),
          status: "pending",
          ...(renewing ? { renews: grantRef(renewing) } : {}),
        },
      });
      if (autoReason) {
        await decideInTransaction(tx, null, created.id, 1, { outcome: "approved", reason: autoReason }, now);
      } else {
        const dto = await readRequest(tx, created.id);
        await notifyTeam(
          tx,
          port.product.owningTeamId,
          {
            kind: "access-request.created",
            title: `${actor.name} asks for ${dto.outputPort.portDisplayName} of ${dto.outputPort.productDisplayName}`,
            body: `For ${dto.consumerTeam.displayName}, ${values.use.replace("_", " ")}: ${values.purpose}`,
            link: `${ACCESS_PAGE}#request-${created.id}`,
          },
          { exceptUserId: actor.id },
        );
        await emitTeamEvent(tx, [port.product.owningTeamId, team.id], {
          type: "access-request.created",
          subject: requestRef(created.id),
          data: dto,
        });
      }
      return readRequest(tx, created.id);
    });
    return { request, replayed: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    if (key) {
      const replay = await findReplay(actor, key);
      if (replay) return replay;
    }
    throw new InvalidInputError(
      `${consumerTeam.displayName} has an open request for this port already: wait for the owners' decision, or ` +
        "withdraw it from the Access page.",
    );
  }
}

async function findReplay(actor: Actor, key: string): Promise<RequestAccessResult | null> {
  const earlier = await db.accessRequest.findUnique({
    where: { requesterId_idempotencyKey: { requesterId: actor.id, idempotencyKey: key } },
    select: REQUEST_SELECT,
  });
  return earlier ? { request: toAccessRequestDto(earlier), replayed: true } : null;
}

/** Asks to extend a grant the actor's team holds: a request for the same port from the grant's end on. */
export async function requestRenewal(actor: Actor, grantId: string, now = new Date()): Promise<RequestAccessResult> {
  const grant = await loadGrant(actor, grantId);
  authorize(actor, "grant.relinquish", grant);
  if (grant.status !== "active") {
    throw new ConflictError(`This grant is ${grant.status}: request access anew from the product page.`);
  }
  const request = grant.accessRequest;
  const maxDays = maxGrantDaysOf(grant.outputPort);
  const startsAt = grant.endsAt.getTime() > now.getTime() ? grant.endsAt : now;
  const days = Math.min(periodDays(request.startsAt, request.endsAt), maxDays);
  const pending = await db.accessRequest.findFirst({
    where: { renewsGrantId: grant.id, status: "pending" },
    select: { id: true },
  });
  if (pending) throw new InvalidInputError("A renewal of this grant is waiting for the owners' decision already.");
  return requestAccess(
    actor,
    {
      product: productRefOf(grant.outputPort),
      port: grant.outputPort.name,
      consumerTeam: grant.consumerTeam.name,
      purpose: request.purpose.startsWith("Renewal: ") ? request.purpose : `Renewal: ${request.purpose}`,
      use: request.use,
      accessLevel: grant.accessLevel,
      startsAt,
      endsAt: addDays(startsAt, days),
    },
    { renewsGrantId: grant.id, now },
  );
}

export type Decision =
  { outcome: "approved"; endsAt?: Date; reason?: string } | { outcome: "rejected"; reason: string };

/** Approves a pending request (optionally with an earlier end): the consumer team gets a grant. */
export async function approveAccessRequest(actor: Actor, id: string, input: unknown): Promise<AccessRequestDto> {
  return decide(actor, id, () => {
    const values = parseInput(ApproveInput, input);
    return { version: values.version, outcome: "approved", endsAt: values.endsAt, reason: values.reason };
  });
}

/** Rejects a pending request with a reason. */
export async function rejectAccessRequest(actor: Actor, id: string, input: unknown): Promise<AccessRequestDto> {
  return decide(actor, id, () => {
    const values = parseInput(RejectInput, input);
    return { version: values.version, outcome: "rejected", reason: values.reason };
  });
}

async function loadRequest(actor: Actor, id: string) {
  if (!isUuid(id)) throw new NotFoundError("No such access request is visible to you.");
  const request = await db.accessRequest.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      version: true,
      requesterId: true,
      consumerTeamId: true,
      outputPort: { select: { product: { select: { owningTeamId: true } } } },
    },
  });
  if (!request) throw new NotFoundError("No such access request is visible to you.");
  return { ...request, owningTeamId: request.outputPort.product.owningTeamId };
}

/** Authorizes first, then reads the input: who may not decide learns nothing from validation errors. */
async function decide(actor: Actor, id: string, parse: () => Decision & { version?: number }) {
  const request = await loadRequest(actor, id);
  authorize(actor, "access-request.decide", request);
  const { version, ...decision } = parse();
  try {
    return await db.$transaction((tx) =>
      decideInTransaction(tx, actor, id, version ?? request.version, decision, new Date()),
    );
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError("The consumer team has an active grant on this port already; it was not duplicated.");
    }
    throw error;
  }
}

/** Moves a pending request to approved/rejected; `actor` null for automatic approvals. */
async function decideInTransaction(
  tx: Tx,
  actor: Actor | null,
  id: string,
  version: number,
  decision: Decision,
  now: Date,
): Promise<AccessRequestDto> {
  await moveRequest(tx, id, version, decision.outcome, {
    decidedById: actor?.id ?? null,
    decidedAt: now,
    decisionReason: decision.reason ?? null,
  });
  const before = await tx.accessRequest.findUniqueOrThrow({
    where: { id },
    select: {
      startsAt: true,
      endsAt: true,
      renewsGrantId: true,
      accessLevel: true,
      consumerTeamId: true,
      requesterId: true,
      outputPort: { select: { id: true, server: true, product: { select: { owningTeamId: true } } } },
    },
  });
  let endsAt = before.endsAt;
  if (decision.outcome === "approved" && decision.endsAt) {
    if (decision.endsAt.getTime() > before.endsAt.getTime() || decision.endsAt.getTime() <= before.startsAt.getTime()) {
      throw new InvalidInputError(FIELDS, {
        endsAt: [`Choose an end after the start and no later than the one asked for (${toDateInput(before.endsAt)}).`],
      });
    }
    endsAt = decision.endsAt;
    await tx.accessRequest.update({ where: { id }, data: { endsAt } });
  }
  await writeAudit(tx, {
    actor,
    action: `access-request.${decision.outcome}`,
    entityRef: requestRef(id),
    before: { status: "pending" },
    after: {
      status: decision.outcome,
      decisionReason: decision.reason ?? null,
      ...(endsAt.getTime() !== before.endsAt.getTime() ? { endsAt: endsAt.toISOString() } : {}),
    },
  });
  const owningTeamId = before.outputPort.product.owningTeamId;
  if (decision.outcome === "approved") {
    await grantAccess(tx, actor, id, { ...before, endsAt }, now);
  }
  const dto = await readRequest(tx, id);
  const what = `${dto.outputPort.portDisplayName} of ${dto.outputPort.productDisplayName}`;
  await notifyUsers(tx, [before.requesterId], {
    kind: `access-request.${decision.outcome}`,
    title: decision.outcome === "approved" ? `Access to ${what} granted` : `Access to ${what} rejected`,
    body:
      decision.outcome === "approved"
        ? `${dto.consumerTeam.displayName} may use it until ${toDateInput(new Date(dto.endsAt))}.` +
          (decision.reason ? ` ${decision.reason}` : "")
        : decision.reason,
    link: ACCESS_PAGE,
  });
  await emitTeamEvent(tx, [owningTeamId, before.consumerTeamId], {
    type: `access-request.${decision.outcome}`,
    subject: requestRef(id),
    data: dto,
  });
  return dto;
}

/** The conditional update that enforces the request state machine: stale version or state answers 409. */
async function moveRequest(
  tx: Tx,
  id: string,
  version: number,
  to: RequestStatusChange,
  data: { decidedById?: string | null; decidedAt?: Date; decisionReason?: string | null } = {},
): Promise<void> {
  const { count } = await tx.accessRequest.updateMany({
    where: { id, status: "pending", version },
    data: { status: to, version: { increment: 1 }, ...data },
  });
  if (count === 1) return;
  const current = await tx.accessRequest.findUnique({
    where: { id },
    select: { status: true, decidedAt: true, decidedBy: { select: { name: true } } },
  });
  if (!current) throw new NotFoundError("No such access request is visible to you.");
  if (!canMoveRequest(current.status, to)) {
    const by = current.decidedBy ? ` by ${current.decidedBy.name}` : "";
    const at = current.decidedAt ? ` on ${toDateInput(current.decidedAt)}` : "";
    throw new ConflictError(`This request was ${current.status}${by}${at} already.`);
  }
  throw new ConflictError("Someone else changed this request meanwhile; reload the page and try again.");
}

/** Creates the grant of an approved request, or extends the grant a renewal names. */
async function grantAccess(
  tx: Tx,
  actor: Actor | null,
  requestId: string,
  request: {
    startsAt: Date;
    endsAt: Date;
    renewsGrantId: string | null;
    accessLevel: string;
    consumerTeamId: string;
    outputPort: { id: string; server: unknown };
  },
  now: Date,
): Promise<void> {
  if (request.renewsGrantId) {
    const { count } = await tx.grant.updateMany({
      where: { id: request.renewsGrantId, status: "active" },
      data: { endsAt: request.endsAt, reminderSentAt: null, version: { increment: 1 } },
    });
    if (count === 1) {
      await writeAudit(tx, {
        actor,
        action: "grant.renewed",
        entityRef: grantRef(request.renewsGrantId),
        after: { endsAt: request.endsAt.toISOString(), accessRequest: requestRef(requestId) },
      });
      return;
    }
    // The grant ended meanwhile: the renewal becomes a grant of its own, from now on.
  }
  const provisionable = isProvisionable(request.outputPort.server);
  const startsAt = request.startsAt.getTime() > now.getTime() ? request.startsAt : now;
  const grant = await tx.grant.create({
    data: {
      accessRequestId: requestId,
      outputPortId: request.outputPort.id,
      consumerTeamId: request.consumerTeamId,
      accessLevel: request.accessLevel,
      startsAt,
      endsAt: request.endsAt,
      provisioningState: provisionable ? "pending" : "not_required",
    },
    select: { id: true },
  });
  await writeAudit(tx, {
    actor,
    action: "grant.created",
    entityRef: grantRef(grant.id),
    after: {
      accessRequest: requestRef(requestId),
      accessLevel: request.accessLevel,
      startsAt: startsAt.toISOString(),
      endsAt: request.endsAt.toISOString(),
      provisioningState: provisionable ? "pending" : "not-required",
    },
  });
  if (provisionable) await scheduleProvisioning(tx, grant.id, startsAt);
}

async function scheduleProvisioning(tx: Tx, grantId: string, runAt?: Date): Promise<void> {
  await enqueueJob(tx, "grant.provisioning", { grantId }, { jobKey: grantRef(grantId), runAt });
}

/** The requester takes back their pending request. */
export async function withdrawAccessRequest(actor: Actor, id: string, input: unknown): Promise<AccessRequestDto> {
  const request = await loadRequest(actor, id);
  authorize(actor, "access-request.withdraw", request);
  const values = parseInput(VersionInput, input);
  return db.$transaction(async (tx) => {
    await moveRequest(tx, id, values.version ?? request.version, "withdrawn", { decidedAt: new Date() });
    await writeAudit(tx, {
      actor,
      action: "access-request.withdrawn",
      entityRef: requestRef(id),
      before: { status: "pending" },
      after: { status: "withdrawn" },
    });
    const dto = await readRequest(tx, id);
    await emitTeamEvent(tx, [request.owningTeamId, request.consumerTeamId], {
      type: "access-request.withdrawn",
      subject: requestRef(id),
      data: dto,
    });
    return dto;
  });
}

async function loadGrant(actor: Actor, id: string) {
  if (!isUuid(id)) throw new NotFoundError("No such grant is visible to you.");
  const grant = await db.grant.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      version: true,
      endsAt: true,
      accessLevel: true,
      consumerTeamId: true,
      consumerTeam: { select: { name: true } },
      accessRequest: { select: { purpose: true, use: true, startsAt: true, endsAt: true } },
      outputPort: {
        select: {
          name: true,
          maxGrantDays: true,
          product: { select: { name: true, owningTeamId: true, domain: { select: { name: true } } } },
        },
      },
    },
  });
  if (!grant) throw new NotFoundError("No such grant is visible to you.");
  const resource = { owningTeamId: grant.outputPort.product.owningTeamId, consumerTeamId: grant.consumerTeamId };
  authorize(actor, "grant.read", resource);
  return { ...grant, ...resource };
}

/** The owning team (or an admin) ends a grant early, with a reason. */
export async function revokeGrant(actor: Actor, id: string, input: unknown): Promise<GrantDto> {
  const grant = await loadGrant(actor, id);
  authorize(actor, "grant.revoke", grant);
  const values = parseInput(RevokeInput, input);
  return endGrant(actor, grant, values.version ?? grant.version, "revoked", values.reason);
}

/** The consumer team gives a grant up. */
export async function relinquishGrant(actor: Actor, id: string, input: unknown): Promise<GrantDto> {
  const grant = await loadGrant(actor, id);
  authorize(actor, "grant.relinquish", grant);
  const values = parseInput(VersionInput, input);
  return endGrant(actor, grant, values.version ?? grant.version, "relinquished", null);
}

async function endGrant(
  actor: Actor,
  grant: { id: string; owningTeamId: string; consumerTeamId: string },
  version: number,
  to: "revoked" | "relinquished",
  reason: string | null,
): Promise<GrantDto> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    await moveGrant(tx, grant.id, version, to, {
      revokedById: actor.id,
      revokedAt: now,
      revokeReason: reason,
    });
    await writeAudit(tx, {
      actor,
      action: `grant.${to}`,
      entityRef: grantRef(grant.id),
      before: { status: "active" },
      after: { status: to, ...(reason ? { reason } : {}) },
    });
    const dto = await readGrant(tx, grant.id);
    const what = `${dto.outputPort.portDisplayName} of ${dto.outputPort.productDisplayName}`;
    if (to === "revoked") {
      await notifyTeam(tx, grant.consumerTeamId, {
        kind: "grant.revoked",
        title: `Access to ${what} revoked`,
        body: `${actor.name}: ${reason}`,
        link: ACCESS_PAGE,
      });
    } else {
      await notifyTeam(
        tx,
        grant.owningTeamId,
        {
          kind: "grant.relinquished",
          title: `${dto.consumerTeam.displayName} gave up access to ${what}`,
          link: ACCESS_PAGE,
        },
        { exceptUserId: actor.id },
      );
    }
    await emitTeamEvent(tx, [grant.owningTeamId, grant.consumerTeamId], {
      type: `grant.${to}`,
      subject: grantRef(grant.id),
      data: dto,
    });
    return dto;
  });
}

/**
 * The conditional update of the grant state machine. Ending a grant that was (or was being) provisioned queues its
 * deprovisioning.
 */
async function moveGrant(
  tx: Tx,
  id: string,
  version: number,
  to: Exclude<GrantStatus, "active">,
  data: { revokedById?: string; revokedAt?: Date; revokeReason?: string | null } = {},
): Promise<void> {
  const { count } = await tx.grant.updateMany({
    where: { id, status: "active", version },
    data: { status: to, version: { increment: 1 }, ...data },
  });
  if (count !== 1) {
    const current = await tx.grant.findUnique({ where: { id }, select: { status: true } });
    if (!current) throw new NotFoundError("No such grant is visible to you.");
    if (!canMoveGrant(current.status, to)) throw new ConflictError(`This grant is ${current.status} already.`);
    throw new ConflictError("Someone else changed this grant meanwhile; reload the page and try again.");
  }
  const { count: toDeprovision } = await tx.grant.updateMany({
    where: { id, provisioningState: { in: ["pending", "provisioned", "failed"] } },
    data: { provisioningState: "pending", provisioningError: null, provisioningAttempts: 0 },
  });
  if (toDeprovision === 1) await scheduleProvisioning(tx, id);
}

const EXPIRY_BATCH = 200;

/**
 * Ends every active grant whose period is over (the `grants.expire` job, every minute), in batches; safe to run on
 * several instances at once (rows are claimed with SKIP LOCKED). Returns how many grants expired.
 */
export async function expireDueGrants(now = new Date()): Promise<number> {
  let total = 0;
  for (;;) {
    const expired = await db.$transaction(async (tx) => {
      const due = await tx.$queryRaw<{ id: string; version: number }[]>`
        SELECT id, version FROM grants
        WHERE status = 'active' AND ends_at <= ${now}
        ORDER BY ends_at
        LIMIT ${EXPIRY_BATCH}
        FOR UPDATE SKIP LOCKED`;
      for (const { id, version } of due) {
        await moveGrant(tx, id, version, "expired");
        await writeAudit(tx, {
          actor: null,
          action: "grant.expired",
          entityRef: grantRef(id),
          before: { status: "active" },
          after: { status: "expired" },
        });
        const dto = await readGrant(tx, id);
        const owningTeamId = await owningTeamOf(tx, id);
        await notifyTeam(tx, await consumerTeamOf(tx, id), {
          kind: "grant.expired",
          title: `Access to ${dto.outputPort.portDisplayName} of ${dto.outputPort.productDisplayName} expired`,
          body: "Request access again from the product page if you still need it.",
          link: `/products/${dto.outputPort.product}`,
        });
        await emitTeamEvent(tx, [owningTeamId, await consumerTeamOf(tx, id)], {
          type: "grant.expired",
          subject: grantRef(id),
          data: dto,
        });
      }
      return due.length;
    });
    total += expired;
    if (expired < EXPIRY_BATCH) return total;
  }
}

async function owningTeamOf(tx: Tx, grantId: string): Promise<string> {
  const grant = await tx.grant.findUniqueOrThrow({
    where: { id: grantId },
    select: { outputPort: { select: { product: { select: { owningTeamId: true } } } } },
  });
  return grant.outputPort.product.owningTeamId;
}

async function consumerTeamOf(tx: Tx, grantId: string): Promise<string> {
  const grant = await tx.grant.findUniqueOrThrow({ where: { id: grantId }, select: { consumerTeamId: true } });
  return grant.consumerTeamId;
}

/**
 * Reminds the consumer teams of grants ending within EXPIRY_REMINDER_DAYS, once per grant end, with a link that asks
 * for a renewal in one click (the `grants.remind` job, hourly). Returns how many grants were reminded.
 */
export async function remindExpiringGrants(now = new Date()): Promise<number> {
  return db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM grants
      WHERE status = 'active' AND reminder_sent_at IS NULL
        AND ends_at > ${now} AND ends_at <= ${addDays(now, EXPIRY_REMINDER_DAYS)}
      ORDER BY ends_at
      LIMIT 500
      FOR UPDATE SKIP LOCKED`;
    for (const { id } of due) {
      await tx.grant.update({ where: { id }, data: { reminderSentAt: now } });
      const dto = await readGrant(tx, id);
      const consumerTeamId = await consumerTeamOf(tx, id);
      await notifyTeam(tx, consumerTeamId, {
        kind: "grant.expiring",
        title: `Access to ${dto.outputPort.portDisplayName} of ${dto.outputPort.productDisplayName} ends on ${toDateInput(new Date(dto.endsAt))}`,
        body: "Ask for a renewal in one click.",
        link: `${ACCESS_PAGE}/renew/${id}`,
      });
      await emitTeamEvent(tx, [await owningTeamOf(tx, id), consumerTeamId], {
        type: "grant.expiring",
        subject: grantRef(id),
        data: dto,
      });
    }
    return due.length;
  });
}
