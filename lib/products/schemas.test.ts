import { describe, expect, it } from "vitest";
import { describeServer, productPath, productRef } from "./schemas";

describe("describeServer", () => {
  it("keeps the type apart and lists the other settings in order", () => {
    expect(describeServer({ type: "postgres", host: "db", port: 5432, schema: "public", table: "t" })).toEqual({
      type: "postgres",
      entries: [
        { key: "host", value: "db" },
        { key: "port", value: "5432" },
        { key: "schema", value: "public" },
        { key: "table", value: "t" },
      ],
    });
  });

  it("shows whatever was stored when it does not match the schema, and skips empty values", () => {
    expect(describeServer({ location: "s3://x", options: { a: 1 }, empty: "", none: null })).toEqual({
      type: null,
      entries: [
        { key: "location", value: "s3://x" },
        { key: "options", value: '{"a":1}' },
      ],
    });
    expect(describeServer(null)).toEqual({ type: null, entries: [] });
    expect(describeServer(["x"])).toEqual({ type: null, entries: [] });
  });
});

describe("productRef / productPath", () => {
  it("builds the canonical ref and the page address", () => {
    expect(productRef("users", "user-updates")).toBe("users/user-updates");
    expect(productPath("users", "user updates")).toBe("/products/users/user%20updates");
  });
});
