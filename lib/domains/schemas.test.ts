import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CreateDomainInput, CreateSourceSystemInput, descendantIds } from "./schemas";

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

describe("CreateDomainInput", () => {
  it("trims, treats an empty parent as none and refuses bad or reserved URL names", () => {
    expect(
      CreateDomainInput.parse({ name: " listening ", displayName: " Listening ", owningTeam: "podcasts", parent: "" }),
    ).toEqual({ name: "listening", displayName: "Listening", description: "", owningTeam: "podcasts", parent: null });
    for (const name of ["Listening", "new", "a--b", "x"]) {
      expect(CreateDomainInput.safeParse({ name, displayName: "X", owningTeam: "podcasts" }).success).toBe(false);
    }
    expect(CreateDomainInput.safeParse({ name: "ok-name", displayName: "X", owningTeam: "" }).success).toBe(false);
  });
});

describe("CreateSourceSystemInput", () => {
  it("needs a kind and a URL name", () => {
    const parsed = CreateSourceSystemInput.safeParse({ name: "CRM", displayName: "CRM", kind: "" });
    expect(parsed.success).toBe(false);
    expect(Object.keys(z.flattenError(parsed.error!).fieldErrors).sort()).toEqual(["kind", "name"]);
  });
});
