import { describe, expect, it } from "vitest";
import {
  aggregateDomainEdges,
  closure,
  computeMeshMetrics,
  lineageOf,
  ProductGraphInput,
  productGraphUrl,
} from "./schemas";

// a → b → c → d, e → c, and a cycle x ⇄ y
const edges = [
  { id: "1", source: "a", target: "b" },
  { id: "2", source: "b", target: "c" },
  { id: "3", source: "c", target: "d" },
  { id: "4", source: "e", target: "c" },
  { id: "5", source: "x", target: "y" },
  { id: "6", source: "y", target: "x" },
];

describe("closure", () => {
  it("follows edges transitively in both directions", () => {
    expect([...closure(edges, "c", "upstream")].toSorted()).toEqual(["a", "b", "e"]);
    expect([...closure(edges, "b", "downstream")].toSorted()).toEqual(["c", "d"]);
    expect(closure(edges, "d", "downstream").size).toBe(0);
  });

  it("terminates on cycles and leaves out the start node", () => {
    expect([...closure(edges, "x", "downstream")]).toEqual(["y"]);
  });
});

describe("lineageOf", () => {
  it("keeps the selected node, its up- and downstream, and only the edges on those paths", () => {
    const lineage = lineageOf(edges, "b");
    expect([...lineage.nodes].toSorted()).toEqual(["a", "b", "c", "d"]);
    expect([...lineage.edges].toSorted()).toEqual(["1", "2", "3"]);
  });
});

describe("aggregateDomainEdges", () => {
  it("sums edges between domains and drops edges inside a domain", () => {
    const nodes = [
      { id: "a", domain: "users" },
      { id: "b", domain: "podcasts" },
      { id: "c", domain: "podcasts" },
      { id: "d", domain: "marketing" },
    ];
    const result = aggregateDomainEdges(nodes, [
      { source: "a", target: "b" },
      { source: "a", target: "c" },
      { source: "b", target: "c" },
      { source: "c", target: "d" },
    ]);
    expect(result).toEqual([
      { source: "users", target: "podcasts", weight: 2 },
      { source: "podcasts", target: "marketing", weight: 1 },
    ]);
  });
});

describe("computeMeshMetrics", () => {
  it("counts products, edges, the cross-domain share, products without consumers and the most consumed", () => {
    const nodes = [
      { id: "a", ref: "users/a", displayName: "A", domain: "users" },
      { id: "b", ref: "podcasts/b", displayName: "B", domain: "podcasts" },
      { id: "c", ref: "podcasts/c", displayName: "C", domain: "podcasts" },
      { id: "d", ref: "podcasts/d", displayName: "D", domain: "podcasts" },
    ];
    const metrics = computeMeshMetrics(nodes, [
      { source: "a", target: "b" },
      { source: "a", target: "c" },
      { source: "a", target: "c" },
      { source: "b", target: "c" },
      { source: "zzz", target: "c" },
    ]);
    expect(metrics).toEqual({
      products: 4,
      consumptionEdges: 4,
      crossDomainShare: 75,
      productsWithoutConsumers: 2,
      mostConsumed: [
        { ref: "users/a", displayName: "A", consumers: 2 },
        { ref: "podcasts/b", displayName: "B", consumers: 1 },
      ],
    });
    expect(computeMeshMetrics([], []).crossDomainShare).toBeNull();
  });
});

describe("ProductGraphInput", () => {
  it("accepts a domain name and rejects anything else", () => {
    expect(ProductGraphInput.parse({ domain: "podcasts" })).toEqual({ domain: "podcasts" });
    expect(ProductGraphInput.parse({})).toEqual({});
    expect(ProductGraphInput.safeParse({ domain: "x'; drop" }).success).toBe(false);
  });

  it("accepts a product ref, rejects a malformed one and refuses a domain and a product together", () => {
    expect(ProductGraphInput.parse({ product: "podcasts/podcast-listeners-demographic" })).toEqual({
      product: { domain: "podcasts", name: "podcast-listeners-demographic" },
    });
    for (const product of ["podcasts", "/x", "podcasts/", "a/b/c"]) {
      expect(ProductGraphInput.safeParse({ product }).success).toBe(false);
    }
    expect(ProductGraphInput.safeParse({ domain: "podcasts", product: "podcasts/x" }).success).toBe(false);
  });

  it("pages through a domain after or before a cursor, one of them, and only with a domain", () => {
    expect(ProductGraphInput.parse({ domain: "podcasts", after: "abc" })).toEqual({ domain: "podcasts", after: "abc" });
    expect(ProductGraphInput.parse({ domain: "podcasts", before: "abc" })).toEqual({
      domain: "podcasts",
      before: "abc",
    });
    expect(ProductGraphInput.safeParse({ domain: "podcasts", after: "a", before: "b" }).success).toBe(false);
    expect(ProductGraphInput.safeParse({ after: "a" }).success).toBe(false);
    expect(ProductGraphInput.safeParse({ product: "podcasts/x", before: "a" }).success).toBe(false);
  });
});

describe("productGraphUrl", () => {
  it("addresses the whole mesh, a domain, and a page of a domain's products", () => {
    expect(productGraphUrl(null)).toBe("/api/v1/graph/products");
    expect(productGraphUrl("podcasts")).toBe("/api/v1/graph/products?domain=podcasts");
    expect(productGraphUrl("podcasts", { after: "a+b" })).toBe("/api/v1/graph/products?domain=podcasts&after=a%2Bb");
    expect(productGraphUrl("podcasts", { before: "c" })).toBe("/api/v1/graph/products?domain=podcasts&before=c");
  });
});
