import { handleApiRequest } from "@/lib/api/handler";
import { fieldErrorsToIssues, problemResponse } from "@/lib/api/problem";
import { listNotifications } from "@/lib/notifications/queries";
import { NotificationPageInput } from "@/lib/notifications/schemas";
import { errorsByPath } from "@/lib/products/input";

/**
 * GET /api/v1/notifications?after=&limit=&unread=true: the caller's notifications, newest first, with the unread
 * count and the cursor of the next page. The bell polls it.
 */
export async function GET(request: Request): Promise<Response> {
  return handleApiRequest(request, async ({ actor }) => {
    const parsed = NotificationPageInput.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) {
      return problemResponse(422, "Some parameters are not valid.", {
        errors: fieldErrorsToIssues(errorsByPath(parsed.error.issues)),
      });
    }
    const page = await listNotifications(actor, parsed.data);
    return Response.json(page, { headers: { "cache-control": "no-store" } });
  });
}
