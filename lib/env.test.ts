import { describe, expect, it } from "vitest";
import { ConfigurationError, parseEnv } from "./env";

const valid = {
  DATABASE_URL: "postgresql://hexmesh:secret@localhost:5432/hexmesh",
  AUTH_SECRET: "a".repeat(32),
};

function messageOf(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigurationError");
}

describe("configuration", () => {
  it("accepts a minimal valid environment and fills defaults", () => {
    const env = parseEnv(valid);
    expect(env.SIGNIN_MAX_ATTEMPTS).toBe(5);
    expect(env.OIDC_ISSUER).toBeUndefined();
  });

  it("names a missing DATABASE_URL", () => {
    expect(messageOf({ AUTH_SECRET: valid.AUTH_SECRET })).toMatch(/^DATABASE_URL is required/m);
  });

  it("names a DATABASE_URL that is not a PostgreSQL URL", () => {
    expect(messageOf({ ...valid, DATABASE_URL: "mysql://x" })).toMatch(/^DATABASE_URL must be a postgresql:\/\//m);
  });

  it("names a short AUTH_SECRET", () => {
    expect(messageOf({ ...valid, AUTH_SECRET: "short" })).toMatch(/^AUTH_SECRET must be at least 32 characters/m);
  });

  it("treats an empty value as unset", () => {
    expect(messageOf({ ...valid, AUTH_SECRET: "" })).toMatch(/^AUTH_SECRET is required/m);
  });

  it("wants all three OIDC settings or none", () => {
    const message = messageOf({ ...valid, OIDC_ISSUER: "https://login.example.com" });
    expect(message).toMatch(/^OIDC_CLIENT_ID is required when single sign-on is configured/m);
    expect(message).toMatch(/^OIDC_CLIENT_SECRET is required/m);
    const env = parseEnv({
      ...valid,
      OIDC_ISSUER: "https://login.example.com",
      OIDC_CLIENT_ID: "id",
      OIDC_CLIENT_SECRET: "s",
    });
    expect(env.OIDC_DISPLAY_NAME).toBe("Single sign-on");
  });

  it("reads the networks webhooks may reach, none by default, and names a malformed one", () => {
    expect(parseEnv(valid).WEBHOOK_ALLOWED_NETWORKS).toEqual([]);
    expect(
      parseEnv({ ...valid, WEBHOOK_ALLOWED_NETWORKS: "10.20.0.0/16, fd00::/8" }).WEBHOOK_ALLOWED_NETWORKS,
    ).toHaveLength(2);
    expect(messageOf({ ...valid, WEBHOOK_ALLOWED_NETWORKS: "10.20.0.0" })).toMatch(
      /^WEBHOOK_ALLOWED_NETWORKS must be CIDRs separated by commas/m,
    );
  });

  it("names a non-numeric throttle setting", () => {
    expect(messageOf({ ...valid, SIGNIN_MAX_ATTEMPTS: "many" })).toMatch(/^SIGNIN_MAX_ATTEMPTS /m);
  });
});
