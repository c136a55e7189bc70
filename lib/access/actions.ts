"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { failure, type ActionResult } from "../action-result";
import { requireActor } from "../authz";
import type { AccessRequestDto, GrantDto } from "./dto";
import {
  approveAccessRequest,
  rejectAccessRequest,
  relinquishGrant,
  requestAccess,
  requestRenewal,
  revokeGrant,
  withdrawAccessRequest,
} from "./mutations";

// Thin wrappers for the forms of the request page and the Access page (useActionState): the mutations validate,
// authorize and enforce the state machine.

const ACCESS_PAGE = "/access";

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
};

/** Submits an access request and opens the Access page on it. */
export async function requestAccessAction(
  _previous: ActionResult<AccessRequestDto> | null,
  formData: FormData,
): Promise<ActionResult<AccessRequestDto>> {
  let request: AccessRequestDto;
  try {
    ({ request } = await requestAccess(await requireActor(), {
      product: field(formData, "product"),
      port: field(formData, "port"),
      consumerTeam: field(formData, "consumerTeam"),
      purpose: field(formData, "purpose"),
      use: field(formData, "use"),
      accessLevel: field(formData, "accessLevel"),
      startsAt: field(formData, "startsAt"),
      endsAt: field(formData, "endsAt"),
    }));
  } catch (error) {
    return failure(error);
  }
  revalidatePath(ACCESS_PAGE);
  redirect(`${ACCESS_PAGE}?submitted=${request.id}#request-${request.id}`);
}

/** Asks for a renewal of a grant (the one-click link of the expiry reminder). */
export async function requestRenewalAction(
  grantId: string,
  _previous: ActionResult<AccessRequestDto> | null,
): Promise<ActionResult<AccessRequestDto>> {
  let request: AccessRequestDto;
  try {
    ({ request } = await requestRenewal(await requireActor(), grantId));
  } catch (error) {
    return failure(error);
  }
  revalidatePath(ACCESS_PAGE);
  redirect(`${ACCESS_PAGE}?submitted=${request.id}#request-${request.id}`);
}

async function run<T>(change: () => Promise<T>, message: string): Promise<ActionResult<T>> {
  try {
    const data = await change();
    revalidatePath(ACCESS_PAGE);
    return { ok: true, data, message };
  } catch (error) {
    return failure(error);
  }
}

/** Approves, then shows the Access page with the outcome (the request leaves the inbox). */
export async function approveAccessRequestAction(
  id: string,
  _previous: ActionResult<AccessRequestDto> | null,
  formData: FormData,
): Promise<ActionResult<AccessRequestDto>> {
  try {
    await approveAccessRequest(await requireActor(), id, {
      version: field(formData, "version"),
      endsAt: field(formData, "endsAt"),
      reason: field(formData, "reason"),
    });
  } catch (error) {
    return failure(error);
  }
  revalidatePath(ACCESS_PAGE);
  redirect(`${ACCESS_PAGE}?decided=${id}`);
}

export async function rejectAccessRequestAction(
  id: string,
  _previous: ActionResult<AccessRequestDto> | null,
  formData: FormData,
): Promise<ActionResult<AccessRequestDto>> {
  try {
    await rejectAccessRequest(await requireActor(), id, {
      version: field(formData, "version"),
      reason: field(formData, "reason"),
    });
  } catch (error) {
    return failure(error);
  }
  revalidatePath(ACCESS_PAGE);
  redirect(`${ACCESS_PAGE}?decided=${id}`);
}

export async function withdrawAccessRequestAction(
  id: string,
  _previous: ActionResult<AccessRequestDto> | null,
  formData: FormData,
): Promise<ActionResult<AccessRequestDto>> {
  return run(
    async () => withdrawAccessRequest(await requireActor(), id, { version: field(formData, "version") }),
    "Request withdrawn.",
  );
}

/** Revokes, then shows the Access page with the outcome (the grant leaves the list of active ones). */
export async function revokeGrantAction(
  id: string,
  _previous: ActionResult<GrantDto> | null,
  formData: FormData,
): Promise<ActionResult<GrantDto>> {
  try {
    await revokeGrant(await requireActor(), id, {
      version: field(formData, "version"),
      reason: field(formData, "reason"),
    });
  } catch (error) {
    return failure(error);
  }
  revalidatePath(ACCESS_PAGE);
  redirect(`${ACCESS_PAGE}?revoked=${id}`);
}

export async function relinquishGrantAction(
  id: string,
  _previous: ActionResult<GrantDto> | null,
  formData: FormData,
): Promise<ActionResult<GrantDto>> {
  return run(
    async () => relinquishGrant(await requireActor(), id, { version: field(formData, "version") }),
    "Access given up.",
  );
}
