"use server";
import { revalidatePath } from "next/cache";
import { failure, type ActionResult } from "../action-result";
import { requireActor } from "../authz";
import { markAllNotificationsRead, markNotificationRead } from "./mutations";

// The forms of /notifications; the bell uses the API (app/api/v1/notifications).

export async function markNotificationReadAction(
  _previous: ActionResult<{ unreadCount: number }> | null,
  formData: FormData,
): Promise<ActionResult<{ unreadCount: number }>> {
  try {
    const id = formData.get("notificationId");
    const result = await markNotificationRead(await requireActor(), typeof id === "string" ? id : "");
    revalidatePath("/notifications");
    return { ok: true, data: result };
  } catch (error) {
    return failure(error);
  }
}

export async function markAllNotificationsReadAction(
  _previous: ActionResult<{ unreadCount: number }> | null,
  _formData: FormData,
): Promise<ActionResult<{ unreadCount: number }>> {
  try {
    const result = await markAllNotificationsRead(await requireActor());
    revalidatePath("/notifications");
    return { ok: true, data: { unreadCount: result.unreadCount }, message: "All notifications marked as read." };
  } catch (error) {
    return failure(error);
  }
}
