import { describe, expect, it } from "vitest";
import { descendantIds } from "./schemas";

describe("descendantIds", () => {
  it("collects a domain and all its descendants, and survives a cycle", () => {
    const parentOf = new Map<string, string | null>([
      ["root", null],
      ["a", "root"],
      ["b", "a"],
      ["other", null],
      ["x", "y"],
      ["y", "x"],
    ]);
    expect([...descendantIds("root", parentOf)].sort()).toEqual(["a", "b", "root"]);
    expect([...descendantIds("x", parentOf)].sort()).toEqual(["x", "y"]);
  });
});
