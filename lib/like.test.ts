import { describe, expect, it } from "vitest";
import { escapeLike } from "./like";

describe("escapeLike", () => {
  it("escapes LIKE's wildcards and escape character, and leaves other text alone", () => {
    expect(escapeLike("100% a_b c\\d")).toBe("100\\% a\\_b c\\\\d");
    expect(escapeLike("plain text")).toBe("plain text");
  });
});
