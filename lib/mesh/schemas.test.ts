import { describe, expect, it } from "vitest";
import { orderDomainTree } from "./schemas";

const domain = (name: string, parentName: string | null = null) => ({ name, parentName });

describe("orderDomainTree", () => {
  it("puts each domain's sub-domains right after it, by name at every level", () => {
    const ordered = orderDomainTree([
      domain("users"),
      domain("finance-royalties", "finance"),
      domain("finance"),
      domain("finance-billing", "finance"),
      domain("artists"),
    ]);
    expect(ordered.map((d) => [d.name, d.depth])).toEqual([
      ["artists", 0],
      ["finance", 0],
      ["finance-billing", 1],
      ["finance-royalties", 1],
      ["users", 0],
    ]);
  });

  it("treats a domain whose parent is unknown as top-level, and survives a cycle", () => {
    expect(orderDomainTree([domain("orphan", "gone")]).map((d) => d.depth)).toEqual([0]);
    // a <-> b: neither is reachable from the top, so neither is listed twice (nor forever).
    const cyclic = orderDomainTree([domain("a", "b"), domain("b", "a"), domain("c")]);
    expect(cyclic.map((d) => d.name)).toEqual(["c"]);
  });
});
