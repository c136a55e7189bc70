import { getActor } from "@/lib/authz";
import { problem, unauthorized } from "@/lib/graph/problem";
import { getProductGraph } from "@/lib/graph/queries";
import { ProductGraphInput } from "@/lib/graph/schemas";

/** GET /api/v1/graph/products[?domain=<name>]: visible products and the consumption edges between them. */
export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return unauthorized();
  const params = new URL(request.url).searchParams;
  const input = ProductGraphInput.safeParse({ domain: params.get("domain") ?? undefined });
  if (!input.success) return problem(422, "Invalid domain", "`domain` must be a domain name.");
  return Response.json(await getProductGraph(actor, input.data.domain ?? null));
}
