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

/** The JSON object a request carries (an empty body is `{}`), or a 400/415 problem. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown> | Response> {
  const type = request.headers.get("content-type") ?? "application/json";
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    return problemResponse(415, "Send the body as JSON (content-type: application/json).");
  }
  const text = await request.text();
  if (!text.trim()) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  return problemResponse(400, "The body is not a JSON object.");
}

/** The Idempotency-Key header: undefined when absent, a 400 problem when malformed. */
export function idempotencyKeyOf(request: Request): string | undefined | Response {
  const key = request.headers.get("idempotency-key");
  if (key === null) return undefined;
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    return problemResponse(400, "Idempotency-Key must be 1 to 255 visible ASCII characters, e.g. a UUID.");
  }
  return key;
}
