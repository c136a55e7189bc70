"use client";
// The registration form (new product and edit): one zod schema (lib/products/input.ts) checks it here and again on
// the server, which decides. Errors show next to their fields and in a summary; nothing typed is lost on an error,
// a conflict or a breaking-change warning.
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { FormProvider, useFieldArray, useForm, type FieldErrors } from "react-hook-form";
import { ARCHETYPE_HINTS, ARCHETYPE_LABELS } from "@/components/catalog/labels";
import { cn } from "@/components/ui/cn";
import { buttonClasses, cardClasses, inputClasses } from "@/components/ui/styles";
import { previewProductChangesAction, saveProductAction } from "@/lib/products/actions";
import type { ProductChange } from "@/lib/products/changes";
import { ProductInput, toUrlName, type ProductValues } from "@/lib/products/input";
import type { ChangePreviewDto, RegistrationOptionsDto } from "@/lib/products/registration";
import { productPath } from "@/lib/products/schemas";
import type { LifecycleStatus } from "@/lib/generated/prisma/enums";
import { fieldId, SelectField, TextAreaField, TextField } from "./fields";
import { InputPortsEditor } from "./input-ports-editor";
import { OutputPortEditor } from "./output-port-editor";

/** Every error of the form with its dotted path, in form order. */
function flattenErrors(errors: FieldErrors, prefix = ""): { path: string; message: string }[] {
  const found: { path: string; message: string }[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || key === "ref" || key === "root") continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const { message } = value as { message?: unknown };
    if (typeof message === "string" && message) found.push({ path, message });
    if (typeof value === "object") found.push(...flattenErrors(value as FieldErrors, path));
  }
  return found;
}

function ChangeList({ changes }: { changes: ProductChange[] }) {
  return (
    <ul className="mt-2 space-y-1 text-sm">
      {changes.map((change, index) => (
        <li key={index}>
          <span className="font-medium">{change.where}</span> {change.kind}
          {change.kind === "changed" && (
            <>
              : <span className="line-through opacity-70">{change.before}</span> → {change.after}
            </>
          )}
          {change.breaking && <span className="ml-1 font-semibold text-danger">(breaking)</span>}
        </li>
      ))}
    </ul>
  );
}

const EMPTY_PORT = {
  name: "",
  displayName: "",
  description: "",
  kind: "table" as const,
  format: "postgres",
  server: {},
  contractVersion: "1.0.0",
  maxGrantDays: null,
  autoApprove: false,
  fields: [],
  slos: [],
};

export function ProductForm({
  productRef,
  revision,
  status,
  initial,
  options,
}: {
  /** `<domain>/<name>` of the product edited; null for a new one. */
  productRef: string | null;
  revision: number | null;
  status: LifecycleStatus | null;
  initial: ProductInput;
  options: RegistrationOptionsDto;
}) {
  const router = useRouter();
  const form = useForm<ProductInput, unknown, ProductValues>({
    resolver: zodResolver(ProductInput),
    defaultValues: initial,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { control, handleSubmit, setError, setValue, formState } = form;
  const ports = useFieldArray({ control, name: "outputPorts" });
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ProductChange[] | null>(null);
  const [preview, setPreview] = useState<ChangePreviewDto | null>(null);
  const [nameEdited, setNameEdited] = useState(productRef !== null);
  const [tagText, setTagText] = useState((initial.tags ?? []).join(", "));
  const summary = useRef<HTMLDivElement>(null);
  const published = status === "active" || status === "deprecated";

  const save = async (values: ProductValues, confirmed: boolean) => {
    setMessage(null);
    setConflict(null);
    if (productRef && published && !confirmed) {
      const checked = await previewProductChangesAction(productRef, values);
      if (checked.ok && checked.data.changes.some((change) => change.breaking)) {
        setPreview(checked.data);
        return;
      }
    }
    setPreview(null);
    const result = await saveProductAction(productRef, revision, values);
    if (result.ok) {
      const [domain, name] = result.data.ref.split("/");
      router.push(productPath(domain, name));
      router.refresh();
      return;
    }
    // A conflict has its own panel; any other refusal goes to the summary and next to its fields.
    if (result.changes) setConflict(result.changes as ProductChange[]);
    else setMessage(result.message);
    for (const [path, messages] of Object.entries(result.fieldErrors)) {
      if (messages?.length) setError((path || "root") as never, { type: "server", message: messages.join(" ") });
    }
    summary.current?.focus();
  };

  const onInvalid = () => {
    setMessage("Some fields need attention.");
    requestAnimationFrame(() => summary.current?.focus());
  };
  const errors = flattenErrors(formState.errors);
  const domains = options.domains.map((domain) => ({ value: domain.name, label: domain.displayName }));
  const teams = options.teams.map((team) => ({ value: team.name, label: team.displayName }));
  const sourceSystems = Object.fromEntries(options.domains.map((domain) => [domain.name, domain.sourceSystems]));

  return (
    <FormProvider {...form}>
      <form
        noValidate
        onSubmit={(event) => handleSubmit((values) => save(values, false), onInvalid)(event)}
        className="space-y-6"
        aria-label={productRef ? "Edit data product" : "Register a data product"}
      >
        <div ref={summary} tabIndex={-1} className="outline-none">
          {(message || errors.length > 0) && formState.isSubmitted && (
            <div role="alert" className="rounded-lg border border-danger/40 bg-danger-soft p-4 text-sm text-danger">
              <p className="font-semibold">{message ?? "Some fields need attention."}</p>
              {errors.length > 0 && (
                <ul className="mt-2 list-disc space-y-0.5 pl-5">
                  {errors.map((error) => (
                    <li key={error.path}>
                      <a href={`#${fieldId(error.path)}`} className="underline">
                        {error.path}
                      </a>
                      : {error.message}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {conflict && (
            <div
              role="alert"
              className="mt-3 rounded-lg border border-amber-500/50 bg-amber-50 p-4 text-sm dark:bg-amber-950/30"
            >
              <p className="font-semibold text-foreground">Someone else saved this product while you were editing.</p>
              <p className="mt-1 text-muted">Your edits are still here and were not saved. What they changed:</p>
              {conflict.length > 0 ? <ChangeList changes={conflict} /> : <p className="mt-1">(details unavailable)</p>}
              <p className="mt-2">
                <a
                  href={productRef ? productPath(...(productRef.split("/") as [string, string])) : "/products"}
                  target="_blank"
                  rel="noreferrer"
                  className="underline"
                >
                  Open the current version in a new tab
                </a>{" "}
                to compare, then{" "}
                <button type="button" className="underline" onClick={() => window.location.reload()}>
                  start again from it
                </button>
                .
              </p>
            </div>
          )}
          {preview && (
            <div role="alert" className="mt-3 rounded-lg border border-danger/40 bg-danger-soft p-4 text-sm">
              <p className="font-semibold text-danger">This save breaks consumers of a published output port.</p>
              <ChangeList changes={preview.changes.filter((change) => change.breaking)} />
              {preview.affected.products.length + preview.affected.grantHolders.length > 0 ? (
                <div className="mt-2">
                  <p className="font-medium text-foreground">Affected consumers:</p>
                  <ul className="list-disc pl-5">
                    {preview.affected.products.map((product) => (
                      <li key={`${product.ref}#${product.port}`}>
                        Product {product.displayName} ({product.ref}) reads port {product.port}
                      </li>
                    ))}
                    {preview.affected.grantHolders.map((holder) => (
                      <li key={`${holder.team}#${holder.port}`}>
                        Team {holder.team} holds an active grant on port {holder.port}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : (
                <p className="mt-2 text-muted">No product or grant holder consumes these ports today.</p>
              )}
              {preview.uncovered.length > 0 && (
                <p className="mt-2 text-foreground">
                  Raise the contract version first:{" "}
                  {preview.uncovered.map((port) => `${port.port} to ${port.requiredVersion}`).join(", ")}.
                </p>
              )}
              <div className="mt-3 flex gap-2">
                <button
                  type="button"
                  className={buttonClasses("danger", "sm")}
                  onClick={(event) => handleSubmit((values) => save(values, true), onInvalid)(event)}
                >
                  Save with breaking changes
                </button>
                <button type="button" className={buttonClasses("secondary", "sm")} onClick={() => setPreview(null)}>
                  Keep editing
                </button>
              </div>
            </div>
          )}
        </div>

        <section aria-labelledby="basics-title" className={cn(cardClasses, "space-y-4 p-5")}>
          <h2 id="basics-title" className="text-base font-semibold text-foreground">
            Basics
          </h2>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              path="displayName"
              label="Display name"
              options={{
                onChange: (event: { target: { value: string } }) => {
                  if (!nameEdited) setValue("name", toUrlName(event.target.value));
                },
              }}
            />
            <TextField
              path="name"
              label="URL name"
              hint="Part of the product's address; derived from the display name until you change it."
              options={{ onChange: () => setNameEdited(true) }}
            />
            <SelectField path="domain" label="Domain" choices={domains} hint="Domains your teams own." />
            <SelectField path="owningTeam" label="Owning team" choices={teams} />
            <SelectField
              path="archetype"
              label="Archetype"
              choices={Object.entries(ARCHETYPE_LABELS).map(([value, label]) => ({
                value,
                label: `${label}: ${ARCHETYPE_HINTS[value as keyof typeof ARCHETYPE_HINTS]}`,
              }))}
            />
            <TextField path="version" label="Product version" hint="Semantic version, e.g. 1.2.0" />
          </div>
          <TextAreaField
            path="description"
            label="Description"
            hint="What the product holds, in the words of its consumers."
          />
          <div className="grid gap-4 sm:grid-cols-3">
            <TextAreaField path="purpose" label="Purpose" />
            <TextAreaField path="limitations" label="Limitations" />
            <TextAreaField path="usage" label="Usage" />
          </div>
          <div>
            <label htmlFor={fieldId("tags")} className="block text-sm font-medium text-foreground">
              Tags
            </label>
            <p id={`${fieldId("tags")}-hint`} className="mt-0.5 text-xs text-muted">
              Separated by commas, e.g. listeners, b2c
            </p>
            <input
              id={fieldId("tags")}
              value={tagText}
              aria-describedby={`${fieldId("tags")}-hint`}
              onChange={(event) => {
                setTagText(event.target.value);
                setValue(
                  "tags",
                  event.target.value
                    .split(",")
                    .map((tag) => tag.trim().toLowerCase())
                    .filter(Boolean),
                  { shouldDirty: true },
                );
              }}
              className={cn(inputClasses, "mt-1 h-9")}
            />
            {errors
              .filter((error) => error.path.startsWith("tags"))
              .map((error) => (
                <p key={error.path} className="mt-1 text-xs text-danger">
                  {error.message}
                </p>
              ))}
          </div>
        </section>

        <div className="space-y-4">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 className="text-lg font-semibold text-foreground">Output ports</h2>
            <button type="button" className={buttonClasses("secondary", "sm")} onClick={() => ports.append(EMPTY_PORT)}>
              Add output port
            </button>
          </div>
          {ports.fields.length === 0 && (
            <p className="text-sm text-muted">
              No output ports yet. A product can be saved as a draft without one, but needs one to be published.
            </p>
          )}
          {ports.fields.map((port, index) => (
            <OutputPortEditor
              key={port.id}
              index={index}
              count={ports.fields.length}
              polysemes={options.polysemes}
              onMove={(to) => ports.move(index, to)}
              onRemove={() => ports.remove(index)}
            />
          ))}
        </div>

        <InputPortsEditor sourceSystems={sourceSystems} />

        <div className="flex flex-wrap items-center gap-3 border-t border-line pt-4">
          <button type="submit" className={buttonClasses("primary", "lg")} disabled={formState.isSubmitting}>
            {formState.isSubmitting ? "Saving…" : productRef ? "Save changes" : "Save draft"}
          </button>
          <Link
            href={productRef ? productPath(...(productRef.split("/") as [string, string])) : "/products"}
            className={buttonClasses("ghost", "lg")}
          >
            Cancel
          </Link>
          {productRef && status === "draft" && (
            <p className="text-sm text-muted">Publish the draft from the product page once it is complete.</p>
          )}
        </div>
      </form>
    </FormProvider>
  );
}
