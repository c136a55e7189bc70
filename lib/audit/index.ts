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

/** An id a load balancer in front may give a request in `X-Request-Id`. */
const GIVEN_REQUEST_ID = /^[\w.-]{8,128}$/;
/** Ids made for requests that came without one, by the request's headers object (one per request). */
const madeRequestIds = new WeakMap<object, string>();

/**
 * The id of the request being served, the same for every event it writes: the `X-Request-Id` it came with if that
 * looks like one, otherwise one made here. Null outside a request (jobs, scripts).
 */
async function currentRequestId(): Promise<string | null> {
  let requestHeaders: Awaited<ReturnType<typeof headers>>;
  try {
    requestHeaders = await headers();
  } catch {
    return null;
  }
  const given = requestHeaders.get("x-request-id");
  if (given !== null && GIVEN_REQUEST_ID.test(given)) return given;
  let made = madeRequestIds.get(requestHeaders);
  if (made === undefined) {
    made = crypto.randomUUID();
    madeRequestIds.set(requestHeaders, made);
  }
  return made;
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
