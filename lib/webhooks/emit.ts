import "server-only";
import crypto from "node:crypto";
import type { Tx } from "../db";
import { enqueueJob } from "../jobs";
import { buildCloudEvent, WEBHOOK_MAX_ATTEMPTS } from "./schemas";
import { teamEventSource } from "./server-key";

export interface TeamEvent {
  /** The Hexmesh event, e.g. `access-request.created` (sent as `com.hexmesh.access-request.created`). */
  type: string;
  /** What the event is about, e.g. `product:podcasts/podcast-listeners-demographic`. */
  subject: string;
  data: object;
}

/**
 * Queues the event for every enabled webhook of these teams, inside the caller's transaction: one
 * webhook_deliveries row each (the CloudEvent as it will be sent) and a `webhook.deliver` job, so a committed change
 * always has its deliveries and a rolled-back one has none. Returns the delivery ids.
 */
export async function emitTeamEvent(tx: Tx, teamIds: string[], event: TeamEvent): Promise<string[]> {
  const ids = [...new Set(teamIds)];
  if (ids.length === 0) return [];
  const webhooks = await tx.teamWebhook.findMany({
    where: { teamId: { in: ids }, enabled: true },
    orderBy: { id: "asc" },
    select: { id: true, team: { select: { id: true, name: true } } },
  });
  const time = new Date();
  // One CloudEvent per team (its own source); the team's webhooks receive the same event id.
  const events = new Map<string, ReturnType<typeof buildCloudEvent>>();
  const deliveryIds: string[] = [];
  for (const webhook of webhooks) {
    let cloudEvent = events.get(webhook.team.id);
    if (!cloudEvent) {
      cloudEvent = buildCloudEvent({
        id: crypto.randomUUID(),
        source: teamEventSource(webhook.team.name),
        type: event.type,
        subject: event.subject,
        time,
        data: event.data,
      });
      events.set(webhook.team.id, cloudEvent);
    }
    deliveryIds.push(await queueDelivery(tx, webhook.id, cloudEvent));
  }
  return deliveryIds;
}

/** The job key of a delivery's job (one job per delivery). */
export const deliveryJobKey = (deliveryId: string) => `webhook.deliver:${deliveryId}`;

/** Writes one pending delivery of a CloudEvent to one webhook and enqueues its job. */
export async function queueDelivery(
  tx: Tx,
  webhookId: string,
  cloudEvent: ReturnType<typeof buildCloudEvent>,
): Promise<string> {
  const delivery = await tx.webhookDelivery.create({
    data: { webhookId, eventId: cloudEvent.id, eventType: cloudEvent.type, payload: { ...cloudEvent } },
    select: { id: true },
  });
  await enqueueJob(
    tx,
    "webhook.deliver",
    { deliveryId: delivery.id },
    { jobKey: deliveryJobKey(delivery.id), maxAttempts: WEBHOOK_MAX_ATTEMPTS },
  );
  return delivery.id;
}
