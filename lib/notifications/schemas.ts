import { z } from "zod";

// Notifications in the app (issue 5 item 5): what other modules send, what the bell and /notifications show.

export const NOTIFICATION_PAGE_SIZE = 20;
export const NOTIFICATION_PAGE_MAX = 100;

const clipped = (max: number) =>
  z
    .string()
    .trim()
    .transform((text) => (text.length > max ? `${text.slice(0, max - 1)}…` : text));

/**
 * A notification as a module sends it: over-long texts are shortened rather than refused (a notification never
 * fails the change it reports); the link is a path inside Hexmesh (never another site).
 */
export const NotificationInput = z.object({
  kind: z.string().trim().min(1).max(80),
  title: clipped(300).pipe(z.string().min(1)),
  body: clipped(2000).default(""),
  link: z
    .string()
    .trim()
    .max(1000)
    .regex(/^\/(?![/\\])/, "A path inside Hexmesh, e.g. /access.")
    .optional(),
});
export type NotificationInput = z.input<typeof NotificationInput>;

export interface NotificationDto {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
}

export interface NotificationPageDto {
  items: NotificationDto[];
  unreadCount: number;
  /** Pass as `after` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** Keyset position: newest first by (createdAt, id). */
export interface NotificationCursor {
  createdAt: Date;
  id: string;
}

export function encodeNotificationCursor(cursor: NotificationCursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`, "utf8").toString("base64url");
}

export function decodeNotificationCursor(value: string): NotificationCursor | null {
  const [time, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const createdAt = new Date(time ?? "");
  if (Number.isNaN(createdAt.getTime()) || !z.uuid().safeParse(id).success) return null;
  return { createdAt, id: id! };
}

/** The parameters of a page: `after` (a cursor), `limit`, `unread` (only unread ones). */
export const NotificationPageInput = z.object({
  after: z
    .string()
    .max(200)
    .transform((value, ctx) => {
      const cursor = decodeNotificationCursor(value);
      if (!cursor) {
        ctx.addIssue({ code: "custom", message: "Not a cursor this API gave out." });
        return z.NEVER;
      }
      return cursor;
    })
    .optional(),
  limit: z.coerce.number().int().min(1).max(NOTIFICATION_PAGE_MAX).default(NOTIFICATION_PAGE_SIZE),
  unread: z
    .enum(["true", "false", "1", "0"])
    .transform((value) => value === "true" || value === "1")
    .default(false),
});
export type NotificationPageInput = z.input<typeof NotificationPageInput>;
export type NotificationPageQuery = z.output<typeof NotificationPageInput>;

/** The bell's accessible name: "Notifications, 3 unread". */
export function bellLabel(unreadCount: number): string {
  return unreadCount === 0 ? "Notifications, none unread" : `Notifications, ${unreadCount} unread`;
}
