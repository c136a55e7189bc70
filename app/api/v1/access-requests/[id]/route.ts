import { handleApiRequest } from "@/lib/api/handler";
import { getAccessRequest } from "@/lib/access/queries";

interface Context {
  params: Promise<{ id: string }>;
}

/** GET /api/v1/access-requests/<id>: one request, 404 for those who may not see it. */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  return handleApiRequest(request, async ({ actor }) => Response.json(await getAccessRequest(actor, id)));
}
