import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { pool } from "../db";
import { env } from "../env";

// Failed sign-ins are counted per account+address and per address, in PostgreSQL so that every app instance
// shares the counts (table rate_limits, created by the migrations).
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
export async function signInBlockedFor(email: string, address: string): Promise<number> {
  const { account, address: byAddress } = getLimiters();
  const [a, b] = await Promise.all([account.get(`${address}|${email}`), byAddress.get(address)]);
  const blocked = [a, b].filter((res): res is RateLimiterRes => res !== null && res.remainingPoints <= 0);
  return blocked.length ? Math.ceil(Math.max(...blocked.map((res) => res.msBeforeNext)) / 1000) : 0;
}

export async function recordFailedSignIn(email: string, address: string): Promise<void> {
  const { account, address: byAddress } = getLimiters();
  // consume() rejects once the points are used up; the block itself is what we want, so ignore that.
  await Promise.allSettled([account.consume(`${address}|${email}`), byAddress.consume(address)]);
}

export async function clearFailedSignIns(email: string, address: string): Promise<void> {
  await getLimiters().account.delete(`${address}|${email}`);
}
