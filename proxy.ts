// Sends anonymous visitors to the sign-in page and tags each request with an id for the audit trail. This is
// not the authorization check: lib/authz is, in every query and action.
import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
/** Reached without a session: the sign-in page and the API (Auth.js' routes, token-authenticated handlers). */
const PUBLIC_PATHS = /^\/(signin|api\/)/;

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!signedIn && !PUBLIC_PATHS.test(pathname)) {
    const url = request.nextUrl.clone();
    url.pathname = "/signin";
    url.search = "";
    if (pathname !== "/") url.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(url);
  }
  const headers = new Headers(request.headers);
  // Keep an id set by a load balancer in front, if it looks like one; otherwise make one.
  if (!/^[\w.-]{8,128}$/.test(headers.get("x-request-id") ?? "")) headers.set("x-request-id", crypto.randomUUID());
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
