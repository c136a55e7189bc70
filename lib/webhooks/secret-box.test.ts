import { describe, expect, it } from "vitest";
import { decryptSecret, deriveWebhookKey, encryptSecret } from "./secret-box";

describe("webhook secrets at rest", () => {
  const key = deriveWebhookKey("a-server-secret-of-at-least-32-characters");

  it("round-trips, with a fresh IV each time", () => {
    const first = encryptSecret("whsec_abc", key);
    const second = encryptSecret("whsec_abc", key);
    expect(first).not.toBe(second);
    expect(first).toMatch(/^v1\./);
    expect(first).not.toContain("whsec_abc");
    expect(decryptSecret(first, key)).toBe("whsec_abc");
    expect(decryptSecret(second, key)).toBe("whsec_abc");
  });

  it("derives a 32-byte key that depends on the server secret", () => {
    expect(key).toHaveLength(32);
    expect(deriveWebhookKey("a-server-secret-of-at-least-32-characters").equals(key)).toBe(true);
    expect(deriveWebhookKey("another-server-secret-of-32-characters!").equals(key)).toBe(false);
  });

  it("refuses a tampered value and another key", () => {
    const stored = encryptSecret("whsec_abc", key);
    const [version, iv, tag, ciphertext] = stored.split(".");
    const flipped = Buffer.from(ciphertext, "base64url");
    flipped[0] ^= 1;
    expect(() => decryptSecret([version, iv, tag, flipped.toString("base64url")].join("."), key)).toThrow();
    expect(() => decryptSecret(stored, deriveWebhookKey("another-server-secret-of-32-characters!"))).toThrow();
    expect(() => decryptSecret("plain", key)).toThrow("Unknown webhook secret format.");
  });
});
