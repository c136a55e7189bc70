import "server-only";
import crypto from "node:crypto";
import { db, type Tx } from "../db";
import { writeAudit } from "../audit";
import { env } from "../env";
import { authorize, type Actor } from "../authz";
import { ConflictError, InvalidInputError, NotFoundError, parseInput } from "../errors";
import { checkWebhookUrl } from "./address-guard";
import { queueDelivery } from "./emit";
import {
  buildCloudEvent,
  CreateWebhookInput,
  SetWebhookEnabledInput,
  WebhookVersionInput,
  type WebhookChangeDto,
  type WebhookSecretDto,
} from "./schemas";
import { encryptSecret } from "./secret-box";
import { teamEventSource, webhookKey } from "./server-key";
import { generateWebhookSecret } from "./signature";

// Team webhooks, managed by the team's owners and platform admins (`team.manage`). Every change is checked
// against the webhook's version (a change made from a stale page is a 409) and audited in its transaction. The
// signing secret is generated here, returned once in clear and stored encrypted; the audit never holds it.

const CONFLICT = "Someone else changed this webhook; reload the page and try again.";

async function loadTeam(actor: Actor, teamName: string) {
  const team = await db.team.findUnique({ where: { name: teamName }, select: { id: true, name: true } });
  if (!team) throw new NotFoundError(`Team ${teamName} not found.`);
  authorize(actor, "team.manage", { teamId: team.id });
  return team;
}

const webhookRef = (teamName: string) => `team:${teamName}`;

/** The webhook of this team at this version, bumped; a 409 when it changed (or went) meanwhile. */
async function bumpWebhook(tx: Tx, teamId: string, webhookId: string, version: number, data: object = {}) {
  const { count } = await tx.teamWebhook.updateMany({
    where: { id: webhookId, teamId, version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count !== 1) {
    const exists = await tx.teamWebhook.findFirst({ where: { id: webhookId, teamId }, select: { id: true } });
    if (!exists) throw new NotFoundError("This webhook does not exist (any more).");
    throw new ConflictError(CONFLICT);
  }
  return tx.teamWebhook.findUniqueOrThrow({
    where: { id: webhookId },
    select: { id: true, url: true, enabled: true, version: true },
  });
}

/** Creates a webhook for the team; answers its secret, which is shown this once. */
export async function createWebhook(actor: Actor, teamName: string, input: unknown): Promise<WebhookSecretDto> {
  const team = await loadTeam(actor, teamName);
  const values = parseInput(CreateWebhookInput, input);
  const blocked = await checkWebhookUrl(values.url, env().WEBHOOK_ALLOWED_NETWORKS);
  if (blocked) throw new InvalidInputError("Check the highlighted fields.", { url: [blocked] });
  const secret = generateWebhookSecret();
  return db.$transaction(async (tx) => {
    const webhook = await tx.teamWebhook.create({
      data: {
        teamId: team.id,
        url: values.url,
        description: values.description,
        secretCiphertext: encryptSecret(secret, webhookKey()),
        createdById: actor.id,
      },
      select: { id: true, version: true },
    });
    await writeAudit(tx, {
      actor,
      action: "team.webhook_created",
      entityRef: webhookRef(team.name),
      after: { webhookId: webhook.id, url: values.url, description: values.description, enabled: true },
    });
    return { webhookId: webhook.id, version: webhook.version, secret };
  });
}

/** Replaces the signing secret; answers the new one, shown this once. The old one stops working at once. */
export async function rotateWebhookSecret(actor: Actor, teamName: string, input: unknown): Promise<WebhookSecretDto> {
  const team = await loadTeam(actor, teamName);
  const values = parseInput(WebhookVersionInput, input);
  const secret = generateWebhookSecret();
  return db.$transaction(async (tx) => {
    const webhook = await bumpWebhook(tx, team.id, values.webhookId, values.version, {
      secretCiphertext: encryptSecret(secret, webhookKey()),
    });
    await writeAudit(tx, {
      actor,
      action: "team.webhook_secret_rotated",
      entityRef: webhookRef(team.name),
      after: { webhookId: webhook.id, url: webhook.url },
    });
    return { webhookId: webhook.id, version: webhook.version, secret };
  });
}

/** Turns deliveries to the webhook on or off. */
export async function setWebhookEnabled(actor: Actor, teamName: string, input: unknown): Promise<WebhookChangeDto> {
  const team = await loadTeam(actor, teamName);
  const values = parseInput(SetWebhookEnabledInput, input);
  return db.$transaction(async (tx) => {
    const before = await tx.teamWebhook.findFirst({
      where: { id: values.webhookId, teamId: team.id },
      select: { enabled: true },
    });
    const webhook = await bumpWebhook(tx, team.id, values.webhookId, values.version, { enabled: values.enabled });
    await writeAudit(tx, {
      actor,
      action: values.enabled ? "team.webhook_enabled" : "team.webhook_disabled",
      entityRef: webhookRef(team.name),
      before: { webhookId: webhook.id, url: webhook.url, enabled: before?.enabled ?? null },
      after: { webhookId: webhook.id, url: webhook.url, enabled: webhook.enabled },
    });
    return { webhookId: webhook.id, version: webhook.version };
  });
}

/** Deletes the webhook and its delivery log; queued deliveries are dropped. */
export async function deleteWebhook(actor: Actor, teamName: string, input: unknown): Promise<WebhookChangeDto> {
  const team = await loadTeam(actor, teamName);
  const values = parseInput(WebhookVersionInput, input);
  return db.$transaction(async (tx) => {
    const webhook = await bumpWebhook(tx, team.id, values.webhookId, values.version);
    await tx.teamWebhook.delete({ where: { id: webhook.id } });
    await writeAudit(tx, {
      actor,
      action: "team.webhook_deleted",
      entityRef: webhookRef(team.name),
      before: { webhookId: webhook.id, url: webhook.url, enabled: webhook.enabled },
    });
    return { webhookId: webhook.id, version: webhook.version };
  });
}

/** Queues a `com.hexmesh.webhook.test` event to this one (enabled) webhook; answers the delivery id. */
export async function sendTestEvent(actor: Actor, teamName: string, input: unknown): Promise<{ deliveryId: string }> {
  const team = await loadTeam(actor, teamName);
  const values = parseInput(WebhookVersionInput.pick({ webhookId: true }), input);
  return db.$transaction(async (tx) => {
    const webhook = await tx.teamWebhook.findFirst({
      where: { id: values.webhookId, teamId: team.id },
      select: { id: true, url: true, enabled: true },
    });
    if (!webhook) throw new NotFoundError("This webhook does not exist (any more).");
    if (!webhook.enabled) throw new InvalidInputError("This webhook is disabled: enable it to send a test event.");
    const event = buildCloudEvent({
      id: crypto.randomUUID(),
      source: teamEventSource(team.name),
      type: "webhook.test",
      subject: webhookRef(team.name),
      time: new Date(),
      data: { message: "A test event sent from Hexmesh.", team: team.name, sentBy: actor.email },
    });
    const deliveryId = await queueDelivery(tx, webhook.id, event);
    await writeAudit(tx, {
      actor,
      action: "team.webhook_test_sent",
      entityRef: webhookRef(team.name),
      after: { webhookId: webhook.id, url: webhook.url, eventId: event.id },
    });
    return { deliveryId };
  });
}
