// Sends anonymous visitors to the sign-in page, remembering where they were going. This is not the authorization
// check: lib/authz is, in every query and action. It runs only for requests without a session cookie (see the
// matcher), so a signed-in request skips it: a proxy call costs each request of a page about 0.6 ms of CPU
// (bench/README.md). The API answers 401 itself, and the sign-in page needs no session.
import { NextResponse, type NextRequest } from "next/server";

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = "";
  if (pathname !== "/") url.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: [
    {
      source: "/((?!signin|api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)",
      missing: [
        { type: "cookie", key: "authjs.session-token" },
        { type: "cookie", key: "__Secure-authjs.session-token" },
      ],
    },
  ],
};
