import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateWebhookSecret, signWebhook, verifyWebhookSignature, webhookHeaders } from "./signature";

// The example of the Standard Webhooks specification's reference libraries (standard-webhooks, svix).
const SPEC = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};

describe("signWebhook", () => {
  it("matches the Standard Webhooks reference example", () => {
    expect(signWebhook(SPEC)).toBe(SPEC.signature);
  });

  it("is HMAC-SHA256 over id.timestamp.body with the base64-decoded secret", () => {
    const key = crypto.randomBytes(32);
    const secret = `whsec_${key.toString("base64")}`;
    const expected = crypto.createHmac("sha256", key).update("evt-1.1700000000.{}").digest("base64");
    expect(signWebhook({ id: "evt-1", timestamp: 1700000000, body: "{}", secret })).toBe(`v1,${expected}`);
  });

  it("makes secrets of 32 random bytes with the whsec_ prefix", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(secret);
  });
});

describe("verifyWebhookSignature", () => {
  const now = SPEC.timestamp + 10;
  const headers = webhookHeaders(SPEC);

  it("accepts a correctly signed request, with header names in any case", () => {
    expect(verifyWebhookSignature({ headers, body: SPEC.body, secret: SPEC.secret, now })).toEqual({ ok: true });
    const upper = Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toUpperCase(), value]));
    expect(verifyWebhookSignature({ headers: upper, body: SPEC.body, secret: SPEC.secret, now }).ok).toBe(true);
    expect(
      verifyWebhookSignature({ headers: new Headers(headers), body: SPEC.body, secret: SPEC.secret, now }).ok,
    ).toBe(true);
  });

  it("accepts one matching signature among several (secret rotation)", () => {
    const both = { ...headers, "webhook-signature": `v1,${Buffer.alloc(32).toString("base64")} ${SPEC.signature}` };
    expect(verifyWebhookSignature({ headers: both, body: SPEC.body, secret: SPEC.secret, now }).ok).toBe(true);
  });

  it("refuses a changed body, another secret, a changed id and a missing header", () => {
    const verify = (overrides: Partial<{ body: string; secret: string; headers: Record<string, string> }>) =>
      verifyWebhookSignature({ headers, body: SPEC.body, secret: SPEC.secret, now, ...overrides });
    expect(verify({ body: '{"test": 2432232315}' })).toEqual({ ok: false, reason: "no matching signature" });
    expect(verify({ secret: generateWebhookSecret() }).ok).toBe(false);
    expect(verify({ headers: { ...headers, "webhook-id": "msg_other" } }).ok).toBe(false);
    expect(verify({ headers: { "webhook-id": SPEC.id, "webhook-timestamp": String(SPEC.timestamp) } })).toEqual({
      ok: false,
      reason: "missing webhook headers",
    });
    expect(verify({ headers: { ...headers, "webhook-signature": "v2,abc" } }).ok).toBe(false);
  });

  it("refuses a timestamp outside the tolerance (replays)", () => {
    const late = verifyWebhookSignature({ headers, body: SPEC.body, secret: SPEC.secret, now: SPEC.timestamp + 301 });
    expect(late).toEqual({ ok: false, reason: "timestamp outside the tolerance" });
    const early = verifyWebhookSignature({ headers, body: SPEC.body, secret: SPEC.secret, now: SPEC.timestamp - 301 });
    expect(early.ok).toBe(false);
    expect(
      verifyWebhookSignature({
        headers: { ...headers, "webhook-timestamp": "soon" },
        body: SPEC.body,
        secret: SPEC.secret,
        now,
      }),
    ).toEqual({ ok: false, reason: "invalid timestamp" });
  });
});
