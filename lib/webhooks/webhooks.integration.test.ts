import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db, pool } from "@/lib/db";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { actorFor, createTeam, createUser } from "@/scripts/test/factories";

// No session is needed (the mutations take the actor), but lib/authz imports the next-auth config.
vi.mock("@/lib/auth/session", () => ({ sessionUserId: async () => null }));

const { createWebhook, deleteWebhook, rotateWebhookSecret, sendTestEvent, setWebhookEnabled } =
  await import("./mutations");
const { listTeamWebhooks } = await import("./queries");
const { emitTeamEvent, deliveryJobKey } = await import("./emit");
const { deliverWebhook, WebhookDeliveryError } = await import("./delivery");
const { decryptSecret } = await import("./secret-box");
const { webhookKey } = await import("./server-key");
const { verifyWebhookSignature } = await import("./signature");
const { buildCloudEvent, WEBHOOK_MAX_ATTEMPTS } = await import("./schemas");

// ---------------------------------------------------------------------------------------------------------------
// A local receiver: answers what `answer` says and keeps every request it got.
// ---------------------------------------------------------------------------------------------------------------
interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
const received: Received[] = [];
let answer = 204;
let receiverUrl = "";
const receiver = http.createServer((request, response) => {
  let body = "";
  request.setEncoding("utf8");
  request.on("data", (chunk: string) => (body += chunk));
  request.on("end", () => {
    received.push({ path: request.url ?? "", headers: request.headers, body });
    response.statusCode = answer;
    response.end(answer >= 400 ? "nope" : "");
  });
});
beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

async function teamWithOwner() {
  const [owner, member, admin] = await Promise.all([createUser(), createUser(), createUser({ role: "admin" })]);
  const team = await createTeam([
    { userId: owner.id, role: "owner" },
    { userId: member.id, role: "member" },
  ]);
  return {
    team,
    owner: await actorFor(owner.id),
    member: await actorFor(member.id),
    admin: await actorFor(admin.id),
  };
}

const auditOf = (teamName: string) =>
  db.auditEvent.findMany({
    where: { entityRef: `team:${teamName}`, action: { startsWith: "team.webhook" } },
    orderBy: { id: "asc" },
    select: { action: true, actorId: true, before: true, after: true },
  });

const webhookRow = (id: string) => db.teamWebhook.findUnique({ where: { id } });

/** Drops the queued job of deliveries a test made, so that no worker sends them later. */
async function dropJobs(deliveryIds: string[]) {
  for (const id of deliveryIds) await pool().query("SELECT graphile_worker.remove_job($1)", [deliveryJobKey(id)]);
}

describe("managing webhooks", () => {
  it("lets an owner create one: the secret is answered once, stored encrypted, and the change audited", async () => {
    const { team, owner } = await teamWithOwner();
    const created = await createWebhook(owner, team.name, { url: `${receiverUrl}/hook`, description: "Relay" });
    expect(created.secret).toMatch(/^whsec_/);
    const row = await webhookRow(created.webhookId);
    expect(row).toMatchObject({ url: `${receiverUrl}/hook`, description: "Relay", enabled: true, version: 1 });
    expect(row!.secretCiphertext).not.toContain(created.secret.slice(6));
    expect(decryptSecret(row!.secretCiphertext, webhookKey())).toBe(created.secret);
    const audit = await auditOf(team.name);
    expect(audit).toEqual([
      {
        action: "team.webhook_created",
        actorId: owner.id,
        before: null,
        after: { webhookId: created.webhookId, url: `${receiverUrl}/hook`, description: "Relay", enabled: true },
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain(created.secret);

    const listed = await listTeamWebhooks(owner, team.name);
    expect(listed.webhooks.map((webhook) => webhook.url)).toEqual([`${receiverUrl}/hook`]);
  });

  it("refuses URLs of addresses webhooks may not reach (cloud metadata, private networks) with a field error", async () => {
    const { team, owner } = await teamWithOwner();
    const refusals = {
      "http://169.254.169.254/latest/meta-data": /^169\.254\.169\.254 is in a link-local network/,
      "https://10.0.0.5/hook": /^10\.0\.0\.5 is in a private network/,
      "http://[::1]:8080/hook": /^::1 is on this machine \(loopback\)/,
    };
    for (const [url, message] of Object.entries(refusals)) {
      const error = await createWebhook(owner, team.name, { url }).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).fieldErrors.url?.[0]).toMatch(message);
    }
    expect(await db.teamWebhook.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("refuses URLs that are not http(s) with a field error", async () => {
    const { team, owner } = await teamWithOwner();
    for (const url of ["ftp://example.com/x", "javascript:alert(1)", "", "example.com/hook"]) {
      const error = await createWebhook(owner, team.name, { url }).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(Object.keys((error as InvalidInputError).fieldErrors)).toEqual(["url"]);
    }
    expect(await db.teamWebhook.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("disables, enables, rotates and deletes with version checks; a stale version is a 409", async () => {
    const { team, owner, admin } = await teamWithOwner();
    const { webhookId, secret } = await createWebhook(owner, team.name, { url: `${receiverUrl}/a` });
    expect(await setWebhookEnabled(owner, team.name, { webhookId, version: "1", enabled: "false" })).toEqual({
      webhookId,
      version: 2,
    });
    expect((await webhookRow(webhookId))?.enabled).toBe(false);
    await expect(setWebhookEnabled(owner, team.name, { webhookId, version: 1, enabled: true })).rejects.toBeInstanceOf(
      ConflictError,
    );
    // A platform admin may manage any team's webhooks.
    await setWebhookEnabled(admin, team.name, { webhookId, version: 2, enabled: true });
    const rotated = await rotateWebhookSecret(owner, team.name, { webhookId, version: 3 });
    expect(rotated.version).toBe(4);
    expect(rotated.secret).not.toBe(secret);
    expect(decryptSecret((await webhookRow(webhookId))!.secretCiphertext, webhookKey())).toBe(rotated.secret);
    await expect(deleteWebhook(owner, team.name, { webhookId, version: 3 })).rejects.toBeInstanceOf(ConflictError);
    await deleteWebhook(owner, team.name, { webhookId, version: 4 });
    expect(await webhookRow(webhookId)).toBeNull();
    await expect(deleteWebhook(owner, team.name, { webhookId, version: 5 })).rejects.toBeInstanceOf(NotFoundError);
    expect((await auditOf(team.name)).map((event) => [event.action, event.actorId])).toEqual([
      ["team.webhook_created", owner.id],
      ["team.webhook_disabled", owner.id],
      ["team.webhook_enabled", admin.id],
      ["team.webhook_secret_rotated", owner.id],
      ["team.webhook_deleted", owner.id],
    ]);
  });

  it("refuses a non-owner (403) and another team's owner, and changes nothing", async () => {
    const { team, owner, member } = await teamWithOwner();
    const other = await teamWithOwner();
    const { webhookId } = await createWebhook(owner, team.name, { url: `${receiverUrl}/b` });
    const before = await webhookRow(webhookId);
    const auditBefore = await auditOf(team.name);
    for (const intruder of [member, other.owner]) {
      await expect(listTeamWebhooks(intruder, team.name)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createWebhook(intruder, team.name, { url: `${receiverUrl}/c` })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(
        setWebhookEnabled(intruder, team.name, { webhookId, version: 1, enabled: false }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(rotateWebhookSecret(intruder, team.name, { webhookId, version: 1 })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(deleteWebhook(intruder, team.name, { webhookId, version: 1 })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(sendTestEvent(intruder, team.name, { webhookId })).rejects.toBeInstanceOf(ForbiddenError);
    }
    // Another team's owner cannot reach this webhook through their own team either.
    await expect(
      setWebhookEnabled(other.owner, other.team.name, { webhookId, version: 1, enabled: false }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(listTeamWebhooks(owner, "no-such-team-anywhere")).rejects.toBeInstanceOf(NotFoundError);
    expect(await webhookRow(webhookId)).toEqual(before);
    expect(await db.teamWebhook.count({ where: { teamId: team.id } })).toBe(1);
    expect(await db.webhookDelivery.count({ where: { webhookId } })).toBe(0);
    expect(await auditOf(team.name)).toEqual(auditBefore);
  });
});

describe("emitTeamEvent", () => {
  it("queues one CloudEvent per enabled webhook of the teams, with its job, in the caller's transaction", async () => {
    const a = await teamWithOwner();
    const b = await teamWithOwner();
    const one = await createWebhook(a.owner, a.team.name, { url: `${receiverUrl}/one` });
    const two = await createWebhook(a.owner, a.team.name, { url: `${receiverUrl}/two` });
    const off = await createWebhook(b.owner, b.team.name, { url: `${receiverUrl}/off` });
    await setWebhookEnabled(b.owner, b.team.name, { webhookId: off.webhookId, version: 1, enabled: false });
    const three = await createWebhook(b.owner, b.team.name, { url: `${receiverUrl}/three` });

    const event = { type: "access-request.created", subject: "product:podcasts/x", data: { requestId: "r1" } };
    // Checked inside the transaction, then rolled back: no worker of a running app ever sees these jobs.
    const rollback = new Error("rolled back on purpose");
    let ids: string[] = [];
    await expect(
      db.$transaction(async (tx) => {
        ids = await emitTeamEvent(tx, [a.team.id, b.team.id, a.team.id], event);
        expect(ids).toHaveLength(3);
        const deliveries = await tx.webhookDelivery.findMany({ where: { id: { in: ids } } });
        expect(deliveries.map((d) => d.webhookId).sort()).toEqual(
          [one.webhookId, two.webhookId, three.webhookId].sort(),
        );
        for (const delivery of deliveries) {
          expect(delivery).toMatchObject({
            status: "pending",
            attempts: 0,
            eventType: "com.hexmesh.access-request.created",
          });
          const team = delivery.webhookId === three.webhookId ? b.team.name : a.team.name;
          expect(delivery.payload).toEqual({
            specversion: "1.0",
            id: delivery.eventId,
            source: expect.stringMatching(new RegExp(`/teams/${team}$`)),
            type: "com.hexmesh.access-request.created",
            subject: "product:podcasts/x",
            time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
            datacontenttype: "application/json",
            data: { requestId: "r1" },
          });
        }
        // The two webhooks of one team get the same event; the other team's its own.
        const eventIds = new Set(deliveries.map((d) => d.eventId));
        expect(eventIds.size).toBe(2);
        const jobs = await tx.$queryRaw<{ task_identifier: string; max_attempts: number }[]>`
          SELECT task_identifier, max_attempts FROM graphile_worker.jobs WHERE key = ANY(${ids.map(deliveryJobKey)}::text[])`;
        expect(jobs).toHaveLength(3);
        for (const job of jobs) {
          expect(job).toEqual({ task_identifier: "webhook.deliver", max_attempts: WEBHOOK_MAX_ATTEMPTS });
        }
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await db.webhookDelivery.count({ where: { id: { in: ids } } })).toBe(0);
    const jobs = await pool().query("SELECT 1 FROM graphile_worker.jobs WHERE key = ANY($1::text[])", [
      ids.map(deliveryJobKey),
    ]);
    expect(jobs.rowCount).toBe(0);
    expect(await db.$transaction((tx) => emitTeamEvent(tx, [], event))).toEqual([]);
  });
});

describe("deliverWebhook", () => {
  /** A pending delivery written without a job (no worker of a running app takes it): the test delivers it. */
  async function queuedDelivery(webhookId: string, teamName: string) {
    const event = buildCloudEvent({
      id: crypto.randomUUID(),
      source: `/hexmesh/teams/${teamName}`,
      type: "webhook.test",
      subject: `team:${teamName}`,
      time: new Date(),
      data: { message: "test" },
    });
    const delivery = await db.webhookDelivery.create({
      data: { webhookId, eventId: event.id, eventType: event.type, payload: { ...event } },
      select: { id: true },
    });
    return delivery.id;
  }

  /** A webhook with one pending delivery of a test event. */
  async function pendingDelivery(path: string) {
    const { team, owner } = await teamWithOwner();
    const { webhookId, secret } = await createWebhook(owner, team.name, { url: `${receiverUrl}${path}` });
    return { team, owner, webhookId, secret, deliveryId: await queuedDelivery(webhookId, team.name) };
  }

  it("sendTestEvent queues a test event to the webhook and audits it", async () => {
    const { team, owner } = await teamWithOwner();
    const { webhookId } = await createWebhook(owner, team.name, { url: `${receiverUrl}/queued` });
    const { deliveryId } = await sendTestEvent(owner, team.name, { webhookId });
    await dropJobs([deliveryId]);
    const delivery = await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
    expect(delivery).toMatchObject({ webhookId, eventType: "com.hexmesh.webhook.test" });
    const audit = await auditOf(team.name);
    expect(audit.at(-1)).toEqual({
      action: "team.webhook_test_sent",
      actorId: owner.id,
      before: null,
      after: { webhookId, url: `${receiverUrl}/queued`, eventId: delivery.eventId },
    });
  });

  it("POSTs a correctly signed CloudEvent and logs it delivered", async () => {
    const { team, secret, deliveryId } = await pendingDelivery("/signed");
    answer = 204;
    await deliverWebhook(deliveryId);
    const request = received.findLast((r) => r.path === "/signed");
    expect(request).toBeDefined();
    expect(request!.headers["content-type"]).toBe("application/cloudevents+json");
    expect(
      verifyWebhookSignature({ headers: request!.headers as Record<string, string>, body: request!.body, secret }),
    ).toEqual({ ok: true });
    const event = JSON.parse(request!.body);
    const delivery = await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
    expect(request!.headers["webhook-id"]).toBe(delivery.eventId);
    expect(event).toMatchObject({
      specversion: "1.0",
      id: delivery.eventId,
      type: "com.hexmesh.webhook.test",
      subject: `team:${team.name}`,
      datacontenttype: "application/json",
    });
    expect(delivery).toMatchObject({ status: "delivered", attempts: 1, responseStatus: 204, lastError: null });
    expect(delivery.deliveredAt).toBeInstanceOf(Date);

    // Delivered once: a repeated job sends nothing.
    const count = received.length;
    await deliverWebhook(deliveryId);
    expect(received.length).toBe(count);
  });

  it("records a 500, throws so the job is retried, and marks it failed after the last attempt", async () => {
    const { deliveryId } = await pendingDelivery("/broken");
    answer = 500;
    try {
      await expect(deliverWebhook(deliveryId, { maxAttempts: 2 })).rejects.toBeInstanceOf(WebhookDeliveryError);
      expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({
        status: "pending",
        attempts: 1,
        responseStatus: 500,
        lastError: "The receiver answered HTTP 500.",
        deliveredAt: null,
      });
      await expect(deliverWebhook(deliveryId, { maxAttempts: 2 })).rejects.toThrow(/attempt 2/);
      expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({
        status: "failed",
        attempts: 2,
        responseStatus: 500,
      });
    } finally {
      answer = 204;
    }
  });

  it("records an unreachable receiver and a timeout", async () => {
    const { team, owner } = await teamWithOwner();
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { webhookId } = await createWebhook(owner, team.name, { url: `http://127.0.0.1:${port}/gone` });
    const deliveryId = await queuedDelivery(webhookId, team.name);
    await expect(deliverWebhook(deliveryId)).rejects.toBeInstanceOf(WebhookDeliveryError);
    const delivery = await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
    expect(delivery).toMatchObject({ status: "pending", attempts: 1, responseStatus: null });
    expect(delivery.lastError).toMatch(/ECONNREFUSED|fetch failed/);

    const slow = http.createServer(() => undefined);
    await new Promise<void>((resolve) => slow.listen(0, "127.0.0.1", resolve));
    try {
      const slowHook = await createWebhook(owner, team.name, {
        url: `http://127.0.0.1:${(slow.address() as AddressInfo).port}/slow`,
      });
      const slowDelivery = await queuedDelivery(slowHook.webhookId, team.name);
      await expect(deliverWebhook(slowDelivery, { timeoutMs: 300 })).rejects.toThrow(/timeout/);
      expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: slowDelivery } })).toMatchObject({
        attempts: 1,
        lastError: "No answer within the timeout.",
      });
    } finally {
      slow.closeAllConnections();
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });

  it("does not send to an address webhooks may not reach, and records why", async () => {
    const { webhookId, deliveryId } = await pendingDelivery("/moved");
    // Stored before the rule (or before WEBHOOK_ALLOWED_NETWORKS was narrowed): every delivery checks again.
    await db.teamWebhook.update({ where: { id: webhookId }, data: { url: "http://10.255.255.1/hook" } });
    const count = received.length;
    await expect(deliverWebhook(deliveryId)).rejects.toBeInstanceOf(WebhookDeliveryError);
    expect(received.length).toBe(count);
    const delivery = await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
    expect(delivery).toMatchObject({ status: "pending", attempts: 1, responseStatus: null });
    expect(delivery.lastError).toMatch(/^10\.255\.255\.1 is in a private network: webhooks may not reach it/);
  });

  it("refuses a test event to a disabled webhook and fails a queued delivery of one that was disabled since", async () => {
    const { team, owner, webhookId, deliveryId } = await pendingDelivery("/disabled");
    await setWebhookEnabled(owner, team.name, { webhookId, version: 1, enabled: false });
    await expect(sendTestEvent(owner, team.name, { webhookId })).rejects.toBeInstanceOf(InvalidInputError);
    const count = received.length;
    await deliverWebhook(deliveryId);
    expect(received.length).toBe(count);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({
      status: "failed",
      attempts: 0,
    });
  });
});
