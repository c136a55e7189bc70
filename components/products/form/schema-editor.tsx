"use client";
// The schema of one output port: a row per field (name, type, description, required, primary key, classification,
// PII, polyseme), reorderable, and a way to start from a JSON sample or a CSV header.
import { useId, useState } from "react";
import { useFieldArray, useFormContext } from "react-hook-form";
import { cn } from "@/components/ui/cn";
import { buttonClasses, inputClasses } from "@/components/ui/styles";
import { inferFields } from "@/lib/products/infer-schema";
import type { ProductInput } from "@/lib/products/input";
import { fieldId, ListButton, useFieldError } from "./fields";

const CLASSIFICATIONS = ["public", "internal", "confidential", "restricted"] as const;

function CellError({ path }: { path: string }) {
  const error = useFieldError(path);
  return error ? (
    <p id={`${fieldId(path)}-error`} className="mt-0.5 text-xs text-danger">
      {error}
    </p>
  ) : null;
}

function Cell({ path, label, children }: { path: string; label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <label htmlFor={fieldId(path)} className="sr-only">
        {label}
      </label>
      {children}
      <CellError path={path} />
    </div>
  );
}

function CheckCell({ path, label }: { path: string; label: string }) {
  const { register } = useFormContext();
  return (
    <Cell path={path} label={label}>
      <input id={fieldId(path)} type="checkbox" {...register(path)} className="mt-2 size-4" />
    </Cell>
  );
}

export function SchemaEditor({
  portIndex,
  polysemes,
}: {
  portIndex: number;
  polysemes: { name: string; displayName: string }[];
}) {
  const { control, register, formState } = useFormContext<ProductInput>();
  const base = `outputPorts.${portIndex}.fields` as const;
  const { fields, append, remove, move } = useFieldArray({ control, name: base });
  const [sample, setSample] = useState("");
  const [sampleMessage, setSampleMessage] = useState<string | null>(null);
  const sampleId = useId();
  const listError = useFieldError(base);

  const invalid = (path: string) => {
    const parts = path.split(".");
    let node: unknown = formState.errors;
    for (const part of parts) node = (node as Record<string, unknown> | undefined)?.[part];
    return node ? { "aria-invalid": true, "aria-describedby": `${fieldId(path)}-error` } : {};
  };

  const applySample = () => {
    const result = inferFields(sample);
    if (result.error) {
      setSampleMessage(result.error);
      return;
    }
    const existing = new Set(fields.map((field) => (field as unknown as { name: string }).name));
    const added = result.fields.filter((field) => !existing.has(field.name));
    append(
      added.map((field) => ({
        description: "",
        required: false,
        primaryKey: false,
        classification: "internal",
        pii: false,
        polyseme: null,
        ...field,
      })),
    );
    setSampleMessage(`${added.length} ${added.length === 1 ? "field" : "fields"} added.`);
    setSample("");
  };

  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold text-foreground">Schema</legend>
      {listError && (
        <p id={`${fieldId(base)}-error`} className="text-xs text-danger">
          {listError}
        </p>
      )}
      {fields.length === 0 ? (
        <p className="text-sm text-muted">No fields yet: add them one by one, or start from a sample below.</p>
      ) : (
        <div className="overflow-x-auto">
          <div className="min-w-[860px] space-y-2">
            <div
              aria-hidden="true"
              className="grid grid-cols-[9rem_7rem_minmax(8rem,1fr)_4rem_3rem_7.5rem_3rem_8rem_6.5rem] gap-2 text-xs font-medium text-muted"
            >
              <span>Name</span>
              <span>Type</span>
              <span>Description</span>
              <span>Required</span>
              <span>Key</span>
              <span>Classification</span>
              <span>PII</span>
              <span>Polyseme</span>
              <span />
            </div>
            {fields.map((field, index) => {
              const path = `${base}.${index}`;
              const number = index + 1;
              return (
                <div
                  key={field.id}
                  className="grid grid-cols-[9rem_7rem_minmax(8rem,1fr)_4rem_3rem_7.5rem_3rem_8rem_6.5rem] items-start gap-2"
                >
                  <Cell path={`${path}.name`} label={`Name of field ${number}`}>
                    <input
                      id={fieldId(`${path}.name`)}
                      {...register(`${base}.${index}.name`)}
                      {...invalid(`${path}.name`)}
                      className={cn(inputClasses, "h-8 font-mono text-xs")}
                    />
                  </Cell>
                  <Cell path={`${path}.type`} label={`Type of field ${number}`}>
                    <input
                      id={fieldId(`${path}.type`)}
                      {...register(`${base}.${index}.type`)}
                      {...invalid(`${path}.type`)}
                      list="hexmesh-field-types"
                      className={cn(inputClasses, "h-8 font-mono text-xs")}
                    />
                  </Cell>
                  <Cell path={`${path}.description`} label={`Description of field ${number}`}>
                    <input
                      id={fieldId(`${path}.description`)}
                      {...register(`${base}.${index}.description`)}
                      {...invalid(`${path}.description`)}
                      className={cn(inputClasses, "h-8 text-xs")}
                    />
                  </Cell>
                  <CheckCell path={`${path}.required`} label={`Field ${number} is required`} />
                  <CheckCell path={`${path}.primaryKey`} label={`Field ${number} is part of the primary key`} />
                  <Cell path={`${path}.classification`} label={`Classification of field ${number}`}>
                    <select
                      id={fieldId(`${path}.classification`)}
                      {...register(`${base}.${index}.classification`)}
                      className={cn(inputClasses, "h-8 text-xs")}
                    >
                      {CLASSIFICATIONS.map((value) => (
                        <option key={value} value={value}>
                          {value}
                        </option>
                      ))}
                    </select>
                  </Cell>
                  <CheckCell path={`${path}.pii`} label={`Field ${number} holds personal data`} />
                  <Cell path={`${path}.polyseme`} label={`Polyseme of field ${number}`}>
                    <select
                      id={fieldId(`${path}.polyseme`)}
                      {...register(`${base}.${index}.polyseme`, {
                        setValueAs: (value: string | null) => (value ? value : null),
                      })}
                      {...invalid(`${path}.polyseme`)}
                      className={cn(inputClasses, "h-8 text-xs")}
                    >
                      <option value="">None</option>
                      {polysemes.map((polyseme) => (
                        <option key={polyseme.name} value={polyseme.name}>
                          {polyseme.displayName}
                        </option>
                      ))}
                    </select>
                  </Cell>
                  <div className="flex gap-1">
                    <ListButton
                      label={`Move field ${number} up`}
                      onClick={() => move(index, index - 1)}
                      disabled={index === 0}
                    >
                      ↑
                    </ListButton>
                    <ListButton
                      label={`Move field ${number} down`}
                      onClick={() => move(index, index + 1)}
                      disabled={index === fields.length - 1}
                    >
                      ↓
                    </ListButton>
                    <ListButton label={`Remove field ${number}`} onClick={() => remove(index)}>
                      ✕
                    </ListButton>
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      )}
      <datalist id="hexmesh-field-types">
        {[
          "string",
          "int",
          "bigint",
          "double",
          "decimal(10,2)",
          "boolean",
          "date",
          "timestamp",
          "uuid",
          "array",
          "struct",
        ].map((type) => (
          <option key={type} value={type} />
        ))}
      </datalist>
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={buttonClasses("secondary", "sm")}
          onClick={() =>
            append({
              name: "",
              type: "string",
              description: "",
              required: false,
              primaryKey: false,
              classification: "internal",
              pii: false,
              polyseme: null,
            })
          }
        >
          Add field
        </button>
      </div>
      <details className="rounded-lg border border-line p-3">
        <summary className="cursor-pointer text-sm font-medium text-foreground">Start from a sample</summary>
        <label htmlFor={sampleId} className="mt-2 block text-xs text-muted">
          Paste a JSON object (or an array of them) or a CSV header line; fields it names that the schema lacks are
          added.
        </label>
        <textarea
          id={sampleId}
          rows={4}
          value={sample}
          onChange={(event) => setSample(event.target.value)}
          className={cn(inputClasses, "mt-1 py-2 font-mono text-xs")}
        />
        <div className="mt-2 flex items-center gap-3">
          <button type="button" className={buttonClasses("secondary", "sm")} onClick={applySample}>
            Use these fields
          </button>
          {sampleMessage && (
            <p role="status" className="text-xs text-muted">
              {sampleMessage}
            </p>
          )}
        </div>
      </details>
    </fieldset>
  );
}
