import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ChangeUserRoleInput, SetUserDisabledInput } from "./schemas";

const userId = "0190b5a0-0000-7000-8000-000000000001";

describe("ChangeUserRoleInput", () => {
  it("accepts a role and the version read by the form (as form text)", () => {
    expect(ChangeUserRoleInput.parse({ userId, role: "governance", version: "3" })).toEqual({
      userId,
      role: "governance",
      version: 3,
    });
  });

  it("refuses an unknown role, a missing version and a malformed user id", () => {
    const result = ChangeUserRoleInput.safeParse({ userId: "nope", role: "root", version: "" });
    expect(result.success).toBe(false);
    expect(Object.keys(z.flattenError(result.error!).fieldErrors).sort()).toEqual(["role", "userId", "version"]);
  });
});

describe("SetUserDisabledInput", () => {
  it("turns the form's text into a boolean", () => {
    expect(SetUserDisabledInput.parse({ userId, disabled: "true", version: 1 }).disabled).toBe(true);
    expect(SetUserDisabledInput.parse({ userId, disabled: "false", version: 1 }).disabled).toBe(false);
    expect(SetUserDisabledInput.safeParse({ userId, disabled: "yes", version: 1 }).success).toBe(false);
  });
});
