import "server-only";
import { authenticateApiRequest, type ApiCaller } from "../auth/api";
import { urlName } from "../products/input";
import type { ProductLocator } from "../products/mutations";
import { errorResponse, problemResponse, readIfMatch } from "./problem";

/**
 * Runs a v1 route handler for an authenticated caller (401/429 otherwise), answering what lib/ throws as
 * problem+json.
 */
export async function handleApiRequest(
  request: Request,
  handler: (caller: ApiCaller) => Promise<Response>,
): Promise<Response> {
  const caller = await authenticateApiRequest(request);
  if (caller instanceof Response) return caller;
  try {
    return await handler(caller);
  } catch (error) {
    return errorResponse(error);
  }
}

/** The product a URL names, or a 404 problem when the segments cannot be URL names. */
export function productLocator(params: { domain: string; name: string }): ProductLocator | Response {
  if (!urlName.safeParse(params.domain).success || !urlName.safeParse(params.name).success) {
    return problemResponse(404, `No data product ${params.domain}/${params.name} is visible to you.`);
  }
  return { domain: params.domain, name: params.name };
}

/** The If-Match revision, or a 400 problem when the header is not a revision. */
export function ifMatchOf(request: Request): number | "*" | undefined | Response {
  const value = readIfMatch(request);
  if (value === null) {
    return problemResponse(400, 'If-Match must be the product\'s revision as its ETag says, e.g. `If-Match: "3"`.');
  }
  return value;
}

export const API_BASE = "/api/v1";

export function productUrl(locator: ProductLocator): string {
  return `${API_BASE}/products/${locator.domain}/${locator.name}`;
}
