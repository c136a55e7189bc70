import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";

describe("the OpenAPI document", () => {
  const document = buildOpenApiDocument() as {
    openapi: string;
    paths: Record<string, Record<string, unknown>>;
    components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
  };

  it("is OpenAPI 3.1 and lists every v1 endpoint", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual([
      "/api/v1/access-requests",
      "/api/v1/access-requests/{id}",
      "/api/v1/access-requests/{id}/approve",
      "/api/v1/access-requests/{id}/reject",
      "/api/v1/descriptors/validate",
      "/api/v1/grants/{id}",
      "/api/v1/graph/domains",
      "/api/v1/graph/products",
      "/api/v1/notifications",
      "/api/v1/notifications/read",
      "/api/v1/notifications/{id}/read",
      "/api/v1/products",
      "/api/v1/products/{domain}/{name}",
      "/api/v1/products/{domain}/{name}/odps",
      "/api/v1/products/{domain}/{name}/ports/{port}/contract",
    ]);
    expect(Object.keys(document.paths["/api/v1/products/{domain}/{name}"])).toEqual(
      expect.arrayContaining(["get", "put"]),
    );
  });

  it("takes the bodies from the zod schemas", () => {
    const registration = document.components.schemas.ProductRegistration;
    expect(Object.keys(registration.properties ?? {})).toEqual(
      expect.arrayContaining(["name", "domain", "owningTeam", "outputPorts", "inputPorts"]),
    );
    expect(Object.keys(document.components.schemas.ProductResource.properties ?? {})).toEqual(
      expect.arrayContaining(["status", "revision"]),
    );
    expect(Object.keys(document.components.schemas.AccessRequestInput.properties ?? {})).toEqual(
      expect.arrayContaining([
        "product",
        "port",
        "consumerTeam",
        "purpose",
        "use",
        "accessLevel",
        "startsAt",
        "endsAt",
      ]),
    );
    // Every $ref points at a schema that exists.
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]);
    for (const name of refs) expect(document.components.schemas).toHaveProperty(name);
  });
});
