import "server-only";
import { env } from "../env";
import { deriveWebhookKey } from "./secret-box";

let cached: { serverSecret: string; key: Buffer } | undefined;

/** The key that encrypts webhook secrets at rest, derived from AUTH_SECRET (rotating AUTH_SECRET voids them). */
export function webhookKey(): Buffer {
  const serverSecret = env().AUTH_SECRET;
  if (cached?.serverSecret !== serverSecret) cached = { serverSecret, key: deriveWebhookKey(serverSecret) };
  return cached.key;
}

/** The CloudEvents `source` of a team's events: `<AUTH_URL>/teams/<team>`, or `/hexmesh/teams/<team>`. */
export function teamEventSource(teamName: string): string {
  const base = env().AUTH_URL?.replace(/\/+$/, "") ?? "/hexmesh";
  return `${base}/teams/${encodeURIComponent(teamName)}`;
}
