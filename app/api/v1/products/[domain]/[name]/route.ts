import { handleApiRequest, ifMatchOf, productLocator, productUrl } from "@/lib/api/handler";
import { etagFor } from "@/lib/api/problem";
import { getProductResource, saveProductDescriptor } from "@/lib/api/products";

interface Context {
  params: Promise<{ domain: string; name: string }>;
}

/** GET /api/v1/products/<domain>/<name>: the registration, status and revision (ETag) of a visible product. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const locator = productLocator(await params);
  if (locator instanceof Response) return locator;
  return handleApiRequest(request, async ({ actor }) => {
    const product = await getProductResource(actor, locator);
    return Response.json(product, { headers: { etag: etagFor(product.revision) } });
  });
}

/**
 * PUT /api/v1/products/<domain>/<name> with an ODPS 1.0.0 (or DCS 1.2.1) document, YAML or JSON by Content-Type:
 * creates the product (201) or updates it (200); the same document twice changes nothing. `If-Match: "<revision>"`
 * answers 412 when the product changed since.
 */
export async function PUT(request: Request, { params }: Context): Promise<Response> {
  const locator = productLocator(await params);
  if (locator instanceof Response) return locator;
  const ifMatch = ifMatchOf(request);
  if (ifMatch instanceof Response) return ifMatch;
  return handleApiRequest(request, async ({ actor }) => {
    const saved = await saveProductDescriptor(actor, {
      text: await request.text(),
      contentType: request.headers.get("content-type"),
      locator,
      ifMatch,
    });
    return Response.json(saved, {
      status: saved.created ? 201 : 200,
      headers: { etag: etagFor(saved.revision), location: productUrl(locator) },
    });
  });
}
