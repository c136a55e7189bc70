import "server-only";
import { db } from "../db";
import { writeAudit } from "../audit";
import { authorize, requireActor, type Actor } from "../authz";
import { ConflictError, NotFoundError } from "../errors";
import type { ChangeUserRoleInput, SetUserDisabledInput, UserChangeDto } from "./schemas";

const CONFLICT = "Someone else changed this user; reload and try again.";

const targetSelect = { id: true, email: true, role: true, disabledAt: true, version: true } as const;

async function loadTarget(actor: Actor, userId: string) {
  // Only admins learn whether a user exists.
  authorize(actor, "user.list", null);
  const user = await db.user.findUnique({ where: { id: userId }, select: targetSelect });
  if (!user) throw new NotFoundError("This user does not exist.");
  return user;
}

/** Changes a user's global role (admin only, never one's own), with optimistic locking and an audit event. */
export async function changeUserRole(input: ChangeUserRoleInput): Promise<UserChangeDto> {
  const actor = await requireActor();
  const target = await loadTarget(actor, input.userId);
  authorize(actor, "user.manage", { userId: target.id });
  if (target.version !== input.version) throw new ConflictError(CONFLICT);
  if (target.role === input.role) {
    return { id: target.id, role: target.role, disabled: target.disabledAt !== null, version: target.version };
  }

  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: target.id, version: input.version },
      data: { role: input.role, version: { increment: 1 } },
    });
    if (count !== 1) throw new ConflictError(CONFLICT);
    await writeAudit(tx, {
      actor,
      action: "user.role_changed",
      entityRef: `user:${target.email}`,
      before: { role: target.role },
      after: { role: input.role },
    });
    return { id: target.id, role: input.role, disabled: target.disabledAt !== null, version: input.version + 1 };
  });
}

/** Disables (ends their sessions, refuses sign-in) or enables a user (admin only, never oneself). */
export async function setUserDisabled(input: SetUserDisabledInput): Promise<UserChangeDto> {
  const actor = await requireActor();
  const target = await loadTarget(actor, input.userId);
  authorize(actor, "user.manage", { userId: target.id });
  if (target.version !== input.version) throw new ConflictError(CONFLICT);

  if ((target.disabledAt !== null) === input.disabled) {
    return { id: target.id, role: target.role, disabled: input.disabled, version: target.version };
  }

  const disabledAt = input.disabled ? (target.disabledAt ?? new Date()) : null;
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: target.id, version: input.version },
      data: { disabledAt, version: { increment: 1 } },
    });
    if (count !== 1) throw new ConflictError(CONFLICT);
    await writeAudit(tx, {
      actor,
      action: input.disabled ? "user.disabled" : "user.enabled",
      entityRef: `user:${target.email}`,
      before: { disabledAt: target.disabledAt?.toISOString() ?? null },
      after: { disabledAt: disabledAt?.toISOString() ?? null },
    });
    return { id: target.id, role: target.role, disabled: disabledAt !== null, version: input.version + 1 };
  });
}
