import "server-only";
import { Agent, fetch } from "undici";
import { db } from "../db";
import { env } from "../env";
import { BlockedAddressError, checkWebhookUrl, guardedLookup } from "./address-guard";
import { decryptSecret } from "./secret-box";
import { WEBHOOK_MAX_ATTEMPTS, WEBHOOK_TIMEOUT_MS } from "./schemas";
import { webhookKey } from "./server-key";
import { webhookHeaders } from "./signature";

/** A delivery attempt that did not get a 2xx answer; the job queue retries it with backoff. */
export class WebhookDeliveryError extends Error {
  name = "WebhookDeliveryError";
}

export interface DeliverOptions {
  /** Attempts after which the delivery counts as failed (the job's maxAttempts). */
  maxAttempts?: number;
  timeoutMs?: number;
}

const MAX_ERROR_LENGTH = 500;

let dispatcher: Agent | undefined;
/** The connection pool of deliveries, whose connections go only where address-guard.ts allows. */
function guardedDispatcher(): Agent {
  dispatcher ??= new Agent({ connect: { lookup: guardedLookup(env().WEBHOOK_ALLOWED_NETWORKS) } });
  return dispatcher;
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === "TimeoutError") return "No answer within the timeout.";
    const cause = (error as { cause?: unknown }).cause;
    const detail = cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
    return detail.slice(0, MAX_ERROR_LENGTH);
  }
  return String(error).slice(0, MAX_ERROR_LENGTH);
}

/**
 * Sends one queued CloudEvent (the `webhook.deliver` task): a POST in structured mode
 * (`content-type: application/cloudevents+json`) signed as Standard Webhooks asks, recording the attempt in the
 * delivery log. Throws when the receiver did not answer 2xx in time, so that the job is retried with exponential
 * backoff; after the last attempt the delivery is marked `failed`. A delivered delivery is not sent again.
 */
export async function deliverWebhook(deliveryId: string, options: DeliverOptions = {}): Promise<void> {
  const maxAttempts = options.maxAttempts ?? WEBHOOK_MAX_ATTEMPTS;
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    select: {
      eventId: true,
      payload: true,
      status: true,
      webhook: { select: { url: true, enabled: true, secretCiphertext: true } },
    },
  });
  // Gone with its webhook (deleted meanwhile), or done already: nothing to send.
  if (!delivery || delivery.status === "delivered") return;
  if (!delivery.webhook.enabled) {
    await db.webhookDelivery.update({
      where: { id: deliveryId },
      data: { status: "failed", lastError: "The webhook was disabled before the event could be delivered." },
    });
    return;
  }

  const body = JSON.stringify(delivery.payload);
  let responseStatus: number | null = null;
  let error: string | null = null;
  try {
    // A host written as an IP address is not looked up: check it here (names are checked as they resolve).
    const blocked = await checkWebhookUrl(delivery.webhook.url, env().WEBHOOK_ALLOWED_NETWORKS);
    if (blocked) throw new BlockedAddressError(blocked);
    const secret = decryptSecret(delivery.webhook.secretCiphertext, webhookKey());
    const timestamp = Math.floor(Date.now() / 1000);
    const response = await fetch(delivery.webhook.url, {
      dispatcher: guardedDispatcher(),
      method: "POST",
      headers: {
        "content-type": "application/cloudevents+json",
        "user-agent": "Hexmesh-Webhooks/1.0",
        ...webhookHeaders({ id: delivery.eventId, timestamp, body, secret }),
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
    });
    responseStatus = response.status;
    await response.body?.cancel().catch(() => undefined);
    if (response.status < 200 || response.status > 299) error = `The receiver answered HTTP ${response.status}.`;
  } catch (thrown) {
    error = describeError(thrown);
  }

  const now = new Date();
  const updated = await db.webhookDelivery.update({
    where: { id: deliveryId },
    data: {
      attempts: { increment: 1 },
      lastAttemptAt: now,
      responseStatus,
      lastError: error,
      ...(error === null ? { status: "delivered", deliveredAt: now } : {}),
    },
    select: { attempts: true },
  });
  if (error === null) return;
  if (updated.attempts >= maxAttempts) {
    await db.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "failed" } });
  }
  throw new WebhookDeliveryError(`Webhook delivery ${deliveryId} failed (attempt ${updated.attempts}): ${error}`);
}
