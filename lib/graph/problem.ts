// RFC 9457 problem+json answers for the v1 API route handlers.
export function problem(status: number, title: string, detail: string): Response {
  return Response.json(
    { type: "about:blank", title, status, detail },
    { status, headers: { "content-type": "application/problem+json" } },
  );
}

export const unauthorized = () => problem(401, "Unauthorized", "Sign in to use the Hexmesh API.");
