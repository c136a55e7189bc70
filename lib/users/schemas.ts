// Users as platform admins manage them: inputs of the admin forms and the DTO of the users table. Pure.
import { z } from "zod";
import { GlobalRole, type TeamRole } from "../generated/prisma/enums";

export const GLOBAL_ROLES = Object.values(GlobalRole);

const version = z.coerce
  .number({ error: "The form is out of date; reload the page." })
  .int()
  .positive("The form is out of date; reload the page.");

const userId = z.uuid("Unknown user.");

export const ChangeUserRoleInput = z.object({
  userId,
  role: z.enum(GlobalRole, { error: "Choose admin, governance or member." }),
  version,
});
export type ChangeUserRoleInput = z.infer<typeof ChangeUserRoleInput>;

export const SetUserDisabledInput = z.object({
  userId,
  disabled: z.enum(["true", "false"], { error: "Choose to disable or enable." }).transform((value) => value === "true"),
  version,
});
export type SetUserDisabledInput = z.output<typeof SetUserDisabledInput>;

export interface ManagedUserDto {
  id: string;
  name: string;
  email: string;
  role: GlobalRole;
  disabled: boolean;
  lastSignInAt: Date | null;
  version: number;
  teams: { name: string; displayName: string; role: TeamRole }[];
  /** The signed-in admin's own row: they may not change their own role or disable themselves. */
  isSelf: boolean;
  /** Whether the actor may change this user (false for their own row). */
  manageable: boolean;
}

/** What a user-management action answers on success. */
export interface UserChangeDto {
  id: string;
  role: GlobalRole;
  disabled: boolean;
  version: number;
}
