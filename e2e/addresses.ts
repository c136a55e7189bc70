import crypto from "node:crypto";

/**
 * A client address of the test's own, sent as X-Forwarded-For: failed sign-ins are throttled per address, so a
 * test that fails on purpose must not use up the budget of the other tests (or of the next run).
 */
export function uniqueClientAddress(): string {
  const [a, b, c] = crypto.randomBytes(3);
  return `10.${a}.${b}.${c}`;
}
