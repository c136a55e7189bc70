"use client";
import { useActionState } from "react";
import { buttonClasses } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/action-result";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/notifications/actions";
import { NOTIFICATIONS_CHANGED_EVENT } from "./api";

type ReadAction = (
  previous: ActionResult<{ unreadCount: number }> | null,
  formData: FormData,
) => Promise<ActionResult<{ unreadCount: number }>>;

/**
 * The action, then a word to the bell so that it refreshes at once. Told here rather than in an effect: the button
 * of a notification just read leaves the page with the re-render.
 */
const tellingTheBell =
  (action: ReadAction): ReadAction =>
  async (previous, formData) => {
    const result = await action(previous, formData);
    if (result.ok) window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED_EVENT));
    return result;
  };

const markAll = tellingTheBell(markAllNotificationsReadAction);
const markOne = tellingTheBell(markNotificationReadAction);

export function MarkAllReadButton({ disabled }: { disabled: boolean }) {
  const [state, formAction, pending] = useActionState(markAll, null);
  return (
    <form action={formAction} className="flex items-center gap-3">
      <p role="status" className="text-sm text-success empty:hidden">
        {state?.ok ? state.message : ""}
      </p>
      {state && !state.ok && (
        <p role="alert" className="text-sm text-danger">
          {state.message}
        </p>
      )}
      <button type="submit" disabled={disabled || pending} className={buttonClasses("secondary", "md")}>
        {pending ? "Marking…" : "Mark all as read"}
      </button>
    </form>
  );
}

export function MarkReadButton({ id, title }: { id: string; title: string }) {
  const [state, formAction, pending] = useActionState(markOne, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="notificationId" value={id} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Mark as read: ${title}`}
        className={buttonClasses("ghost", "sm")}
      >
        Mark as read
      </button>
      {state && !state.ok && (
        <p role="alert" className="text-xs text-danger">
          {state.message}
        </p>
      )}
    </form>
  );
}
