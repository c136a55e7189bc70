// Personal API tokens: what a user types to make one, and what the settings page shows of it. Pure; unit-tested.
import { z } from "zod";

/** Every token starts with this, so that secret scanners and people can tell what it is. */
export const TOKEN_PREFIX = "hxm_";
/** Random base62 characters after the prefix (~238 bits). */
export const TOKEN_RANDOM_LENGTH = 40;
/** How much of a token is kept in clear to tell tokens apart (`hxm_` + 8 characters). */
export const TOKEN_DISPLAY_LENGTH = TOKEN_PREFIX.length + 8;
export const TOKEN_PATTERN = /^hxm_[0-9A-Za-z]{32,128}$/;

export const TOKEN_EXPIRY_CHOICES = [
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "never", label: "No expiry" },
] as const;

export const CreateTokenInput = z.object({
  name: z
    .string({ error: "Required." })
    .trim()
    .min(1, "Give the token a name, e.g. the pipeline that will use it.")
    .max(80, "At most 80 characters."),
  expiresIn: z.enum(
    TOKEN_EXPIRY_CHOICES.map((choice) => choice.value),
    { error: "Choose when the token expires." },
  ),
});
export type CreateTokenInput = z.input<typeof CreateTokenInput>;

export const RevokeTokenInput = z.object({ tokenId: z.uuid({ error: "Unknown token." }) });

/** When a token made now with this choice expires (null: never). */
export function expiryFor(choice: CreateTokenInput["expiresIn"], now = new Date()): Date | null {
  if (choice === "never") return null;
  return new Date(now.getTime() + Number(choice) * 24 * 60 * 60 * 1000);
}

export type TokenState = "active" | "expired" | "revoked";

export function tokenState(token: { expiresAt: Date | null; revokedAt: Date | null }, now = new Date()): TokenState {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

export interface ApiTokenDto {
  id: string;
  name: string;
  /** The first characters of the token (`hxm_AbC12345`), to tell tokens apart. */
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  state: TokenState;
}

/** The one time a token is seen in full: right after it was made. */
export interface CreatedTokenDto {
  token: string;
  summary: ApiTokenDto;
}
