import { handleApiRequest } from "@/lib/api/handler";
import { markAllNotificationsRead } from "@/lib/notifications/mutations";

/** POST /api/v1/notifications/read: marks all of the caller's notifications read. */
export async function POST(request: Request): Promise<Response> {
  return handleApiRequest(request, async ({ actor }) => Response.json(await markAllNotificationsRead(actor)));
}
