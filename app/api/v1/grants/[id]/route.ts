import { handleApiRequest, readJsonObject } from "@/lib/api/handler";
import { revokeGrant } from "@/lib/access/mutations";
import { getGrant } from "@/lib/access/queries";

interface Context {
  params: Promise<{ id: string }>;
}

/** GET /api/v1/grants/<id>: one grant with its provisioning state. */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  return handleApiRequest(request, async ({ actor }) => Response.json(await getGrant(actor, id)));
}

/**
 * DELETE /api/v1/grants/<id>: revokes a grant (its owning team or an admin), with a `reason` in the JSON body or
 * the `reason` query parameter; its privileges are then removed by the provisioning job.
 */
export async function DELETE(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  return handleApiRequest(request, async ({ actor }) => {
    const body = await readJsonObject(request);
    if (body instanceof Response) return body;
    const reason = body.reason ?? new URL(request.url).searchParams.get("reason") ?? undefined;
    return Response.json(await revokeGrant(actor, id, { ...body, reason }));
  });
}
