"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { failure, type ActionResult } from "../action-result";
import { requireActor } from "../authz";
import { addTeamMember, changeTeamMemberRole, createTeam, removeTeamMember, type TeamChangeDto } from "./mutations";

// Thin wrappers for the forms (useActionState): the mutations validate and authorize.

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
};

const teamPath = (name: string) => `/teams/${encodeURIComponent(name)}`;

/** Creates a team and opens its page. */
export async function createTeamAction(
  _previous: ActionResult<TeamChangeDto> | null,
  formData: FormData,
): Promise<ActionResult<TeamChangeDto>> {
  let created: TeamChangeDto;
  try {
    created = await createTeam(await requireActor(), {
      name: field(formData, "name"),
      displayName: field(formData, "displayName"),
      description: field(formData, "description"),
      ownerEmail: field(formData, "ownerEmail"),
    });
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/domains");
  redirect(teamPath(created.name));
}

export async function addTeamMemberAction(
  teamName: string,
  _previous: ActionResult<TeamChangeDto> | null,
  formData: FormData,
): Promise<ActionResult<TeamChangeDto>> {
  try {
    const email = field(formData, "email");
    const changed = await addTeamMember(await requireActor(), teamName, { email, role: field(formData, "role") });
    revalidatePath(teamPath(teamName));
    return { ok: true, data: changed, message: `Added ${email?.trim().toLowerCase()} to the team.` };
  } catch (error) {
    return failure(error);
  }
}

export async function changeTeamMemberRoleAction(
  teamName: string,
  _previous: ActionResult<TeamChangeDto> | null,
  formData: FormData,
): Promise<ActionResult<TeamChangeDto>> {
  try {
    const changed = await changeTeamMemberRole(await requireActor(), teamName, {
      userId: field(formData, "userId"),
      role: field(formData, "role"),
      version: field(formData, "version"),
    });
    revalidatePath(teamPath(teamName));
    return { ok: true, data: changed, message: "Role saved." };
  } catch (error) {
    return failure(error);
  }
}

export async function removeTeamMemberAction(
  teamName: string,
  _previous: ActionResult<TeamChangeDto> | null,
  formData: FormData,
): Promise<ActionResult<TeamChangeDto>> {
  try {
    const changed = await removeTeamMember(await requireActor(), teamName, {
      userId: field(formData, "userId"),
      version: field(formData, "version"),
    });
    revalidatePath(teamPath(teamName));
    return { ok: true, data: changed, message: "Member removed." };
  } catch (error) {
    return failure(error);
  }
}
