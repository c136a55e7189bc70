import { handleApiRequest } from "@/lib/api/handler";
import { markNotificationRead } from "@/lib/notifications/mutations";

/** POST /api/v1/notifications/<id>/read: marks one of the caller's notifications read (404 for others'). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return handleApiRequest(request, async ({ actor }) => Response.json(await markNotificationRead(actor, id)));
}
