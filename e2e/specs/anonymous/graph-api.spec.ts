import { expect, test } from "../../fixtures";

test("the graph API answers 401 problem+json without a session", async ({ request }) => {
  for (const path of ["/api/v1/graph/products", "/api/v1/graph/domains"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status()).toBe(401);
    expect(response.headers()["content-type"]).toContain("application/problem+json");
    expect(await response.json()).toMatchObject({ status: 401, title: "Unauthorized" });
  }
});
