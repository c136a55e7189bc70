// Users as platform admins manage them: inputs of the admin forms and the DTO of the users table. Pure.
import { z } from "zod";
import { GlobalRole, type TeamRole } from "../generated/prisma/enums";
import { firstParam, storableText } from "../url-segment";

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

/** Users per page of the admin list. */
export const ADMIN_USERS_PAGE_SIZE = 50;

/** The admin users list as its URL holds it: `/admin?q=&after=` (or `before=`). */
export const AdminUsersQuery = z.object({
  q: z
    .string()
    .transform(storableText)
    .pipe(z.string().trim().max(200, "Search with at most 200 characters."))
    .default(""),
  after: z.string().optional(),
  before: z.string().optional(),
});
export type AdminUsersInput = z.input<typeof AdminUsersQuery>;
export type AdminUsersQuery = z.output<typeof AdminUsersQuery>;

/** The first value of each URL parameter (a repeated one counts once). */
export function adminUsersInput(params: Record<string, string | string[] | undefined>): AdminUsersInput {
  return { q: firstParam(params.q), after: firstParam(params.after), before: firstParam(params.before) };
}

/** The link of a page of the admin users list. */
export function adminUsersHref(q: string, page?: { after?: string; before?: string }): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (page?.after) params.set("after", page.after);
  if (page?.before) params.set("before", page.before);
  const query = params.toString();
  return query ? `/admin?${query}` : "/admin";
}

export interface AdminUsersPageDto {
  users: ManagedUserDto[];
  /** Cursor of the next page (`?after=`), null on the last one. */
  nextCursor: string | null;
  /** Cursor of the previous page (`?before=`), null on the first one. */
  previousCursor: string | null;
  /** Every user, whatever the search: how many, per role, and how many are disabled. */
  summary: { total: number; disabled: number; byRole: Record<GlobalRole, number> };
}
