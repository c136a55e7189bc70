"use server";
import { revalidatePath } from "next/cache";
import { failure, type ActionResult } from "../action-result";
import { requireActor } from "../authz";
import { createProduct, transitionProduct, updateProduct, type ProductSaveDto } from "./mutations";
import { findUpstreamPorts, previewProductChanges, type ChangePreviewDto, type UpstreamPortDto } from "./registration";
import { productPath } from "./schemas";

// Thin wrappers for the registration form and the lifecycle controls: the mutations validate and authorize.

function locate(ref: string) {
  const [domain, name] = ref.split("/");
  return { domain: domain ?? "", name: name ?? "" };
}

/** Saves the registration: a new draft when `ref` is null, else a new version of that product. */
export async function saveProductAction(
  ref: string | null,
  revision: number | null,
  values: unknown,
): Promise<ActionResult<ProductSaveDto>> {
  try {
    const actor = await requireActor();
    const saved = ref ? await updateProduct(actor, locate(ref), values, revision) : await createProduct(actor, values);
    revalidatePath("/products");
    revalidatePath(productPath(...(saved.ref.split("/") as [string, string])));
    return {
      ok: true,
      data: saved,
      message: saved.changes.length === 0 && ref ? "Nothing changed." : `Saved revision ${saved.revision}.`,
    };
  } catch (error) {
    return failure(error);
  }
}

/** What saving would change on a stored product, with the consumers that breaking changes affect. */
export async function previewProductChangesAction(
  ref: string,
  values: unknown,
): Promise<ActionResult<ChangePreviewDto>> {
  try {
    return { ok: true, data: await previewProductChanges(await requireActor(), locate(ref), values) };
  } catch (error) {
    return failure(error);
  }
}

/** Output ports to consume, found by a search over visible products. */
export async function findUpstreamPortsAction(q: string): Promise<UpstreamPortDto[]> {
  return findUpstreamPorts(await requireActor(), q.slice(0, 200));
}

/** A lifecycle step from the product page (publish, deprecate, retire...), for useActionState. */
export async function transitionProductAction(
  ref: string,
  _previous: ActionResult<ProductSaveDto> | null,
  formData: FormData,
): Promise<ActionResult<ProductSaveDto>> {
  try {
    const actor = await requireActor();
    const saved = await transitionProduct(actor, locate(ref), {
      to: formData.get("to"),
      revision: Number(formData.get("revision")),
      note: formData.get("note") ?? undefined,
      sunsetAt: formData.get("sunsetAt") || undefined,
      force: formData.get("force") === "on",
      reason: formData.get("reason") ?? undefined,
    });
    revalidatePath(productPath(...(saved.ref.split("/") as [string, string])));
    revalidatePath("/products");
    return { ok: true, data: saved, message: `The product is now ${saved.status}.` };
  } catch (error) {
    return failure(error);
  }
}
