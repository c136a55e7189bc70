import { describe, expect, it } from "vitest";
import { CreateTokenInput, expiryFor, TOKEN_PATTERN, tokenState } from "./schemas";
import { displayPrefix, generateToken, hashToken } from "./secret";

describe("token secrets", () => {
  it("are hxm_ and 40 random base62 characters, all different", () => {
    const tokens = Array.from({ length: 200 }, generateToken);
    for (const token of tokens) expect(token).toMatch(/^hxm_[0-9A-Za-z]{40}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(tokens.every((token) => TOKEN_PATTERN.test(token))).toBe(true);
  });

  it("are stored as a SHA-256 hash and shown by a short prefix", () => {
    const token = generateToken();
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token.slice(4));
    expect(displayPrefix(token)).toBe(token.slice(0, 12));
  });
});

describe("token input and state", () => {
  it("needs a name and an expiry choice", () => {
    expect(CreateTokenInput.safeParse({ name: " ", expiresIn: "30" }).success).toBe(false);
    expect(CreateTokenInput.safeParse({ name: "ci", expiresIn: "12" }).success).toBe(false);
    expect(CreateTokenInput.parse({ name: " ci ", expiresIn: "never" })).toEqual({ name: "ci", expiresIn: "never" });
  });

  it("expires after the chosen days, or never", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(expiryFor("30", now)?.toISOString()).toBe("2026-01-31T00:00:00.000Z");
    expect(expiryFor("never", now)).toBeNull();
    expect(tokenState({ expiresAt: new Date(now.getTime() - 1), revokedAt: null }, now)).toBe("expired");
    expect(tokenState({ expiresAt: null, revokedAt: now }, now)).toBe("revoked");
    expect(tokenState({ expiresAt: null, revokedAt: null }, now)).toBe("active");
  });
});
