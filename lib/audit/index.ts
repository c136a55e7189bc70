import "server-only";
import { headers } from "next/headers";
import type { Tx } from "../db";
import type { Prisma } from "../generated/prisma/client";

export interface AuditEventInput {
  /** Null when the platform itself acts (jobs, first SSO sign-in before the user exists). */
  actor: { id: string; email: string } | null;
  /** `<entity>.<verb>`, e.g. `user.role_changed`. */
  action: string;
  /** Canonical reference, e.g. `product:podcasts/listeners-demographic`, `user:ada@example.com`. */
  entityRef: string;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
}

/** The id of the request being served (set by proxy.ts), or null outside a request. */
async function currentRequestId(): Promise<string | null> {
  try {
    return (await headers()).get("x-request-id");
  } catch {
    return null;
  }
}

/** Writes one audit event inside the caller's transaction: the event and the change commit or fail together. */
export async function writeAudit(tx: Tx, event: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: event.actor?.id ?? null,
      actorEmail: event.actor?.email ?? null,
      action: event.action,
      entityRef: event.entityRef,
      before: event.before ?? undefined,
      after: event.after ?? undefined,
      requestId: await currentRequestId(),
    },
  });
}
