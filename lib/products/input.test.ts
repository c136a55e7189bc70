import { describe, expect, it } from "vitest";
import { ProductInput, TransitionInput, errorsByPath, nextStatuses, publishProblems, toUrlName } from "./input";

const minimal = {
  name: "listener-profiles",
  displayName: "Listener profiles",
  domain: "users",
  owningTeam: "users",
  archetype: "aggregate",
};

describe("ProductInput", () => {
  it("fills defaults and de-duplicates tags", () => {
    const values = ProductInput.parse({ ...minimal, tags: ["Users", "users", "b2c"] });
    expect(values).toMatchObject({ version: "0.1.0", tags: ["users", "b2c"], outputPorts: [], inputPorts: [] });
  });

  it("reports each error at its path, duplicates included", () => {
    const result = ProductInput.safeParse({
      ...minimal,
      name: "Listener Profiles",
      outputPorts: [
        {
          name: "main",
          displayName: "Main",
          kind: "table",
          format: "postgres",
          fields: [
            { name: "id", type: "bigint" },
            { name: "id", type: "" },
          ],
        },
      ],
    });
    expect(result.success).toBe(false);
    expect(errorsByPath(result.error!.issues)).toEqual({
      name: ["Use lowercase letters, digits and single hyphens, e.g. `listener-profiles`."],
      "outputPorts.0.fields.1.type": ["Required."],
      "outputPorts.0.fields.1.name": ["Another field already has this name."],
    });
  });

  it("refuses the same input twice", () => {
    const input = { source: "product", product: "users/user-updates", port: "events" };
    const result = ProductInput.safeParse({ ...minimal, inputPorts: [input, input] });
    expect(errorsByPath(result.error!.issues)).toEqual({ "inputPorts.1": ["This input is listed twice."] });
  });
});

describe("toUrlName", () => {
  it.each([
    ["Listener profiles", "listener-profiles"],
    ["  Café   Plays (v2) ", "cafe-plays-v2"],
  ])("%j → %j", (value, expected) => {
    expect(toUrlName(value)).toBe(expected);
  });
});

describe("publishProblems", () => {
  it("asks for a description, a purpose and a schema on every port", () => {
    const values = ProductInput.parse({
      ...minimal,
      outputPorts: [{ name: "main", displayName: "Main", kind: "table", format: "postgres" }],
    });
    expect(publishProblems(values).map((problem) => problem.path.join("."))).toEqual([
      "description",
      "purpose",
      "outputPorts.0.fields",
    ]);
  });
});

describe("lifecycle", () => {
  it("goes forward, and back only from deprecated to active", () => {
    expect(nextStatuses("draft")).toEqual(["active", "retired"]);
    expect(nextStatuses("deprecated")).toContain("active");
    expect(nextStatuses("retired")).toEqual([]);
  });

  it("needs a note and a future sunset date to deprecate, and a reason to force a retirement", () => {
    const deprecate = TransitionInput.safeParse({
      to: "deprecated",
      revision: 3,
      note: "short",
      sunsetAt: "2001-01-01",
    });
    expect(Object.keys(errorsByPath(deprecate.error!.issues))).toEqual(["note", "sunsetAt"]);
    const retire = TransitionInput.safeParse({ to: "retired", revision: 3, force: true });
    expect(errorsByPath(retire.error!.issues)).toEqual({
      reason: ["Forcing needs a reason (at least 10 characters)."],
    });
  });
});
