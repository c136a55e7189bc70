import { handleApiRequest, ifMatchOf, productLocator } from "@/lib/api/handler";
import { etagFor, problemResponse } from "@/lib/api/problem";
import { getPortContract, savePortContract } from "@/lib/api/products";
import { urlName } from "@/lib/products/input";

interface Context {
  params: Promise<{ domain: string; name: string; port: string }>;
}

async function target(context: Context) {
  const { port, ...product } = await context.params;
  const locator = productLocator(product);
  if (locator instanceof Response) return locator;
  if (!urlName.safeParse(port).success) {
    return problemResponse(404, `Data product ${locator.domain}/${locator.name} has no output port “${port}”.`);
  }
  return { locator, port };
}

/** GET .../ports/<port>/contract: the contract of an output port as an ODCS 3.1.0 document (YAML). */
export async function GET(request: Request, context: Context): Promise<Response> {
  const found = await target(context);
  if (found instanceof Response) return found;
  return handleApiRequest(request, async ({ actor }) => {
    const { yaml, revision } = await getPortContract(actor, found.locator, found.port);
    return new Response(yaml, {
      headers: {
        "content-type": "application/odcs+yaml; charset=utf-8",
        "content-disposition": `inline; filename="${found.locator.domain}-${found.locator.name}-${found.port}.odcs.yaml"`,
        etag: etagFor(revision),
      },
    });
  });
}

/**
 * PUT .../ports/<port>/contract with an ODCS 3.1.0 document: sets the port's schema, SLOs, server and contract
 * version, creating the port (201) when the product has none of that name. Idempotent; If-Match as for the product.
 */
export async function PUT(request: Request, context: Context): Promise<Response> {
  const found = await target(context);
  if (found instanceof Response) return found;
  const ifMatch = ifMatchOf(request);
  if (ifMatch instanceof Response) return ifMatch;
  return handleApiRequest(request, async ({ actor }) => {
    const saved = await savePortContract(actor, {
      locator: found.locator,
      port: found.port,
      text: await request.text(),
      contentType: request.headers.get("content-type"),
      ifMatch,
    });
    return Response.json(saved, { status: saved.created ? 201 : 200, headers: { etag: etagFor(saved.revision) } });
  });
}
