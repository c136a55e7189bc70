// Signing of outgoing webhooks, following the Standard Webhooks specification (standardwebhooks.com): three
// headers, `webhook-id` (the message id, the same on every retry), `webhook-timestamp` (Unix seconds) and
// `webhook-signature` (`v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`, several space-separated when a
// secret is being rotated). The secret is `whsec_<base64 key>`; the HMAC key is the decoded base64. Pure.
import crypto from "node:crypto";

export const SECRET_PREFIX = "whsec_";
/** How far a timestamp may be from the receiver's clock before the message is refused (replay protection). */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

/** A new signing secret: `whsec_` + 32 random bytes in base64. */
export function generateWebhookSecret(): string {
  return SECRET_PREFIX + crypto.randomBytes(32).toString("base64");
}

function secretKey(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = Buffer.from(encoded, "base64");
  if (key.length === 0) throw new Error("The webhook secret is empty.");
  return key;
}

export interface SignInput {
  /** The `webhook-id`: the CloudEvent id. */
  id: string;
  /** Unix time in seconds. */
  timestamp: number;
  /** The exact request body. */
  body: string;
  secret: string;
}

/** The `webhook-signature` value: `v1,<base64 HMAC-SHA256>` of `<id>.<timestamp>.<body>`. */
export function signWebhook({ id, timestamp, body, secret }: SignInput): string {
  const mac = crypto.createHmac("sha256", secretKey(secret)).update(`${id}.${timestamp}.${body}`).digest("base64");
  return `v1,${mac}`;
}

/** The three headers of a signed request. */
export function webhookHeaders(input: SignInput): Record<string, string> {
  return {
    "webhook-id": input.id,
    "webhook-timestamp": String(input.timestamp),
    "webhook-signature": signWebhook(input),
  };
}

export interface VerifyInput {
  /** The request's headers (any casing of the names, as a Headers object or a plain record). */
  headers: Headers | Record<string, string | string[] | undefined>;
  body: string;
  secret: string;
  /** Now, in Unix seconds (default: the clock). */
  now?: number;
  toleranceSeconds?: number;
}

export type VerifyResult = { ok: true } | { ok: false; reason: string };

function header(headers: VerifyInput["headers"], name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  const value = entry?.[1];
  return Array.isArray(value) ? value[0] : value;
}

/** Checks a received webhook: headers present, timestamp within the tolerance, one `v1` signature matching. */
export function verifyWebhookSignature({
  headers,
  body,
  secret,
  now = Math.floor(Date.now() / 1000),
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
}: VerifyInput): VerifyResult {
  const id = header(headers, "webhook-id");
  const timestampText = header(headers, "webhook-timestamp");
  const signatures = header(headers, "webhook-signature");
  if (!id || !timestampText || !signatures) return { ok: false, reason: "missing webhook headers" };
  if (!/^\d{1,15}$/.test(timestampText)) return { ok: false, reason: "invalid timestamp" };
  const timestamp = Number(timestampText);
  if (Math.abs(now - timestamp) > toleranceSeconds) return { ok: false, reason: "timestamp outside the tolerance" };
  const expected = Buffer.from(signWebhook({ id, timestamp, body, secret }).slice(3), "base64");
  for (const candidate of signatures.split(" ")) {
    const [version, signature] = candidate.split(",", 2);
    if (version !== "v1" || !signature) continue;
    const given = Buffer.from(signature, "base64");
    if (given.length === expected.length && crypto.timingSafeEqual(given, expected)) return { ok: true };
  }
  return { ok: false, reason: "no matching signature" };
}
