import { describe, expect, it } from "vitest";
import {
  decodeCursor,
  domainIdsWithin,
  domainTreeOrder,
  encodeCursor,
  isFiltered,
  parseSearchParams,
  searchHref,
  type DomainNode,
} from "./schemas";

const id = "0190a5f2-7c1e-7000-8000-000000000001";

describe("search cursors", () => {
  it("round-trip any name and score exactly", () => {
    for (const cursor of [
      { score: 2.3456789012345678, name: "podcast-listeners", id },
      { score: null, name: "a/b?c=d&e", id },
    ]) {
      expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    }
  });

  it.each([
    "",
    "nonsense",
    Buffer.from("[1,2]").toString("base64url"),
    Buffer.from('[1,"a","x"]').toString("base64url"),
  ])("treat %j as no cursor", (value) => {
    expect(decodeCursor(value)).toBeUndefined();
  });
});

describe("parseSearchParams", () => {
  it("reads repeated filters, trims the text and drops blanks and duplicates", () => {
    const params = new URLSearchParams("q=  age   band &domain=users&domain=users&domain=&status=active&pii=1");
    const parsed = parseSearchParams(params);
    expect(parsed.success && parsed.data).toMatchObject({
      q: "age band",
      domain: ["users"],
      status: ["active"],
      team: [],
      pii: true,
    });
  });

  it("reads a NUL character in the text, the filters and a cursor as a space", () => {
    const after = Buffer.from(JSON.stringify([null, "a\0b", "01a24c11-338e-76fb-af88-3b522b468a5c"])).toString(
      "base64url",
    );
    const parsed = parseSearchParams(new URLSearchParams({ q: "age\0band", tag: "a\0b", after }));
    expect(parsed.success && parsed.data).toMatchObject({ q: "age band", tag: ["a b"] });
    expect(decodeCursor(after)?.name).toBe("a b");
  });

  it("reads what Next hands a page", () => {
    const parsed = parseSearchParams({ q: ["first", "second"], archetype: ["aggregate", "source_aligned"] });
    expect(parsed.success && parsed.data).toMatchObject({ q: "first", archetype: ["aggregate", "source_aligned"] });
  });

  it("refuses an unknown status with its path", () => {
    const parsed = parseSearchParams(new URLSearchParams("status=gone"));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].path).toEqual(["status", 0]);
  });
});

describe("searchHref", () => {
  it("writes the whole search in a fixed order, page position last", () => {
    const parsed = parseSearchParams(new URLSearchParams("status=active&q=age band&domain=users&pii=1"));
    expect(parsed.success).toBe(true);
    expect(searchHref(parsed.data!, { after: "abc" })).toBe(
      "/products?q=age+band&domain=users&status=active&pii=1&after=abc",
    );
    expect(searchHref({})).toBe("/products");
  });

  it("knows an unfiltered search", () => {
    expect(isFiltered(parseSearchParams({}).data!)).toBe(false);
    expect(isFiltered(parseSearchParams({ tag: "x" }).data!)).toBe(true);
  });
});

describe("domain tree", () => {
  const domains: DomainNode[] = [
    { id: "b", name: "users", displayName: "Users", parentId: null },
    { id: "c", name: "users-sub", displayName: "Accounts", parentId: "b" },
    { id: "d", name: "users-sub-sub", displayName: "Logins", parentId: "c" },
    { id: "a", name: "artists", displayName: "Artists", parentId: null },
  ];

  it("orders parents before children with their depth", () => {
    expect(domainTreeOrder(domains).map((domain) => [domain.name, domain.depth])).toEqual([
      ["artists", 0],
      ["users", 0],
      ["users-sub", 1],
      ["users-sub-sub", 2],
    ]);
  });

  it("takes sub-domains along with a domain filter", () => {
    expect(new Set(domainIdsWithin(domains, ["users-sub"]))).toEqual(new Set(["c", "d"]));
    expect(domainIdsWithin(domains, ["nowhere"])).toEqual([]);
  });
});
