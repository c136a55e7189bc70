import { handleApiRequest } from "@/lib/api/handler";
import { fieldErrorsToIssues, problemResponse } from "@/lib/api/problem";
import { NotFoundError } from "@/lib/errors";
import { getProductGraph, getProductNeighbourhood } from "@/lib/graph/queries";
import { ProductGraphInput } from "@/lib/graph/schemas";
import { errorsByPath } from "@/lib/products/input";

/**
 * GET /api/v1/graph/products[?domain=<name>[&after=|&before=<cursor>] | ?product=<domain>/<name>]: visible
 * products and the consumption edges between them; with `domain`, a page of its products (`page` says which, with
 * the cursors of the pages around it) and their direct neighbours; with `product`, that product's neighbourhood
 * (one hop up and down), 404 when it is unknown or not visible.
 */
export function GET(request: Request): Promise<Response> {
  return handleApiRequest(request, async ({ actor }) => {
    const params = new URL(request.url).searchParams;
    const input = ProductGraphInput.safeParse({
      domain: params.get("domain") ?? undefined,
      product: params.get("product") ?? undefined,
      after: params.get("after") ?? undefined,
      before: params.get("before") ?? undefined,
    });
    if (!input.success) {
      return problemResponse(
        422,
        "`domain` must be a domain name, `product` a `<domain>/<name>` ref, and only one of them may be given; " +
          "`after` or `before` (one of them) pages through a domain's products.",
        { errors: fieldErrorsToIssues(errorsByPath(input.error.issues)) },
      );
    }
    const { domain, product, after, before } = input.data;
    if (!product) {
      const cursor = after ? { after } : before ? { before } : null;
      return Response.json(await getProductGraph(actor, domain ?? null, cursor));
    }
    try {
      return Response.json(await getProductNeighbourhood(actor, product.domain, product.name));
    } catch (error) {
      if (error instanceof NotFoundError) {
        return problemResponse(404, `No data product ${product.domain}/${product.name} is visible to you.`);
      }
      throw error;
    }
  });
}
