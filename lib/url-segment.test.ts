import { describe, expect, it } from "vitest";
import { decodeSegment, firstParam } from "./url-segment";

describe("decodeSegment", () => {
  it("decodes escapes and keeps a malformed one as written", () => {
    expect(decodeSegment("caf%C3%A9")).toBe("café");
    expect(decodeSegment("%E0%A4%A")).toBe("%E0%A4%A");
  });
});

describe("firstParam", () => {
  it("takes the first of a repeated parameter", () => {
    expect(firstParam(["a", "b"])).toBe("a");
    expect(firstParam("a")).toBe("a");
    expect(firstParam(undefined)).toBeUndefined();
  });
});
