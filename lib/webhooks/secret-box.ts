// Webhook signing secrets at rest: AES-256-GCM under a key derived (HKDF-SHA256) from the server secret, stored
// as `v1.<iv>.<tag>.<ciphertext>` (base64url). Pure: the caller passes the server secret.
import crypto from "node:crypto";

const INFO = "hexmesh webhook signing secrets v1";

/** The 32-byte encryption key for webhook secrets, derived from the server secret (AUTH_SECRET). */
export function deriveWebhookKey(serverSecret: string): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", serverSecret, "hexmesh", INFO, 32));
}

export function encryptSecret(plaintext: string, key: Buffer): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** The plaintext; throws when the value was not made with this key (tampered, or AUTH_SECRET changed). */
export function decryptSecret(stored: string, key: Buffer): string {
  const [version, iv, tag, ciphertext] = stored.split(".");
  if (version !== "v1" || !iv || !tag || ciphertext === undefined) throw new Error("Unknown webhook secret format.");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}
