import { z } from "zod";
import { urlName } from "../products/input";
import type { ProductSummaryDto } from "../products/schemas";

export interface TeamMemberDto {
  userId: string;
  name: string;
  email: string;
  role: "owner" | "member";
}

export interface TeamGrantDto {
  id: string;
  port: { name: string; displayName: string };
  product: { domain: string; name: string; displayName: string };
  accessLevel: string;
  endsAt: Date;
}

export interface TeamDetailDto {
  name: string;
  /** For optimistic locking of membership changes. */
  version: number;
  /** Whether the actor may manage the members (`team.manage`): owners of the team and platform admins. */
  manageable: boolean;
  displayName: string;
  description: string;
  members: TeamMemberDto[];
  domains: { name: string; displayName: string }[];
  /** Visible products the team owns, retired ones aside. */
  productCount: number;
  /** The first page of them by name (the catalog's first page filtered by the team). */
  products: ProductSummaryDto[];
  grants: TeamGrantDto[];
}

// ---------------------------------------------------------------------------------------------------------
// Self-serve team management (issue 4 item 2): inputs of the forms, validated again on the server.
// ---------------------------------------------------------------------------------------------------------

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);
const email = z.string().trim().toLowerCase().pipe(z.email("An email address, e.g. ada@example.com."));
const version = z.coerce
  .number({ error: "The page is out of date; reload it." })
  .int()
  .positive("The page is out of date; reload it.");

export const TEAM_ROLES = ["owner", "member"] as const;
const teamRole = z.enum(TEAM_ROLES, { error: "Choose owner or member." });

/** A new team (platform admins): its URL name, display name, description and first owner. */
export const CreateTeamInput = z.object({
  name: urlName.refine((name) => name !== "new", "`new` is reserved (the page /teams/new); choose another."),
  displayName: z.string().trim().min(1, "Required.").max(120, "At most 120 characters."),
  description: text(2000).default(""),
  ownerEmail: email,
});
export type CreateTeamInput = z.input<typeof CreateTeamInput>;

/** Adds an existing user, found by email, to a team. */
export const AddTeamMemberInput = z.object({ email, role: teamRole.default("member") });
export type AddTeamMemberInput = z.input<typeof AddTeamMemberInput>;

/** Changes a member's role; `version` is the team's, as the page showed it. */
export const ChangeTeamMemberRoleInput = z.object({ userId: z.uuid("Unknown member."), role: teamRole, version });
export type ChangeTeamMemberRoleInput = z.input<typeof ChangeTeamMemberRoleInput>;

/** Removes a member; `version` is the team's, as the page showed it. */
export const RemoveTeamMemberInput = z.object({ userId: z.uuid("Unknown member."), version });
export type RemoveTeamMemberInput = z.input<typeof RemoveTeamMemberInput>;

/** A team as the pickers of the domain forms list it. */
export interface TeamOptionDto {
  name: string;
  displayName: string;
}
