import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import type { AccessRequestStatus } from "@/lib/generated/prisma/enums";
import { actorFor, createDomain, createProduct, createTeam, createUser } from "@/scripts/test/factories";

// No session is needed (the mutations take the actor), but lib/authz imports the next-auth config.
vi.mock("@/lib/auth/session", () => ({ sessionUserId: async () => null }));

const {
  approveAccessRequest,
  expireDueGrants,
  rejectAccessRequest,
  relinquishGrant,
  remindExpiringGrants,
  requestAccess,
  requestRenewal,
  revokeGrant,
  withdrawAccessRequest,
} = await import("./mutations");
const { getAccessOverview, getAccessRequest, listAccessRequests } = await import("./queries");
const { toDateInput, addDays } = await import("./schemas");

const today = () => toDateInput(new Date());
const inDays = (days: number) => toDateInput(addDays(new Date(), days));

/**
 * A product of an owning team with one output port, a consumer team with a requester, and an outsider team. The
 * port is served from `server` (an s3 location unless said otherwise: nothing to provision).
 */
async function scenario(options: { autoApprove?: boolean; maxGrantDays?: number; server?: object } = {}) {
  const owner = await createUser();
  const requester = await createUser();
  const teammate = await createUser();
  const outsider = await createUser();
  const owningTeam = await createTeam([{ userId: owner.id, role: "owner" }]);
  const consumerTeam = await createTeam([
    { userId: requester.id, role: "member" },
    { userId: teammate.id, role: "owner" },
  ]);
  await createTeam([{ userId: outsider.id, role: "owner" }]);
  const domain = await createDomain(owningTeam.id);
  const product = await createProduct({ domainId: domain.id, owningTeamId: owningTeam.id });
  const port = await db.outputPort.create({
    data: {
      productId: product.id,
      name: "daily",
      displayName: "Daily table",
      kind: "files",
      format: "parquet",
      server: options.server ?? { type: "s3", location: "s3://bucket/daily/" },
      autoApprove: options.autoApprove ?? false,
      maxGrantDays: options.maxGrantDays ?? null,
    },
  });
  const input = {
    product: `${domain.name}/${product.name}`,
    port: port.name,
    consumerTeam: consumerTeam.name,
    purpose: "Weekly churn dashboard for the marketing team.",
    use: "analytics",
    startsAt: today(),
    endsAt: inDays(30),
  };
  return {
    owner: await actorFor(owner.id),
    requester: await actorFor(requester.id),
    teammate: await actorFor(teammate.id),
    outsider: await actorFor(outsider.id),
    owningTeam,
    consumerTeam,
    port,
    input,
  };
}

const auditOf = (entityRef: string) =>
  db.auditEvent.findMany({ where: { entityRef }, orderBy: { id: "asc" }, select: { action: true, actorId: true } });

const requestRow = (id: string) =>
  db.accessRequest.findUniqueOrThrow({ where: { id }, select: { status: true, version: true, decidedById: true } });

async function thrown(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

describe("requesting access", () => {
  it("creates a pending request, audited, and tells the owning team", async () => {
    const s = await scenario();
    const { request, replayed } = await requestAccess(s.requester, s.input);
    expect(replayed).toBe(false);
    expect(request).toMatchObject({
      status: "pending",
      consumerTeam: { name: s.consumerTeam.name },
      outputPort: { port: "daily", owningTeam: { name: s.owningTeam.name } },
      accessLevel: "read",
    });
    expect(await auditOf(`access-request:${request.id}`)).toEqual([
      { action: "access-request.created", actorId: s.requester.id },
    ]);
    const notified = await db.notification.findMany({
      where: { kind: "access-request.created", link: { contains: request.id } },
      select: { userId: true },
    });
    expect(notified.map((n) => n.userId)).toEqual([s.owner.id]);
    const inbox = await getAccessOverview(s.owner);
    expect(inbox.inbox.map((item) => item.id)).toContain(request.id);
  });

  it("refuses a second open request for the same port and team", async () => {
    const s = await scenario();
    await requestAccess(s.requester, s.input);
    const error = await thrown(requestAccess(s.teammate, s.input));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toMatch(/open request for this port already/);
    expect(await db.accessRequest.count({ where: { outputPortId: s.port.id } })).toBe(1);
  });

  it("refuses periods beyond the port's maximum, in the past, or ending before they start", async () => {
    const s = await scenario({ maxGrantDays: 10 });
    const tooLong = (await thrown(requestAccess(s.requester, { ...s.input, endsAt: inDays(11) }))) as InvalidInputError;
    expect(tooLong.fieldErrors.endsAt).toEqual(["This port grants access for at most 10 days: choose an earlier end."]);
    const past = (await thrown(requestAccess(s.requester, { ...s.input, startsAt: inDays(-2) }))) as InvalidInputError;
    expect(past.fieldErrors.startsAt).toEqual(["The start cannot lie in the past."]);
    const reversed = (await thrown(
      requestAccess(s.requester, { ...s.input, startsAt: inDays(3), endsAt: inDays(2) }),
    )) as InvalidInputError;
    expect(reversed.fieldErrors.endsAt).toEqual(["The end must be after the start."]);
    expect(await db.accessRequest.count({ where: { outputPortId: s.port.id } })).toBe(0);
  });

  it("refuses a request on behalf of a team the requester is not in", async () => {
    const s = await scenario();
    const error = (await thrown(requestAccess(s.outsider, s.input))) as InvalidInputError;
    expect(error.fieldErrors.consumerTeam).toEqual(["Choose one of your teams."]);
  });

  it("answers 404 for a port of a draft product of another team", async () => {
    const s = await scenario();
    await db.dataProduct.update({ where: { id: s.port.productId }, data: { status: "draft" } });
    expect(await thrown(requestAccess(s.requester, s.input))).toBeInstanceOf(NotFoundError);
  });

  it("with the same Idempotency-Key twice makes one request and returns the first", async () => {
    const s = await scenario();
    const key = crypto.randomUUID();
    const [first, second] = await Promise.all([
      requestAccess(s.requester, s.input, { idempotencyKey: key }),
      requestAccess(s.requester, s.input, { idempotencyKey: key }),
    ]);
    expect(second.request.id).toBe(first.request.id);
    expect([first.replayed, second.replayed].sort()).toEqual([false, true]);
    expect(await db.accessRequest.count({ where: { outputPortId: s.port.id } })).toBe(1);
    const again = await requestAccess(s.requester, s.input, { idempotencyKey: key });
    expect(again).toMatchObject({ replayed: true, request: { id: first.request.id } });
  });

  it("approves at once on an auto-approve port and for the owning team itself", async () => {
    const auto = await scenario({ autoApprove: true });
    const { request } = await requestAccess(auto.requester, auto.input);
    expect(request).toMatchObject({ status: "approved", decidedBy: null, grant: { status: "active" } });
    expect((await auditOf(`access-request:${request.id}`)).map((e) => e.action)).toEqual([
      "access-request.created",
      "access-request.approved",
    ]);

    const own = await scenario();
    const ownRequest = await requestAccess(own.owner, { ...own.input, consumerTeam: own.owningTeam.name });
    expect(ownRequest.request.status).toBe("approved");
  });
});

describe("deciding", () => {
  it("approves with a shorter period: a grant, audit events, a notification to the requester", async () => {
    const s = await scenario();
    const { request } = await requestAccess(s.requester, s.input);
    const decided = await approveAccessRequest(s.owner, request.id, { version: request.version, endsAt: inDays(10) });
    expect(decided).toMatchObject({ status: "approved", decidedBy: { email: s.owner.email } });
    expect(decided.endsAt.slice(0, 10)).toBe(inDays(10));
    const grant = await db.grant.findUniqueOrThrow({ where: { accessRequestId: request.id } });
    expect(grant).toMatchObject({ status: "active", provisioningState: "not_required" });
    expect(toDateInput(grant.endsAt)).toBe(inDays(10));
    expect(await auditOf(`grant:${grant.id}`)).toEqual([{ action: "grant.created", actorId: s.owner.id }]);
    expect(await db.notification.count({ where: { userId: s.requester.id, kind: "access-request.approved" } })).toBe(1);
  });

  it("refuses an end later than asked for", async () => {
    const s = await scenario();
    const { request } = await requestAccess(s.requester, s.input);
    const error = (await thrown(
      approveAccessRequest(s.owner, request.id, { endsAt: inDays(60) }),
    )) as InvalidInputError;
    expect(error.fieldErrors.endsAt?.[0]).toMatch(/no later than the one asked for/);
    expect((await requestRow(request.id)).status).toBe("pending");
  });

  it("needs a reason to reject", async () => {
    const s = await scenario();
    const { request } = await requestAccess(s.requester, s.input);
    const error = (await thrown(rejectAccessRequest(s.owner, request.id, { reason: "" }))) as InvalidInputError;
    expect(error.fieldErrors.reason).toBeDefined();
    const rejected = await rejectAccessRequest(s.owner, request.id, { reason: "Use the aggregated port instead." });
    expect(rejected).toMatchObject({ status: "rejected", decisionReason: "Use the aggregated port instead." });
    expect(await db.grant.count({ where: { accessRequestId: request.id } })).toBe(0);
  });

  it("is 404 for another team and 403 for the requester and their team; nothing changes", async () => {
    const s = await scenario();
    const { request } = await requestAccess(s.requester, s.input);
    expect(await thrown(approveAccessRequest(s.outsider, request.id, {}))).toBeInstanceOf(NotFoundError);
    expect(await thrown(getAccessRequest(s.outsider, request.id))).toBeInstanceOf(NotFoundError);
    expect(await thrown(approveAccessRequest(s.requester, request.id, {}))).toBeInstanceOf(ForbiddenError);
    expect(await thrown(approveAccessRequest(s.teammate, request.id, {}))).toBeInstanceOf(ForbiddenError);
    expect(await requestRow(request.id)).toEqual({ status: "pending", version: 1, decidedById: null });
    expect(await listAccessRequests(s.outsider, {})).not.toContainEqual(expect.objectContaining({ id: request.id }));
  });

  it("20 concurrent approvals and rejections leave exactly one decision and one audit event", async () => {
    const s = await scenario();
    const { request } = await requestAccess(s.requester, s.input);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        thrown(
          index % 2 === 0
            ? approveAccessRequest(s.owner, request.id, { version: 1 })
            : rejectAccessRequest(s.owner, request.id, { version: 1, reason: "Not for this purpose." }),
        ),
      ),
    );
    const failures = outcomes.filter((outcome) => outcome !== null);
    expect(failures).toHaveLength(19);
    for (const failure of failures) expect(failure).toBeInstanceOf(ConflictError);
    const decisions = (await auditOf(`access-request:${request.id}`)).filter(
      (event) => event.action !== "access-request.created",
    );
    expect(decisions).toHaveLength(1);
    const row = await requestRow(request.id);
    expect(row.version).toBe(2);
    expect(`access-request.${row.status}`).toBe(decisions[0]!.action);
    expect(await db.grant.count({ where: { accessRequestId: request.id } })).toBe(row.status === "approved" ? 1 : 0);
  });

  it("says who decided first when a decision comes too late", async () => {
    const s = await scenario();
    const { request } = await requestAccess(s.requester, s.input);
    await approveAccessRequest(s.owner, request.id, {});
    const late = await thrown(rejectAccessRequest(s.owner, request.id, { reason: "Too late now." }));
    expect(late).toBeInstanceOf(ConflictError);
    expect((late as Error).message).toMatch(/^This request was approved by .* on \d{4}-\d{2}-\d{2} already\.$/);
  });

  it("lets only the requester withdraw, and only while pending", async () => {
    const s = await scenario();
    const { request } = await requestAccess(s.requester, s.input);
    expect(await thrown(withdrawAccessRequest(s.teammate, request.id, {}))).toBeInstanceOf(ForbiddenError);
    const withdrawn = await withdrawAccessRequest(s.requester, request.id, {});
    expect(withdrawn.status).toBe<AccessRequestStatus>("withdrawn");
    expect(await thrown(approveAccessRequest(s.owner, request.id, {}))).toBeInstanceOf(ConflictError);
  });
});

describe("grants", () => {
  async function granted(options: Parameters<typeof scenario>[0] = {}) {
    const s = await scenario(options);
    const { request } = await requestAccess(s.requester, s.input);
    await approveAccessRequest(s.owner, request.id, {});
    const grant = await db.grant.findUniqueOrThrow({ where: { accessRequestId: request.id } });
    return { ...s, request, grant };
  }

  it("refuses a new request while the team holds an active grant, but not a renewal", async () => {
    const s = await granted();
    const error = await thrown(requestAccess(s.teammate, s.input));
    expect((error as Error).message).toMatch(/has access to this port until/);
    const renewal = await requestRenewal(s.teammate, s.grant.id);
    expect(renewal.request).toMatchObject({ status: "pending", renewsGrantId: s.grant.id });
    expect(renewal.request.startsAt).toBe(s.grant.endsAt.toISOString());
    await approveAccessRequest(s.owner, renewal.request.id, {});
    const renewed = await db.grant.findUniqueOrThrow({ where: { id: s.grant.id } });
    expect(renewed.endsAt.getTime()).toBeGreaterThan(s.grant.endsAt.getTime());
    expect(await db.grant.count({ where: { outputPortId: s.port.id } })).toBe(1);
    expect((await auditOf(`grant:${s.grant.id}`)).map((e) => e.action)).toEqual(["grant.created", "grant.renewed"]);
  });

  it("is revoked by the owning team with a reason, not by the consumer; given up by the consumer", async () => {
    const s = await granted();
    expect(await thrown(revokeGrant(s.requester, s.grant.id, { reason: "Mine now." }))).toBeInstanceOf(ForbiddenError);
    expect(await thrown(revokeGrant(s.outsider, s.grant.id, { reason: "Why not." }))).toBeInstanceOf(NotFoundError);
    const revoked = await revokeGrant(s.owner, s.grant.id, { reason: "The purpose ended." });
    expect(revoked).toMatchObject({ status: "revoked", revokeReason: "The purpose ended." });
    expect(await thrown(relinquishGrant(s.requester, s.grant.id, {}))).toBeInstanceOf(ConflictError);
    expect(
      await db.notification.count({
        where: { userId: { in: [s.requester.id, s.teammate.id] }, kind: "grant.revoked" },
      }),
    ).toBe(2);

    const other = await granted();
    const given = await relinquishGrant(other.requester, other.grant.id, {});
    expect(given.status).toBe("relinquished");

    const third = await granted();
    const admin = await actorFor((await createUser({ role: "admin" })).id);
    const byAdmin = await revokeGrant(admin, third.grant.id, { reason: "Platform audit: purpose not documented." });
    expect(byAdmin).toMatchObject({ status: "revoked", revokedBy: { email: admin.email } });
  });

  // The jobs act on the whole (shared) test database, so these tests move their own grant's end instead of the clock.
  it("expire after their end by the job, once, with an audit event and a notification", async () => {
    const s = await granted();
    await db.grant.update({ where: { id: s.grant.id }, data: { endsAt: new Date(Date.now() - 60_000) } });
    expect(await expireDueGrants()).toBeGreaterThanOrEqual(1);
    expect((await db.grant.findUniqueOrThrow({ where: { id: s.grant.id } })).status).toBe("expired");
    expect(await auditOf(`grant:${s.grant.id}`)).toEqual([
      { action: "grant.created", actorId: s.owner.id },
      { action: "grant.expired", actorId: null },
    ]);
    await expireDueGrants();
    expect((await auditOf(`grant:${s.grant.id}`)).length).toBe(2);
    expect(await db.notification.count({ where: { userId: s.requester.id, kind: "grant.expired" } })).toBe(1);
  });

  it("remind their consumers once, a week before the end, with a renewal link", async () => {
    const s = await granted();
    await db.grant.update({ where: { id: s.grant.id }, data: { endsAt: addDays(new Date(), 3) } });
    await remindExpiringGrants();
    await remindExpiringGrants();
    const reminders = await db.notification.findMany({
      where: { userId: s.requester.id, kind: "grant.expiring" },
      select: { link: true },
    });
    expect(reminders).toEqual([{ link: `/access/renew/${s.grant.id}` }]);
  });
});
