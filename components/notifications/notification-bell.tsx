"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import { BellIcon } from "@/components/ui/icons";
import { QueryProvider } from "@/components/ui/query-provider";
import { formatDateTime, formatRelative } from "@/components/ui/time";
import { buttonClasses } from "@/components/ui/styles";
import { bellLabel } from "@/lib/notifications/schemas";
import {
  BELL_PAGE_SIZE,
  fetchLatestNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  notificationKeys,
  NOTIFICATIONS_CHANGED_EVENT,
  type NotificationPageJson,
} from "./api";

const POLL_MS = 30_000;

/** The bell in the header: the unread count, polled, and a panel with the latest notifications. */
export function NotificationBell() {
  // The header sits outside the pages' QueryProvider: the bell brings its own client.
  return (
    <QueryProvider>
      <Bell />
    </QueryProvider>
  );
}

function Bell() {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const headingId = useId();

  const { data, isError } = useQuery({
    queryKey: notificationKeys.latest(BELL_PAGE_SIZE),
    queryFn: () => fetchLatestNotifications(BELL_PAGE_SIZE),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 5_000,
  });
  const unreadCount = data?.unreadCount ?? 0;

  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  const markAll = useMutation({ mutationFn: markAllNotificationsRead, onSettled: refresh });

  // Pages that change notifications tell the bell.
  useEffect(() => {
    const onChanged = () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    window.addEventListener(NOTIFICATIONS_CHANGED_EVENT, onChanged);
    return () => window.removeEventListener(NOTIFICATIONS_CHANGED_EVENT, onChanged);
  }, [queryClient]);

  // Escape closes and gives focus back to the bell; a click elsewhere closes.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (container.current && !container.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  const toggle = () => {
    setOpen((wasOpen) => !wasOpen);
    if (!open) void refresh();
  };

  const openNotification = (id: string, read: boolean) => {
    setOpen(false);
    if (read) return;
    // Optimistically one less; the POST (keepalive) survives the navigation.
    queryClient.setQueryData<NotificationPageJson>(notificationKeys.latest(BELL_PAGE_SIZE), (page) =>
      page
        ? {
            ...page,
            unreadCount: Math.max(0, page.unreadCount - 1),
            items: page.items.map((item) => (item.id === id ? { ...item, readAt: new Date().toISOString() } : item)),
          }
        : page,
    );
    void markNotificationRead(id).finally(refresh);
  };

  return (
    <div ref={container} className="relative">
      <button
        ref={button}
        type="button"
        aria-label={bellLabel(unreadCount)}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={toggle}
        className="relative grid size-9 place-items-center rounded-lg text-muted transition-colors hover:bg-subtle hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand"
      >
        <BellIcon className="size-5" />
        {unreadCount > 0 && (
          <span
            aria-hidden
            data-testid="notification-count"
            className="absolute -top-0.5 -right-0.5 grid h-4.5 min-w-4.5 place-items-center rounded-full bg-danger px-1 text-[10px] leading-none font-semibold text-white dark:text-background"
          >
            {unreadCount > 99 ? "99+" : unreadCount}
          </span>
        )}
      </button>

      <div
        id={panelId}
        role="region"
        aria-labelledby={headingId}
        hidden={!open}
        className="absolute right-0 z-50 mt-2 w-96 max-w-[calc(100vw-2rem)] overflow-hidden rounded-xl border border-line bg-surface-raised shadow-pop"
      >
        <div className="flex items-center justify-between gap-3 border-b border-line px-4 py-2.5">
          <h2 id={headingId} className="text-sm font-semibold text-foreground">
            Notifications
          </h2>
          <button
            type="button"
            // aria-disabled rather than disabled: the button keeps the focus once everything is read.
            aria-disabled={unreadCount === 0 || markAll.isPending}
            onClick={() => {
              if (unreadCount > 0 && !markAll.isPending) markAll.mutate();
            }}
            className={buttonClasses("ghost", "sm", "focus-visible:outline-2 focus-visible:outline-brand")}
          >
            {markAll.isPending ? "Marking…" : "Mark all as read"}
          </button>
        </div>
        {isError && !data ? (
          <p role="alert" className="px-4 py-6 text-sm text-danger">
            Notifications could not be loaded. They will be tried again shortly.
          </p>
        ) : !data ? (
          <p className="px-4 py-6 text-sm text-muted">Loading…</p>
        ) : data.items.length === 0 ? (
          <p className="px-4 py-6 text-sm text-muted">No notifications yet.</p>
        ) : (
          <ul aria-label="Latest notifications" className="max-h-[60vh] divide-y divide-line overflow-y-auto">
            {data.items.map((item) => {
              const read = item.readAt !== null;
              const createdAt = new Date(item.createdAt);
              return (
                <li key={item.id}>
                  <Link
                    href={item.link ?? "/notifications"}
                    onClick={() => openNotification(item.id, read)}
                    className={cn(
                      "flex gap-3 px-4 py-3 text-sm transition-colors hover:bg-subtle focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand",
                      !read && "bg-brand-soft/40",
                    )}
                  >
                    <span
                      aria-hidden
                      className={cn("mt-1.5 size-2 shrink-0 rounded-full", read ? "bg-transparent" : "bg-brand")}
                    />
                    <span className="min-w-0 flex-1">
                      <span className={cn("block text-foreground", !read && "font-semibold")}>
                        {!read && <span className="sr-only">Unread: </span>}
                        {item.title}
                      </span>
                      {item.body && <span className="mt-0.5 line-clamp-2 block text-muted">{item.body}</span>}
                      <time
                        dateTime={item.createdAt}
                        title={formatDateTime(createdAt)}
                        className="mt-1 block text-xs text-faint"
                      >
                        {formatRelative(createdAt)}
                      </time>
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
        <div className="border-t border-line p-1.5">
          <Link
            href="/notifications"
            onClick={() => setOpen(false)}
            className="flex w-full items-center justify-center rounded-lg px-2.5 py-2 text-sm font-medium text-brand transition-colors hover:bg-subtle focus-visible:outline-2 focus-visible:outline-brand"
          >
            See all notifications
          </Link>
        </div>
      </div>
    </div>
  );
}
