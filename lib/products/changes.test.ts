import { describe, expect, it } from "vitest";
import { diffProducts, narrowsType, uncoveredBreakingChanges } from "./changes";
import { ProductInput, type ProductValues } from "./input";

function product(
  fields: { name: string; type: string; required?: boolean }[],
  contractVersion = "1.0.0",
): ProductValues {
  return ProductInput.parse({
    name: "listeners",
    displayName: "Listeners",
    domain: "users",
    owningTeam: "users",
    archetype: "aggregate",
    outputPorts: [{ name: "main", displayName: "Main", kind: "table", format: "postgres", contractVersion, fields }],
  });
}

describe("narrowsType", () => {
  it.each([
    ["int", "bigint", false],
    ["bigint", "int", true],
    ["integer", "int8", false],
    ["varchar(10)", "varchar(20)", false],
    ["varchar(20)", "varchar(10)", true],
    ["decimal(10,2)", "decimal(12,2)", false],
    ["decimal(10,2)", "decimal(10,1)", true],
    ["date", "timestamp", false],
    ["timestamp", "date", true],
    ["int", "string", false],
    ["string", "int", true],
    ["boolean", "uuid", true],
    ["string", "string", false],
  ])("%s → %s narrows: %s", (before, after, narrows) => {
    expect(narrowsType(before, after)).toBe(narrows);
  });
});

describe("diffProducts", () => {
  it("lists removed, added and changed fields, flagging what breaks consumers", () => {
    const before = product([
      { name: "id", type: "bigint", required: true },
      { name: "email", type: "string" },
      { name: "age", type: "int" },
      { name: "country", type: "string" },
    ]);
    const after = product([
      { name: "id", type: "int", required: true },
      { name: "age", type: "bigint", required: true },
      { name: "country", type: "string" },
      { name: "city", type: "string" },
    ]);
    const changes = diffProducts(before, after);
    expect(changes.map(({ where, kind, breaking }) => [where, kind, breaking])).toEqual([
      ["Output port main › field id › type", "changed", true],
      ["Output port main › field email", "removed", true],
      ["Output port main › field age › type", "changed", false],
      ["Output port main › field age › required", "changed", true],
      ["Output port main › field city", "added", false],
    ]);
  });

  it("finds nothing between equal states", () => {
    const values = product([{ name: "id", type: "bigint" }]);
    expect(diffProducts(values, structuredClone(values))).toEqual([]);
  });
});

describe("uncoveredBreakingChanges", () => {
  const before = product(
    [
      { name: "id", type: "bigint" },
      { name: "email", type: "string" },
    ],
    "1.4.0",
  );

  it("asks for the next major contract version when a breaking change keeps the major", () => {
    const after = product([{ name: "id", type: "bigint" }], "1.5.0");
    expect(uncoveredBreakingChanges(before, after)).toMatchObject([
      { port: "main", index: 0, requiredVersion: "2.0.0" },
    ]);
  });

  it("accepts a breaking change with a new major version, and non-breaking changes with any", () => {
    expect(uncoveredBreakingChanges(before, product([{ name: "id", type: "bigint" }], "2.0.0"))).toEqual([]);
    const added = product(
      [
        { name: "id", type: "bigint" },
        { name: "email", type: "string" },
        { name: "x", type: "int" },
      ],
      "1.4.0",
    );
    expect(uncoveredBreakingChanges(before, added)).toEqual([]);
  });
});
