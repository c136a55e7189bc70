import "server-only";
import type { Actor } from "../authz";
import { db } from "../db";
import { tokenState, type ApiTokenDto } from "./schemas";
import { hashToken } from "./secret";

export const tokenSelect = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

export function toTokenDto(row: {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    state: tokenState(row),
  };
}

/** The actor's own tokens, newest first (revoked ones too, so that the list explains what happened). */
export async function listApiTokens(actor: Actor): Promise<ApiTokenDto[]> {
  const rows = await db.apiToken.findMany({
    where: { userId: actor.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: tokenSelect,
    take: 200,
  });
  return rows.map(toTokenDto);
}

export interface TokenActor {
  actor: Actor;
  tokenId: string;
  lastUsedAt: Date | null;
}

/**
 * The owner of a token as an Actor (role and teams from the database, as lib/authz builds it for a session), or
 * null when the token is unknown, revoked or expired, or its owner is disabled.
 */
export async function findTokenActor(token: string): Promise<TokenActor | null> {
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          role: true,
          disabledAt: true,
          memberships: {
            select: { role: true, team: { select: { id: true, name: true, displayName: true } } },
            orderBy: { team: { name: "asc" } },
          },
        },
      },
    },
  });
  if (!row || tokenState(row) !== "active" || row.user.disabledAt) return null;
  const { user } = row;
  return {
    tokenId: row.id,
    lastUsedAt: row.lastUsedAt,
    actor: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      teams: user.memberships.map((m) => ({ ...m.team, role: m.role })),
    },
  };
}
