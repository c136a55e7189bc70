import "server-only";
import { headers } from "next/headers";
import { decode, getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";
import { env } from "../env";

// Who is signed in, read from the session cookie on every request. Auth.js' `auth()` would do the same, but it
// also encrypts a refreshed token that a page cannot set anyway; and decrypting costs a key derivation and an AES
// decryption per request. A decrypted token is kept in memory until it expires, keyed by the token itself: only a
// token sealed with AUTH_SECRET decrypts, and the same token always holds the same claims.

const SESSION_COOKIE = "authjs.session-token";
const SECURE_SESSION_COOKIE = `__Secure-${SESSION_COOKIE}`;
/** Decrypted tokens kept at most; the oldest go first. */
const MAX_KEPT = 10_000;

const kept = new Map<string, { token: JWT; expiresAt: number }>();

/** `decode` of next-auth/jwt, remembering each decrypted token until its `exp`. */
async function decodeKept(params: JWTDecodeParams): Promise<JWT | null> {
  if (!params.token) return null;
  const key = `${params.salt}\n${params.token}`;
  const hit = kept.get(key);
  if (hit) {
    if (hit.expiresAt > Date.now()) return hit.token;
    kept.delete(key);
    return null;
  }
  const token = await decode(params);
  if (!token || typeof token.exp !== "number") return null;
  const expiresAt = token.exp * 1000;
  if (expiresAt <= Date.now()) return null;
  if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(key, { token, expiresAt });
  return token;
}

/** The user id of a session cookie header, or null when there is none or it is invalid or expired. */
export async function userIdFromCookies(cookieHeader: string, secret: string): Promise<string | null> {
  const token = await getToken({
    req: { headers: { cookie: cookieHeader } },
    secret,
    // Auth.js names the cookie __Secure-… on https; a token decrypts only under the name it was sealed with.
    secureCookie: cookieHeader.includes(SECURE_SESSION_COOKIE),
    decode: decodeKept,
    // A bad token is an anonymous visitor, not an error worth a log line.
    logger: { error() {}, warn() {}, debug() {} },
  });
  return typeof token?.uid === "string" ? token.uid : null;
}

/** The signed-in user's id for the current request, or null. */
export async function sessionUserId(): Promise<string | null> {
  const cookie = (await headers()).get("cookie");
  if (!cookie) return null;
  return userIdFromCookies(cookie, env().AUTH_SECRET);
}
