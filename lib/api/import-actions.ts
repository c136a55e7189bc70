"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AppError, InvalidInputError } from "../errors";
import { requireActor } from "../authz";
import { DescriptorError } from "../descriptors/errors";
import type { ActionResult } from "../action-result";
import { failure } from "../action-result";
import type { ProductChange } from "../products/changes";
import { productPath } from "../products/schemas";
import { dottedPathToPointer } from "./problem";
import { planProductImport, saveProductDescriptor } from "./products";

// The Import YAML page: "Preview" parses, validates and diffs (saves nothing); "Apply" saves what was previewed,
// refusing if the product changed since (the previewed revision is the If-Match).

export interface ImportPreviewDto {
  ref: string;
  href: string;
  kind: "odps" | "dcs";
  exists: boolean;
  /** The revision the preview was made against (null for a new product). */
  revision: number | null;
  displayName: string;
  owningTeam: string;
  outputPorts: { name: string; fields: number }[];
  changes: ProductChange[];
  statusChange: { from: string; to: string } | null;
  /** Nothing would change (the same document was imported before). */
  unchanged: boolean;
  warnings: { pointer: string; message: string }[];
}

const ImportForm = z.object({
  document: z
    .string({ error: "Paste a document or choose a file." })
    .trim()
    .min(1, "Paste a document or choose a file.")
    .max(5_000_000, "At most 5 MB."),
  domain: z.string().trim().optional(),
});

function readForm(formData: FormData) {
  return ImportForm.safeParse({
    document: formData.get("document"),
    domain: formData.get("domain") || undefined,
  });
}

/** Errors keyed by where they are: a JSON pointer into the document (or into the registration), "" for the whole. */
function importFailure(error: unknown): ActionResult<never> {
  if (error instanceof DescriptorError) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of error.issues) {
      const where = issue.line ? ` (line ${issue.line}${issue.column ? `, column ${issue.column}` : ""})` : "";
      (fieldErrors[issue.pointer] ??= []).push(issue.message + where);
    }
    return { ok: false, message: error.message, fieldErrors };
  }
  if (error instanceof InvalidInputError) {
    return {
      ok: false,
      message: error.message,
      fieldErrors: Object.fromEntries(
        Object.entries(error.fieldErrors).map(([path, messages]) => [dottedPathToPointer(path), messages]),
      ),
    };
  }
  if (error instanceof AppError) return { ok: false, message: error.message, fieldErrors: {} };
  return failure(error);
}

export async function previewImportAction(
  _previous: ActionResult<ImportPreviewDto> | null,
  formData: FormData,
): Promise<ActionResult<ImportPreviewDto>> {
  const actor = await requireActor();
  const form = readForm(formData);
  if (!form.success) {
    return {
      ok: false,
      message: "Nothing to import.",
      fieldErrors: { document: form.error.issues.map((i) => i.message) },
    };
  }
  try {
    const plan = await planProductImport(actor, { text: form.data.document, defaultDomain: form.data.domain });
    const { domain, name } = plan.locator;
    return {
      ok: true,
      data: {
        ref: `${domain}/${name}`,
        href: productPath(domain, name),
        kind: plan.imported.kind,
        exists: plan.state !== null,
        revision: plan.state?.revision ?? null,
        displayName: plan.registration.displayName,
        owningTeam: plan.registration.owningTeam,
        outputPorts: plan.registration.outputPorts.map((port) => ({ name: port.name, fields: port.fields.length })),
        changes: plan.changes,
        statusChange: plan.statusChange,
        unchanged: plan.state !== null && plan.changes.length === 0 && !plan.statusChange && !plan.descriptorChanged,
        warnings: plan.warnings,
      },
    };
  } catch (error) {
    return importFailure(error);
  }
}

export async function applyImportAction(
  _previous: ActionResult<never> | null,
  formData: FormData,
): Promise<ActionResult<never>> {
  const actor = await requireActor();
  const form = readForm(formData);
  if (!form.success) return { ok: false, message: "Nothing to import.", fieldErrors: {} };
  const revision = Number(formData.get("revision"));
  let href: string;
  try {
    const saved = await saveProductDescriptor(actor, {
      text: form.data.document,
      defaultDomain: form.data.domain,
      ifMatch: Number.isInteger(revision) && revision > 0 ? revision : undefined,
    });
    const [domain, name] = saved.ref.split("/");
    href = productPath(domain, name);
  } catch (error) {
    if (error instanceof AppError && error.status === 412) {
      return {
        ok: false,
        message: "The product changed since the preview. Preview again to see the current differences.",
        fieldErrors: {},
      };
    }
    return importFailure(error);
  }
  revalidatePath("/products");
  redirect(href);
}
