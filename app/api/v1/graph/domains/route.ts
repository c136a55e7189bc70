import { getActor } from "@/lib/authz";
import { unauthorized } from "@/lib/graph/problem";
import { getDomainGraph } from "@/lib/graph/queries";

/** GET /api/v1/graph/domains: domains with visible product counts and weighted consumption edges between them. */
export async function GET(): Promise<Response> {
  const actor = await getActor();
  if (!actor) return unauthorized();
  return Response.json(await getDomainGraph(actor));
}
