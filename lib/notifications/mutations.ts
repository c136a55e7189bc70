import "server-only";
import { z } from "zod";
import { db, type Tx } from "../db";
import type { Actor } from "../authz";
import { NotFoundError } from "../errors";
import { NotificationInput } from "./schemas";

// Sending (inside the caller's transaction, so a notification exists exactly when its change committed) and
// reading. Disabled users get none. A user marks only their own: another user's id is a 404, like a missing one.

/** Notifies these users (duplicates and disabled users skipped). */
export async function notifyUsers(tx: Tx, userIds: string[], notification: NotificationInput): Promise<void> {
  const values = NotificationInput.parse(notification);
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return;
  const recipients = await tx.user.findMany({
    where: { id: { in: ids }, disabledAt: null },
    select: { id: true },
  });
  if (recipients.length === 0) return;
  await tx.notification.createMany({
    data: recipients.map((user) => ({
      userId: user.id,
      kind: values.kind,
      title: values.title,
      body: values.body,
      link: values.link ?? null,
    })),
  });
}

/** Notifies the members of a team (or only its owners), except one user (typically whoever acted). */
export async function notifyTeam(
  tx: Tx,
  teamId: string,
  notification: NotificationInput,
  options: { ownersOnly?: boolean; exceptUserId?: string } = {},
): Promise<void> {
  const members = await tx.teamMembership.findMany({
    where: {
      teamId,
      ...(options.ownersOnly ? { role: "owner" } : {}),
      ...(options.exceptUserId ? { userId: { not: options.exceptUserId } } : {}),
    },
    select: { userId: true },
  });
  await notifyUsers(
    tx,
    members.map((member) => member.userId),
    notification,
  );
}

const notificationId = z.uuid();

/** Marks one of the actor's notifications read (idempotent); 404 for an id that is not theirs. */
export async function markNotificationRead(actor: Actor, id: string): Promise<{ unreadCount: number }> {
  if (!notificationId.safeParse(id).success) throw new NotFoundError("No such notification.");
  return db.$transaction(async (tx) => {
    const notification = await tx.notification.findFirst({
      where: { id, userId: actor.id },
      select: { readAt: true },
    });
    if (!notification) throw new NotFoundError("No such notification.");
    if (!notification.readAt) {
      await tx.notification.updateMany({ where: { id, userId: actor.id, readAt: null }, data: { readAt: new Date() } });
    }
    return { unreadCount: await tx.notification.count({ where: { userId: actor.id, readAt: null } }) };
  });
}

/** Marks all of the actor's notifications read; answers how many were unread. */
export async function markAllNotificationsRead(actor: Actor): Promise<{ marked: number; unreadCount: number }> {
  const { count } = await db.notification.updateMany({
    where: { userId: actor.id, readAt: null },
    data: { readAt: new Date() },
  });
  return { marked: count, unreadCount: 0 };
}
