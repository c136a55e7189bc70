"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { failure, type ActionResult } from "../action-result";
import { requireActor } from "../authz";
import {
  createDomain,
  createSourceSystem,
  createSubDomain,
  updateDomainDescription,
  type DomainChangeDto,
} from "./mutations";

// Thin wrappers for the forms (useActionState): the mutations validate and authorize.

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
};

const domainPath = (name: string) => `/domains/${encodeURIComponent(name)}`;

/** Creates a domain and opens its page. */
export async function createDomainAction(
  _previous: ActionResult<DomainChangeDto> | null,
  formData: FormData,
): Promise<ActionResult<DomainChangeDto>> {
  let created: DomainChangeDto;
  try {
    created = await createDomain(await requireActor(), {
      name: field(formData, "name"),
      displayName: field(formData, "displayName"),
      description: field(formData, "description"),
      owningTeam: field(formData, "owningTeam"),
      parent: field(formData, "parent"),
    });
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/domains");
  if (field(formData, "parent")) revalidatePath(domainPath(field(formData, "parent") ?? ""));
  redirect(domainPath(created.name));
}

export async function createSubDomainAction(
  parentName: string,
  _previous: ActionResult<DomainChangeDto> | null,
  formData: FormData,
): Promise<ActionResult<DomainChangeDto>> {
  try {
    const created = await createSubDomain(await requireActor(), parentName, {
      name: field(formData, "name"),
      displayName: field(formData, "displayName"),
      description: field(formData, "description"),
    });
    revalidatePath("/domains");
    revalidatePath(domainPath(parentName));
    return { ok: true, data: created, message: `Sub-domain ${created.name} created.` };
  } catch (error) {
    return failure(error);
  }
}

export async function createSourceSystemAction(
  domainName: string,
  _previous: ActionResult<{ domain: string; name: string }> | null,
  formData: FormData,
): Promise<ActionResult<{ domain: string; name: string }>> {
  try {
    const created = await createSourceSystem(await requireActor(), domainName, {
      name: field(formData, "name"),
      displayName: field(formData, "displayName"),
      kind: field(formData, "kind"),
      description: field(formData, "description"),
    });
    revalidatePath(domainPath(domainName));
    return { ok: true, data: created, message: `Source system ${created.name} registered.` };
  } catch (error) {
    return failure(error);
  }
}

export async function updateDomainDescriptionAction(
  domainName: string,
  _previous: ActionResult<DomainChangeDto> | null,
  formData: FormData,
): Promise<ActionResult<DomainChangeDto>> {
  try {
    const changed = await updateDomainDescription(await requireActor(), domainName, {
      description: field(formData, "description"),
      version: field(formData, "version"),
    });
    revalidatePath("/domains");
    revalidatePath(domainPath(domainName));
    return { ok: true, data: changed, message: "Description saved." };
  } catch (error) {
    return failure(error);
  }
}
