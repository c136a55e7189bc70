"use server";
import { revalidatePath } from "next/cache";
import { failure, invalid, type ActionResult } from "../action-result";
import { changeUserRole, setUserDisabled } from "./mutations";
import { ChangeUserRoleInput, SetUserDisabledInput, type UserChangeDto } from "./schemas";

const ROLE_NAMES = { admin: "platform admin", governance: "governance", member: "member" } as const;

export async function changeUserRoleAction(
  _previous: ActionResult<UserChangeDto> | null,
  formData: FormData,
): Promise<ActionResult<UserChangeDto>> {
  const parsed = ChangeUserRoleInput.safeParse({
    userId: formData.get("userId"),
    role: formData.get("role"),
    version: formData.get("version"),
  });
  if (!parsed.success) return invalid(parsed.error, "Choose a role.");
  let result: UserChangeDto;
  try {
    result = await changeUserRole(parsed.data);
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/admin");
  return { ok: true, data: result, message: `Role changed to ${ROLE_NAMES[result.role]}.` };
}

export async function setUserDisabledAction(
  _previous: ActionResult<UserChangeDto> | null,
  formData: FormData,
): Promise<ActionResult<UserChangeDto>> {
  const parsed = SetUserDisabledInput.safeParse({
    userId: formData.get("userId"),
    disabled: formData.get("disabled"),
    version: formData.get("version"),
  });
  if (!parsed.success) return invalid(parsed.error, "The form is out of date; reload the page.");
  let result: UserChangeDto;
  try {
    result = await setUserDisabled(parsed.data);
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/admin");
  return {
    ok: true,
    data: result,
    message: result.disabled ? "User disabled; their sessions have ended." : "User enabled.",
  };
}
