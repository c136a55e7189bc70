import { handleApiRequest, readJsonObject } from "@/lib/api/handler";
import { approveAccessRequest } from "@/lib/access/mutations";

interface Context {
  params: Promise<{ id: string }>;
}

/**
 * POST /api/v1/access-requests/<id>/approve: approves a pending request; the body may set `endsAt` (earlier than asked) and `reason`. An optional `version` in the body must match the
 * request's; a request decided meanwhile answers 409.
 */
export async function POST(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  return handleApiRequest(request, async ({ actor }) => {
    const body = await readJsonObject(request);
    if (body instanceof Response) return body;
    return Response.json(await approveAccessRequest(actor, id, body));
  });
}
