import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { pool } from "../db";
import { env } from "../env";

// Failed password sign-ins are counted per account (whatever address they come from: rotating addresses gains
// an attacker nothing) and, when the client's address is known, per address (against guessing across many
// accounts). The counts live in PostgreSQL (table rate_limits), shared by every app instance.
let limiters: { account: RateLimiterPostgres; address: RateLimiterPostgres } | undefined;

function getLimiters() {
  if (!limiters) {
    const { SIGNIN_MAX_ATTEMPTS, SIGNIN_WINDOW_SECONDS } = env();
    const common = {
      storeClient: pool(),
      tableName: "rate_limits",
      tableCreated: true,
      duration: SIGNIN_WINDOW_SECONDS,
    };
    limiters = {
      account: new RateLimiterPostgres({ ...common, keyPrefix: "signin-account", points: SIGNIN_MAX_ATTEMPTS }),
      address: new RateLimiterPostgres({ ...common, keyPrefix: "signin-address", points: SIGNIN_MAX_ATTEMPTS * 10 }),
    };
  }
  return limiters;
}

/** Seconds until the next attempt is allowed, or 0 when sign-in may be tried now. */
export async function signInBlockedFor(email: string, address: string | null): Promise<number> {
  const { account, address: byAddress } = getLimiters();
  const results = await Promise.all([account.get(email), address ? byAddress.get(address) : null]);
  const blocked = results.filter((res): res is RateLimiterRes => res !== null && res.remainingPoints <= 0);
  return blocked.length ? Math.ceil(Math.max(...blocked.map((res) => res.msBeforeNext)) / 1000) : 0;
}

export async function recordFailedSignIn(email: string, address: string | null): Promise<void> {
  const { account, address: byAddress } = getLimiters();
  // consume() rejects once the points are used up; the block itself is what we want, so ignore that.
  await Promise.allSettled([account.consume(email), address ? byAddress.consume(address) : null]);
}

export async function clearFailedSignIns(email: string): Promise<void> {
  await getLimiters().account.delete(email);
}
