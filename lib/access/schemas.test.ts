import { describe, expect, it } from "vitest";
import { accessLevelsOf, levelWrites } from "./schemas";

const contract = {
  roles: [
    { role: "analyst", access: "read", description: "Dashboards" },
    { role: "loader", access: "write" },
  ],
};

describe("access levels", () => {
  it("are the port's ODCS roles, or read without any", () => {
    expect(accessLevelsOf(contract).map((level) => level.level)).toEqual(["analyst", "loader"]);
    expect(accessLevelsOf(null)).toEqual([{ level: "read", description: "Read the port's data." }]);
  });

  it("write only when their ODCS role says access: write", () => {
    expect(levelWrites(contract, "loader")).toBe(true);
    expect(levelWrites(contract, "analyst")).toBe(false);
    expect(levelWrites(contract, "unknown")).toBe(false);
    expect(levelWrites(null, "read")).toBe(false);
    expect(levelWrites({ roles: "not a list" }, "loader")).toBe(false);
  });
});
