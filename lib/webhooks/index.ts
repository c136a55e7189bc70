// What other modules use: emitTeamEvent inside their transactions, deliverWebhook from the `webhook.deliver` task.
export { emitTeamEvent, type TeamEvent } from "./emit";
export { deliverWebhook, WebhookDeliveryError } from "./delivery";
export { WEBHOOK_MAX_ATTEMPTS } from "./schemas";
