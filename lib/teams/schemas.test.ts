import { describe, expect, it } from "vitest";
import { AddTeamMemberInput, ChangeTeamMemberRoleInput, CreateTeamInput } from "./schemas";

describe("team management inputs", () => {
  it("lower-cases emails, defaults the role to member and refuses reserved or bad URL names", () => {
    expect(AddTeamMemberInput.parse({ email: " Ada@Example.COM " })).toEqual({
      email: "ada@example.com",
      role: "member",
    });
    expect(AddTeamMemberInput.safeParse({ email: "not an email" }).success).toBe(false);
    for (const name of ["new", "Team", "-team"]) {
      expect(CreateTeamInput.safeParse({ name, displayName: "T", ownerEmail: "a@b.co" }).success).toBe(false);
    }
    expect(CreateTeamInput.parse({ name: "listeners", displayName: "Listeners", ownerEmail: "A@b.co" })).toEqual({
      name: "listeners",
      displayName: "Listeners",
      description: "",
      ownerEmail: "a@b.co",
    });
  });

  it("needs a known role and the page's version to change a member", () => {
    const userId = "0199a0e0-0000-7000-8000-000000000000";
    expect(ChangeTeamMemberRoleInput.parse({ userId, role: "owner", version: "3" })).toEqual({
      userId,
      role: "owner",
      version: 3,
    });
    expect(ChangeTeamMemberRoleInput.safeParse({ userId, role: "admin", version: "3" }).success).toBe(false);
    expect(ChangeTeamMemberRoleInput.safeParse({ userId, role: "owner", version: "" }).success).toBe(false);
  });
});
