"use client";
import Link from "next/link";
import { useActionState, useState } from "react";
import { cn } from "@/components/ui/cn";
import { AlertIcon } from "@/components/ui/icons";
import { buttonClasses, cardClasses, inputClasses } from "@/components/ui/styles";
import { applyImportAction, previewImportAction, type ImportPreviewDto } from "@/lib/api/import-actions";

const SAMPLE_HINT = `apiVersion: v1.0.0
kind: DataProduct
id: urn:podcasts:listeners
name: listeners
domain: podcasts
status: draft
...`;

function IssueList({ errors }: { errors: Record<string, string[] | undefined> }) {
  const entries = Object.entries(errors).filter(([, messages]) => messages?.length);
  if (entries.length === 0) return null;
  return (
    <ul className="mt-2 space-y-1" aria-label="Problems in the document">
      {entries.flatMap(([pointer, messages]) =>
        (messages ?? []).map((message, index) => (
          <li key={`${pointer}-${index}`} className="text-sm">
            <code className="mr-2 rounded bg-subtle px-1.5 py-0.5 font-mono text-xs text-foreground">
              {pointer || "(document)"}
            </code>
            {message}
          </li>
        )),
      )}
    </ul>
  );
}

function Preview({ preview, document, domain }: { preview: ImportPreviewDto; document: string; domain: string }) {
  const [state, applyAction, applying] = useActionState(applyImportAction, null);
  return (
    <section aria-labelledby="preview-heading" className={cn(cardClasses, "space-y-4 p-5")}>
      <div>
        <h2 id="preview-heading" className="text-base font-semibold text-foreground">
          Preview: {preview.exists ? "update" : "new product"}{" "}
          <span className="font-mono text-sm text-muted">{preview.ref}</span>
        </h2>
        <p className="mt-1 text-sm text-muted">
          {preview.displayName}, owned by team {preview.owningTeam};{" "}
          {preview.outputPorts.length === 0
            ? "no output ports"
            : preview.outputPorts.map((port) => `${port.name} (${port.fields} fields)`).join(", ")}
          .
        </p>
      </div>
      {preview.unchanged ? (
        <p role="status" className="text-sm text-foreground">
          Nothing would change: this document is already imported.
        </p>
      ) : preview.exists ? (
        <div>
          <h3 className="text-sm font-medium text-foreground">What will change</h3>
          {preview.changes.length === 0 && !preview.statusChange ? (
            <p className="mt-1 text-sm text-muted">
              Only the stored document (fields Hexmesh keeps but does not model).
            </p>
          ) : (
            <ul className="mt-2 divide-y divide-line rounded-lg border border-line text-sm" aria-label="Changes">
              {preview.changes.map((change, index) => (
                <li key={index} className="flex flex-wrap gap-x-3 px-3 py-2">
                  <span className="font-medium text-foreground">{change.where}</span>
                  <span className="text-muted">{change.kind}</span>
                  {change.kind === "changed" && (
                    <span className="text-muted">
                      {change.before} → {change.after}
                    </span>
                  )}
                  {change.breaking && <span className="font-medium text-danger">breaking</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : (
        <p className="text-sm text-muted">A new draft product will be registered.</p>
      )}
      {preview.statusChange && (
        <p className="text-sm text-foreground">
          Status: {preview.statusChange.from} → {preview.statusChange.to}
        </p>
      )}
      {preview.warnings.length > 0 && (
        <div>
          <h3 className="text-sm font-medium text-foreground">Warnings</h3>
          <IssueList errors={Object.fromEntries(preview.warnings.map((w) => [w.pointer, [w.message]]))} />
        </div>
      )}
      {state && !state.ok && (
        <div role="alert" className="rounded-lg border border-danger/30 bg-danger-soft px-3 py-2.5 text-sm">
          <p>{state.message}</p>
          <IssueList errors={state.fieldErrors} />
        </div>
      )}
      <form action={applyAction} className="flex items-center gap-3">
        <input type="hidden" name="document" value={document} />
        <input type="hidden" name="domain" value={domain} />
        <input type="hidden" name="revision" value={preview.revision ?? ""} />
        <button type="submit" disabled={applying || preview.unchanged} className={buttonClasses("primary", "md")}>
          {applying ? "Applying…" : "Apply"}
        </button>
        {preview.exists && (
          <Link href={preview.href} className="text-sm font-medium text-brand underline-offset-2 hover:underline">
            Open the product
          </Link>
        )}
      </form>
    </section>
  );
}

/** Paste or upload an ODPS (or DCS) document, preview what it changes, then apply it. */
export function ImportForm({ domains }: { domains: { name: string; displayName: string }[] }) {
  const [state, previewAction, previewing] = useActionState(previewImportAction, null);
  const [document, setDocument] = useState("");
  const [domain, setDomain] = useState("");
  const [submitted, setSubmitted] = useState({ document: "", domain: "" });
  const documentErrors = state && !state.ok ? state.fieldErrors : {};
  const { document: formErrors, ...issues } = documentErrors;

  return (
    <div className="space-y-6">
      <form
        action={(formData) => {
          setSubmitted({ document, domain });
          previewAction(formData);
        }}
        className="space-y-4"
        noValidate
      >
        <div>
          <label htmlFor="import-file" className="mb-1.5 block text-sm font-medium text-foreground">
            Upload a file
          </label>
          <input
            id="import-file"
            type="file"
            accept=".yaml,.yml,.json,application/yaml,application/json"
            className="block text-sm text-muted file:mr-3 file:rounded-lg file:border file:border-line-strong file:bg-surface file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-foreground"
            onChange={async (event) => {
              const file = event.currentTarget.files?.[0];
              if (file) setDocument(await file.text());
            }}
          />
        </div>
        <div>
          <label htmlFor="import-document" className="mb-1.5 block text-sm font-medium text-foreground">
            Or paste the document (ODPS 1.0.0 or Data Contract Specification 1.2.1, YAML or JSON)
          </label>
          <textarea
            id="import-document"
            name="document"
            rows={16}
            spellCheck={false}
            value={document}
            onChange={(event) => setDocument(event.target.value)}
            placeholder={SAMPLE_HINT}
            aria-invalid={state && !state.ok ? true : undefined}
            aria-describedby={state && !state.ok ? "import-errors" : undefined}
            className={cn(inputClasses, "py-2 font-mono text-xs leading-5")}
          />
        </div>
        <div>
          <label htmlFor="import-domain" className="mb-1.5 block text-sm font-medium text-foreground">
            Domain, when the document names none
          </label>
          <select
            id="import-domain"
            name="domain"
            value={domain}
            onChange={(event) => setDomain(event.target.value)}
            className={cn(inputClasses, "h-9 w-72")}
          >
            <option value="">As the document says</option>
            {domains.map((option) => (
              <option key={option.name} value={option.name}>
                {option.displayName}
              </option>
            ))}
          </select>
        </div>
        {state && !state.ok && (
          <div
            id="import-errors"
            role="alert"
            className="rounded-lg border border-danger/30 bg-danger-soft px-3 py-2.5 text-sm text-foreground"
          >
            <p className="flex gap-2">
              <AlertIcon className="mt-0.5 size-4 shrink-0 text-danger" />
              {state.message} {formErrors?.join(" ")}
            </p>
            <IssueList errors={issues} />
          </div>
        )}
        <button type="submit" disabled={previewing} className={buttonClasses("secondary", "md")}>
          {previewing ? "Checking…" : "Preview"}
        </button>
      </form>
      {state?.ok && (
        <Preview
          key={`${state.data.ref}-${state.data.revision}-${submitted.document.length}`}
          preview={state.data}
          document={submitted.document}
          domain={submitted.domain}
        />
      )}
    </div>
  );
}
