// The bell's access to app/api/v1/notifications: a typed query-key factory and the fetchers.
import type { NotificationPageDto } from "@/lib/notifications/schemas";

export const BELL_PAGE_SIZE = 8;
/** Fired on window by pages that change notifications (e.g. /notifications), so the bell refreshes at once. */
export const NOTIFICATIONS_CHANGED_EVENT = "hexmesh:notifications-changed";

export const notificationKeys = {
  all: ["notifications"] as const,
  latest: (limit: number) => [...notificationKeys.all, "latest", limit] as const,
};

/** What the API sends: dates as ISO strings. */
export type NotificationJson = Omit<NotificationPageDto["items"][number], "readAt" | "createdAt"> & {
  readAt: string | null;
  createdAt: string;
};
export interface NotificationPageJson {
  items: NotificationJson[];
  unreadCount: number;
  nextCursor: string | null;
}

async function request<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { credentials: "same-origin", cache: "no-store", ...init });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

export const fetchLatestNotifications = (limit: number) =>
  request<NotificationPageJson>(`/api/v1/notifications?limit=${limit}`);

export const markAllNotificationsRead = () =>
  request<{ unreadCount: number }>("/api/v1/notifications/read", { method: "POST" });

export const markNotificationRead = (id: string) =>
  request<{ unreadCount: number }>(`/api/v1/notifications/${encodeURIComponent(id)}/read`, {
    method: "POST",
    keepalive: true,
  });
