import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { problemResponse } from "../api/problem";
import { getActor, type Actor } from "../authz";
import { pool } from "../db";
import { env } from "../env";
import { touchApiToken } from "../tokens/mutations";
import { findTokenActor } from "../tokens/queries";
import { TOKEN_PATTERN } from "../tokens/schemas";

// Who calls the REST API: `Authorization: Bearer hxm_...` (a personal API token, acting as its owner), else the
// browser session. Token calls are rate-limited per token; the counts live in PostgreSQL (table rate_limits, as for
// sign-in throttling), shared by every app instance.

export interface ApiCaller {
  actor: Actor;
  /** The token used, or null for a session. */
  tokenId: string | null;
}

let limiter: RateLimiterPostgres | undefined;

/** The per-token limiter: API_RATE_LIMIT_PER_MINUTE requests per token per minute. */
export function apiRateLimiter(): RateLimiterPostgres {
  limiter ??= new RateLimiterPostgres({
    storeClient: pool(),
    tableName: "rate_limits",
    tableCreated: true,
    keyPrefix: "api-token",
    points: env().API_RATE_LIMIT_PER_MINUTE,
    duration: 60,
  });
  return limiter;
}

const REALM = 'Bearer realm="hexmesh"';

function unauthorized(detail: string, error?: "invalid_token" | "invalid_request"): Response {
  return problemResponse(401, detail, {}, { "www-authenticate": error ? `${REALM}, error="${error}"` : REALM });
}

/**
 * The caller of an API request, or the response to send instead: 401 (no or a bad credential, with
 * WWW-Authenticate: Bearer) or 429 (the token's rate limit, with Retry-After and RateLimit headers).
 */
export async function authenticateApiRequest(request: Request): Promise<ApiCaller | Response> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match)
      return unauthorized("Send `Authorization: Bearer <token>` with a personal API token.", "invalid_request");
    const token = match[1];
    const found = TOKEN_PATTERN.test(token) ? await findTokenActor(token) : null;
    if (!found) return unauthorized("The token is unknown, revoked or expired.", "invalid_token");
    const limit = env().API_RATE_LIMIT_PER_MINUTE;
    try {
      await apiRateLimiter().consume(found.tokenId);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      return problemResponse(
        429,
        `This token made more than ${limit} requests in a minute. Retry in ${retryAfter} s.`,
        {},
        { "retry-after": String(retryAfter), "ratelimit-limit": String(limit), "ratelimit-remaining": "0" },
      );
    }
    await touchApiToken(found.tokenId, found.lastUsedAt);
    return { actor: found.actor, tokenId: found.tokenId };
  }
  const actor = await getActor();
  if (!actor) return unauthorized("Sign in, or send `Authorization: Bearer <token>` with a personal API token.");
  return { actor, tokenId: null };
}
