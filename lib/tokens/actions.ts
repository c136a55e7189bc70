"use server";
import { revalidatePath } from "next/cache";
import { failure, invalid, type ActionResult } from "../action-result";
import { requireActor } from "../authz";
import { createApiToken, revokeApiToken } from "./mutations";
import { CreateTokenInput, RevokeTokenInput, type ApiTokenDto, type CreatedTokenDto } from "./schemas";

export async function createApiTokenAction(
  _previous: ActionResult<CreatedTokenDto> | null,
  formData: FormData,
): Promise<ActionResult<CreatedTokenDto>> {
  const actor = await requireActor();
  const parsed = CreateTokenInput.safeParse({ name: formData.get("name"), expiresIn: formData.get("expiresIn") });
  if (!parsed.success) return invalid(parsed.error);
  let created: CreatedTokenDto;
  try {
    created = await createApiToken(actor, parsed.data);
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/settings/tokens");
  return { ok: true, data: created, message: "Token created. Copy it now: it will not be shown again." };
}

export async function revokeApiTokenAction(
  _previous: ActionResult<ApiTokenDto> | null,
  formData: FormData,
): Promise<ActionResult<ApiTokenDto>> {
  const actor = await requireActor();
  const parsed = RevokeTokenInput.safeParse({ tokenId: formData.get("tokenId") });
  if (!parsed.success) return invalid(parsed.error, "The form is out of date; reload the page.");
  let revoked: ApiTokenDto;
  try {
    revoked = await revokeApiToken(actor, parsed.data.tokenId);
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/settings/tokens");
  return { ok: true, data: revoked, message: `Token “${revoked.name}” revoked.` };
}
