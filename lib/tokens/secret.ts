// Making and hashing token secrets (Node crypto). Only the SHA-256 hash of a token is stored: a token is random
// enough (~238 bits) that a fast hash is safe, and it lets a request find its token with one indexed lookup.
import { createHash, randomBytes } from "node:crypto";
import { TOKEN_DISPLAY_LENGTH, TOKEN_PREFIX, TOKEN_RANDOM_LENGTH } from "./schemas";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** `hxm_` + 40 uniformly random base62 characters (rejection sampling: no modulo bias). */
export function generateToken(): string {
  let out = "";
  while (out.length < TOKEN_RANDOM_LENGTH) {
    for (const byte of randomBytes(64)) {
      if (byte < 248 && out.length < TOKEN_RANDOM_LENGTH) out += BASE62[byte % 62];
    }
  }
  return TOKEN_PREFIX + out;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function displayPrefix(token: string): string {
  return token.slice(0, TOKEN_DISPLAY_LENGTH);
}
