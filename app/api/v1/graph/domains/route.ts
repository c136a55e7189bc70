import { handleApiRequest } from "@/lib/api/handler";
import { getDomainGraph } from "@/lib/graph/queries";

/** GET /api/v1/graph/domains: domains with visible product counts and weighted consumption edges between them. */
export function GET(request: Request): Promise<Response> {
  return handleApiRequest(request, async ({ actor }) => Response.json(await getDomainGraph(actor)));
}
