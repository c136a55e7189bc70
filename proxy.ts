// Sends anonymous visitors to the sign-in page and tags each request with an id for the audit trail. This is
// not the authorization check: lib/authz is, in every query and action.
import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  if (!headers.get("x-request-id")) headers.set("x-request-id", crypto.randomUUID());
  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!signedIn) {
    const url = request.nextUrl.clone();
    url.pathname = "/signin";
    url.search = "";
    const target = request.nextUrl.pathname + request.nextUrl.search;
    if (target !== "/") url.searchParams.set("callbackUrl", target);
    return NextResponse.redirect(url);
  }
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Everything but sign-in, Auth.js' own routes, the API (token-authenticated) and static files.
  matcher: ["/((?!signin|api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
