import "server-only";
import { writeAudit } from "../audit";
import type { Actor } from "../authz";
import { db } from "../db";
import { InvalidInputError, NotFoundError } from "../errors";
import { toTokenDto, tokenSelect } from "./queries";
import { CreateTokenInput, expiryFor, type CreatedTokenDto, type ApiTokenDto } from "./schemas";
import { displayPrefix, generateToken, hashToken } from "./secret";

/** Active tokens a user may hold at once. */
export const MAX_ACTIVE_TOKENS = 50;

/** Makes a personal API token acting as the actor. The token itself is returned here once and never stored. */
export async function createApiToken(actor: Actor, input: unknown): Promise<CreatedTokenDto> {
  const parsed = CreateTokenInput.safeParse(input);
  if (!parsed.success) {
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (errors[issue.path.join(".")] ??= []).push(issue.message);
    throw new InvalidInputError("Check the highlighted fields.", errors);
  }
  const token = generateToken();
  const expiresAt = expiryFor(parsed.data.expiresIn);
  const row = await db.$transaction(async (tx) => {
    const active = await tx.apiToken.count({
      where: { userId: actor.id, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
    });
    if (active >= MAX_ACTIVE_TOKENS) {
      throw new InvalidInputError(`You have ${active} active tokens; revoke one you no longer use first.`);
    }
    const created = await tx.apiToken.create({
      data: {
        userId: actor.id,
        name: parsed.data.name,
        tokenHash: hashToken(token),
        prefix: displayPrefix(token),
        expiresAt,
      },
      select: tokenSelect,
    });
    await writeAudit(tx, {
      actor,
      action: "api_token.created",
      entityRef: `user:${actor.email}`,
      after: {
        tokenId: created.id,
        name: created.name,
        prefix: created.prefix,
        expiresAt: created.expiresAt?.toISOString() ?? null,
      },
    });
    return created;
  });
  return { token, summary: toTokenDto(row) };
}

/** Revokes one of the actor's tokens at once (a revoked token answers 401). Revoking twice changes nothing. */
export async function revokeApiToken(actor: Actor, tokenId: string): Promise<ApiTokenDto> {
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, userId: actor.id }, select: tokenSelect });
    // Someone else's token does not exist for this actor.
    if (!token) throw new NotFoundError("There is no such token.");
    if (token.revokedAt) return toTokenDto(token);
    const revoked = await tx.apiToken.update({
      where: { id: token.id },
      data: { revokedAt: new Date() },
      select: tokenSelect,
    });
    await writeAudit(tx, {
      actor,
      action: "api_token.revoked",
      entityRef: `user:${actor.email}`,
      before: { tokenId: token.id, name: token.name, prefix: token.prefix },
      after: { revokedAt: revoked.revokedAt!.toISOString() },
    });
    return toTokenDto(revoked);
  });
}

/** Records that a token was used; at most one write a minute per token (a conditional update, no read). */
export async function touchApiToken(tokenId: string, lastUsedAt: Date | null): Promise<void> {
  const now = new Date();
  const minuteAgo = new Date(now.getTime() - 60_000);
  if (lastUsedAt && lastUsedAt > minuteAgo) return;
  await db.apiToken.updateMany({
    where: { id: tokenId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: minuteAgo } }] },
    data: { lastUsedAt: now },
  });
}
