import { handleApiRequest } from "@/lib/api/handler";
import { fieldErrorsToIssues, problemResponse } from "@/lib/api/problem";
import { errorsByPath } from "@/lib/products/input";
import { countProductFacets, searchProducts } from "@/lib/search/queries";
import { parseSearchParams } from "@/lib/search/schemas";

/**
 * GET /api/v1/products?q=&domain=&team=&archetype=&status=&tag=&kind=&pii=1&after=|before=: the catalog search
 * (the parameters of /products), a page of products the caller may see with the facets and keyset cursors.
 */
export async function GET(request: Request): Promise<Response> {
  return handleApiRequest(request, async ({ actor }) => {
    const parsed = parseSearchParams(new URL(request.url).searchParams);
    if (!parsed.success) {
      return problemResponse(422, "Some search parameters are not valid.", {
        errors: fieldErrorsToIssues(errorsByPath(parsed.error.issues)),
      });
    }
    const [page, facets] = await Promise.all([
      searchProducts(actor, parsed.data),
      countProductFacets(actor, parsed.data),
    ]);
    return Response.json({
      items: page.hits,
      facets,
      total: facets.total,
      nextCursor: page.nextCursor,
      previousCursor: page.previousCursor,
    });
  });
}
