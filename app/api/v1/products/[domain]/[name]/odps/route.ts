import { handleApiRequest, productLocator } from "@/lib/api/handler";
import { etagFor } from "@/lib/api/problem";
import { getProductOdps } from "@/lib/api/products";

/** GET /api/v1/products/<domain>/<name>/odps: the product as an ODPS 1.0.0 document (YAML). */
export async function GET(request: Request, { params }: { params: Promise<{ domain: string; name: string }> }) {
  const locator = productLocator(await params);
  if (locator instanceof Response) return locator;
  return handleApiRequest(request, async ({ actor }) => {
    const { yaml, revision } = await getProductOdps(actor, locator);
    return new Response(yaml, {
      headers: {
        "content-type": "application/odps+yaml; charset=utf-8",
        "content-disposition": `inline; filename="${locator.domain}-${locator.name}.odps.yaml"`,
        etag: etagFor(revision),
      },
    });
  });
}
