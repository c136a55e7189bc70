import { handleApiRequest } from "@/lib/api/handler";
import { problemResponse } from "@/lib/api/problem";
import { checkDescriptor } from "@/lib/descriptors";

/**
 * POST /api/v1/descriptors/validate with an ODPS 1.0.0, ODCS 3.1.0 or DCS 1.2.1 document (YAML or JSON): 200 with
 * `{ valid: true, kind, version }`, or 422 problem+json listing each error with its JSON pointer (and line). Saves
 * nothing.
 */
export async function POST(request: Request): Promise<Response> {
  return handleApiRequest(request, async () => {
    const check = checkDescriptor(await request.text(), request.headers.get("content-type"));
    if (check.valid) return Response.json({ valid: true, kind: check.kind, version: check.version, errors: [] });
    return problemResponse(
      422,
      check.kind
        ? `The document is not a valid ${check.kind.toUpperCase()} ${check.version} descriptor.`
        : "The document cannot be read.",
      { valid: false, kind: check.kind, version: check.version, errors: check.issues },
    );
  });
}
