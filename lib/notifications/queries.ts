import "server-only";
import { db } from "../db";
import type { Actor } from "../authz";
import type { Prisma } from "../generated/prisma/client";
import {
  encodeNotificationCursor,
  NOTIFICATION_PAGE_SIZE,
  type NotificationDto,
  type NotificationPageDto,
  type NotificationPageQuery,
} from "./schemas";

// A user only ever sees their own notifications: every query is scoped to the actor's id.

const notificationSelect = {
  id: true,
  kind: true,
  title: true,
  body: true,
  link: true,
  readAt: true,
  createdAt: true,
} satisfies Prisma.NotificationSelect;

export async function countUnreadNotifications(actor: Actor): Promise<number> {
  return db.notification.count({ where: { userId: actor.id, readAt: null } });
}

/** A page of the actor's notifications, newest first (keyset over createdAt, id), with the unread count. */
export async function listNotifications(
  actor: Actor,
  query: Partial<NotificationPageQuery> = {},
): Promise<NotificationPageDto> {
  const limit = query.limit ?? NOTIFICATION_PAGE_SIZE;
  const after = query.after;
  const where: Prisma.NotificationWhereInput = {
    userId: actor.id,
    ...(query.unread ? { readAt: null } : {}),
    ...(after
      ? {
          OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }],
        }
      : {}),
  };
  const [rows, unreadCount] = await Promise.all([
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit + 1,
      select: notificationSelect,
    }),
    countUnreadNotifications(actor),
  ]);
  const items: NotificationDto[] = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    unreadCount,
    nextCursor: rows.length > limit && last ? encodeNotificationCursor(last) : null,
  };
}
