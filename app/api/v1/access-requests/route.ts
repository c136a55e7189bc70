import { API_BASE, handleApiRequest, idempotencyKeyOf, readJsonObject } from "@/lib/api/handler";
import { fieldErrorsToIssues, problemResponse } from "@/lib/api/problem";
import { requestAccess } from "@/lib/access/mutations";
import { listAccessRequests } from "@/lib/access/queries";
import { AccessRequestListQuery } from "@/lib/access/schemas";
import { errorsByPath } from "@/lib/products/input";

/** GET /api/v1/access-requests?status=&role=inbox|mine: the requests the caller may see, newest first. */
export async function GET(request: Request): Promise<Response> {
  return handleApiRequest(request, async ({ actor }) => {
    const parsed = AccessRequestListQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) {
      return problemResponse(422, "Some parameters are not valid.", {
        errors: fieldErrorsToIssues(errorsByPath(parsed.error.issues)),
      });
    }
    return Response.json({ items: await listAccessRequests(actor, parsed.data) });
  });
}

/**
 * POST /api/v1/access-requests: asks for access to an output port. With an `Idempotency-Key` header a repeat returns
 * the first result (and `Idempotency-Replayed: true`) instead of a second request.
 */
export async function POST(request: Request): Promise<Response> {
  const key = idempotencyKeyOf(request);
  if (key instanceof Response) return key;
  return handleApiRequest(request, async ({ actor }) => {
    const body = await readJsonObject(request);
    if (body instanceof Response) return body;
    const { request: created, replayed } = await requestAccess(actor, body, { idempotencyKey: key });
    return Response.json(created, {
      status: 201,
      headers: {
        location: `${API_BASE}/access-requests/${created.id}`,
        ...(replayed ? { "idempotency-replayed": "true" } : {}),
      },
    });
  });
}
