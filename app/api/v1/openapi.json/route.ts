import { buildOpenApiDocument } from "@/lib/api/openapi";

/** GET /api/v1/openapi.json: the OpenAPI 3.1 description of the v1 API (public: it holds no data). */
export function GET(): Response {
  return Response.json(buildOpenApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
