import { describe, expect, it } from "vitest";
import { decodeSegment, firstParam, storableText } from "./url-segment";

describe("decodeSegment", () => {
  it("decodes escapes and keeps a malformed one as written", () => {
    expect(decodeSegment("caf%C3%A9")).toBe("café");
    expect(decodeSegment("%E0%A4%A")).toBe("%E0%A4%A");
  });

  it("reads a NUL character, which PostgreSQL text cannot hold, as a space", () => {
    expect(decodeSegment("a%00b")).toBe("a b");
  });
});

describe("storableText", () => {
  it("replaces every NUL character with a space and leaves other text alone", () => {
    expect(storableText("a\0b\0")).toBe("a b ");
    expect(storableText("café listeners")).toBe("café listeners");
  });
});

describe("firstParam", () => {
  it("takes the first of a repeated parameter", () => {
    expect(firstParam(["a", "b"])).toBe("a");
    expect(firstParam("a")).toBe("a");
    expect(firstParam(undefined)).toBeUndefined();
  });
});
