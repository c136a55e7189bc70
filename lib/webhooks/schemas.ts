import { z } from "zod";

// Team webhooks (issue 5 item 5): inputs of the forms and the API, validated again on the server, and DTOs.

export const WEBHOOK_DESCRIPTION_MAX = 200;
/** Attempts per delivery (graphile-worker's maxAttempts): its backoff spreads them over about a day. */
export const WEBHOOK_MAX_ATTEMPTS = 10;
/** How long one attempt may take. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Deliveries shown per webhook on its page. */
export const DELIVERY_LOG_SIZE = 20;

const version = z.coerce
  .number({ error: "The page is out of date; reload it." })
  .int()
  .positive("The page is out of date; reload it.");

const webhookUrl = z
  .string()
  .trim()
  .min(1, "Required.")
  .max(2000, "At most 2000 characters.")
  .pipe(z.url({ protocol: /^https?$/, error: "An http:// or https:// URL, e.g. https://example.com/hooks/hexmesh." }));

export const CreateWebhookInput = z.object({
  url: webhookUrl,
  description: z
    .string()
    .trim()
    .max(WEBHOOK_DESCRIPTION_MAX, `At most ${WEBHOOK_DESCRIPTION_MAX} characters.`)
    .default(""),
});
export type CreateWebhookInput = z.input<typeof CreateWebhookInput>;

/** A change to one webhook; `version` is the webhook's, as the page showed it. */
export const WebhookVersionInput = z.object({ webhookId: z.uuid("Unknown webhook."), version });
export type WebhookVersionInput = z.input<typeof WebhookVersionInput>;

export const SetWebhookEnabledInput = WebhookVersionInput.extend({
  enabled: z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]),
});
export type SetWebhookEnabledInput = z.input<typeof SetWebhookEnabledInput>;

export type WebhookDeliveryStatus = "pending" | "delivered" | "failed";

export interface WebhookDeliveryDto {
  id: string;
  eventId: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
  createdAt: Date;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
}

export interface WebhookDto {
  id: string;
  url: string;
  description: string;
  enabled: boolean;
  version: number;
  createdAt: Date;
  createdBy: string;
  deliveries: WebhookDeliveryDto[];
}

export interface TeamWebhooksDto {
  team: { name: string; displayName: string };
  webhooks: WebhookDto[];
}

export interface WebhookChangeDto {
  webhookId: string;
  version: number;
}

/** A created webhook or a rotated secret: the secret in clear, this once. */
export interface WebhookSecretDto extends WebhookChangeDto {
  secret: string;
}

/** The CloudEvent type of a Hexmesh event: `access-request.created` → `com.hexmesh.access-request.created`. */
export function cloudEventType(event: string): string {
  return event.startsWith("com.hexmesh.") ? event : `com.hexmesh.${event}`;
}

/** A CloudEvents 1.0 event in the JSON format (structured mode). */
export interface CloudEvent {
  specversion: "1.0";
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: "application/json";
  data: object;
}

export function buildCloudEvent(event: {
  id: string;
  source: string;
  type: string;
  subject: string;
  time: Date;
  data: object;
}): CloudEvent {
  return {
    specversion: "1.0",
    id: event.id,
    source: event.source,
    type: cloudEventType(event.type),
    subject: event.subject,
    time: event.time.toISOString(),
    datacontenttype: "application/json",
    data: event.data,
  };
}
