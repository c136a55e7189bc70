import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser, unique } from "@/scripts/test/factories";
import { hashPassword, verifyPassword } from "./password";
import { clearFailedSignIns, recordFailedSignIn, signInBlockedFor } from "./throttle";
import { findOrCreateSsoUser } from "./users";

describe("first and later SSO sign-ins", () => {
  it("creates a member on the first sign-in, links the identity and audits both", async () => {
    const email = `${unique("sso")}@Example.COM`;
    const subject = crypto.randomUUID();
    const user = await findOrCreateSsoUser({ provider: "oidc", subject, email, name: "Sam Single" });
    const row = await db.user.findUniqueOrThrow({ where: { id: user!.id }, include: { accounts: true } });
    expect(row).toMatchObject({ email: email.toLowerCase(), name: "Sam Single", role: "member", passwordHash: null });
    expect(row.accounts).toMatchObject([{ provider: "oidc", subject }]);
    const actions = await db.auditEvent.findMany({
      where: { entityRef: `user:${email.toLowerCase()}` },
      select: { action: true },
      orderBy: { id: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual(["user.created", "user.sso_linked"]);

    const again = await findOrCreateSsoUser({ provider: "oidc", subject, email: null, name: null });
    expect(again?.id).toBe(user!.id);
    expect(await db.user.count({ where: { email: email.toLowerCase() } })).toBe(1);
  });

  it("matches an existing local account by email and keeps its role", async () => {
    const existing = await createUser({ role: "governance" });
    const user = await findOrCreateSsoUser({
      provider: "oidc",
      subject: crypto.randomUUID(),
      email: existing.email.toUpperCase(),
      name: "Other Name",
    });
    expect(user?.id).toBe(existing.id);
    const row = await db.user.findUniqueOrThrow({ where: { id: existing.id } });
    expect(row).toMatchObject({ role: "governance", name: existing.name });
  });

  it("refuses an identity without an email", async () => {
    expect(
      await findOrCreateSsoUser({ provider: "oidc", subject: crypto.randomUUID(), email: null, name: null }),
    ).toBeNull();
  });
});

describe("passwords", () => {
  it("are stored as argon2id hashes and verified", async () => {
    const hash = await hashPassword("correct horse");
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, "correct horse")).toBe(true);
    expect(await verifyPassword(hash, "wrong horse")).toBe(false);
    expect(await verifyPassword(null, "anything")).toBe(false);
  });
});

describe("sign-in throttling", () => {
  it("blocks an account after five failures, from whatever address, and nothing else", async () => {
    const email = `${unique("throttle")}@example.com`;
    for (let attempt = 0; attempt < 4; attempt++) await recordFailedSignIn(email, `10.0.0.${attempt}`);
    expect(await signInBlockedFor(email, null)).toBe(0);
    await recordFailedSignIn(email, null);
    const seconds = await signInBlockedFor(email, null);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(900);
    expect(await signInBlockedFor(email, "10.9.9.9")).toBeGreaterThan(0);
    expect(await signInBlockedFor(`other-${email}`, null)).toBe(0);
    // Counts live in PostgreSQL, shared by every app instance.
    expect(await db.rateLimit.count({ where: { key: { endsWith: email } } })).toBe(1);
    await clearFailedSignIns(email);
    expect(await signInBlockedFor(email, null)).toBe(0);
  });

  it("blocks an address that fails on many accounts", async () => {
    const address = `203.0.113.${crypto.randomInt(1, 255)}-${unique("a")}`;
    for (let attempt = 0; attempt < 50; attempt++) await recordFailedSignIn(`${unique("spray")}@example.com`, address);
    expect(await signInBlockedFor(`${unique("fresh")}@example.com`, address)).toBeGreaterThan(0);
    expect(await signInBlockedFor(`${unique("fresh")}@example.com`, null)).toBe(0);
  });
});
