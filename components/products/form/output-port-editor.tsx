"use client";
// One output port of the registration form: what it is, where it is served, its schema and its SLOs.
import { useState } from "react";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { PORT_KIND_LABELS, SLO_KIND_LABELS } from "@/components/catalog/labels";
import { cn } from "@/components/ui/cn";
import { buttonClasses, cardClasses, inputClasses } from "@/components/ui/styles";
import type { ProductInput } from "@/lib/products/input";
import {
  CheckboxField,
  fieldId,
  ListButton,
  NumberField,
  SelectField,
  TextAreaField,
  TextField,
  useFieldError,
} from "./fields";
import { SchemaEditor } from "./schema-editor";

const SERVER_TYPES = ["postgres", "s3", "kafka", "https", "bigquery", "snowflake", "databricks", "sftp"];
const SLO_DEFAULTS = {
  freshness: { unit: "hours", threshold: 24, objective: "Updated at least daily" },
  completeness: { unit: "%", threshold: 99, objective: "Required fields are filled" },
  volume: { unit: "rows", threshold: 1000, objective: "At least this many rows a day" },
  availability: { unit: "%", threshold: 99.5, objective: "The port answers" },
  custom: { unit: "", threshold: 0, objective: "" },
} as const;

/** `server` is a record: edited as a type plus key/value rows. */
function ServerEditor({ portIndex }: { portIndex: number }) {
  const { setValue, control } = useFormContext<ProductInput>();
  const path = `outputPorts.${portIndex}.server` as const;
  const server = (useWatch({ control, name: path }) ?? {}) as Record<string, string | number | boolean>;
  const [rows, setRows] = useState<[string, string][]>(() =>
    Object.entries(server)
      .filter(([key]) => key !== "type")
      .map(([key, value]) => [key, String(value)]),
  );
  const type = typeof server.type === "string" ? server.type : "";
  const error = useFieldError(path);
  const write = (nextType: string, nextRows: [string, string][]) => {
    setRows(nextRows);
    const record: Record<string, string | number> = nextType ? { type: nextType } : {};
    for (const [key, value] of nextRows) {
      if (key.trim()) record[key.trim()] = /^\d+$/.test(value) && key === "port" ? Number(value) : value;
    }
    setValue(path, record, { shouldDirty: true });
  };
  const typeId = fieldId(`${path}.type`);
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold text-foreground">Where it is served</legend>
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={typeId} className="block text-xs text-muted">
            Server type
          </label>
          <input
            id={typeId}
            list="hexmesh-server-types"
            value={type}
            onChange={(event) => write(event.target.value, rows)}
            className={cn(inputClasses, "mt-1 h-8 w-40 text-xs")}
          />
          <datalist id="hexmesh-server-types">
            {SERVER_TYPES.map((value) => (
              <option key={value} value={value} />
            ))}
          </datalist>
        </div>
      </div>
      {rows.map(([key, value], index) => (
        <div key={index} className="flex flex-wrap items-center gap-2">
          <label className="sr-only" htmlFor={`${typeId}-key-${index}`}>
            Setting {index + 1} name
          </label>
          <input
            id={`${typeId}-key-${index}`}
            value={key}
            placeholder="host"
            onChange={(event) =>
              write(
                type,
                rows.map((row, i) => (i === index ? [event.target.value, row[1]] : row)),
              )
            }
            className={cn(inputClasses, "h-8 w-40 font-mono text-xs")}
          />
          <label className="sr-only" htmlFor={`${typeId}-value-${index}`}>
            Setting {index + 1} value
          </label>
          <input
            id={`${typeId}-value-${index}`}
            value={value}
            placeholder="db.internal"
            onChange={(event) =>
              write(
                type,
                rows.map((row, i) => (i === index ? [row[0], event.target.value] : row)),
              )
            }
            className={cn(inputClasses, "h-8 w-64 font-mono text-xs")}
          />
          <ListButton
            label={`Remove setting ${index + 1}`}
            onClick={() =>
              write(
                type,
                rows.filter((_, i) => i !== index),
              )
            }
          >
            ✕
          </ListButton>
        </div>
      ))}
      <button type="button" className={buttonClasses("ghost", "sm")} onClick={() => write(type, [...rows, ["", ""]])}>
        Add a setting (host, database, schema, table, bucket, topic…)
      </button>
      {error && <p className="text-xs text-danger">{error}</p>}
    </fieldset>
  );
}

function SloEditor({ portIndex }: { portIndex: number }) {
  const { control } = useFormContext<ProductInput>();
  const base = `outputPorts.${portIndex}.slos` as const;
  const { fields, append, remove } = useFieldArray({ control, name: base });
  const [kind, setKind] = useState<keyof typeof SLO_DEFAULTS>("freshness");
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold text-foreground">Service level objectives</legend>
      {fields.length === 0 && (
        <p className="text-sm text-muted">No objectives: consumers will not know what to expect.</p>
      )}
      {fields.map((slo, index) => {
        const path = `${base}.${index}`;
        return (
          <div key={slo.id} className="grid gap-2 rounded-lg border border-line p-3 sm:grid-cols-6">
            <SelectField
              path={`${path}.kind`}
              label="Kind"
              choices={Object.entries(SLO_KIND_LABELS).map(([value, label]) => ({ value, label }))}
            />
            <TextField path={`${path}.name`} label="Name" hint="URL name" />
            <TextField path={`${path}.objective`} label="Objective" className="sm:col-span-2" />
            <NumberField path={`${path}.threshold`} label="Threshold" step="any" />
            <TextField path={`${path}.unit`} label="Unit" />
            <NumberField path={`${path}.target`} label="Target (%)" step="any" />
            <NumberField path={`${path}.windowDays`} label="Window (days)" />
            <div className="flex items-end sm:col-span-4">
              <button type="button" className={buttonClasses("ghost", "sm")} onClick={() => remove(index)}>
                Remove objective {index + 1}
              </button>
            </div>
          </div>
        );
      })}
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={`${fieldId(base)}-new-kind`} className="block text-xs text-muted">
            New objective
          </label>
          <select
            id={`${fieldId(base)}-new-kind`}
            value={kind}
            onChange={(event) => setKind(event.target.value as keyof typeof SLO_DEFAULTS)}
            className={cn(inputClasses, "mt-1 h-8 w-40 text-xs")}
          >
            {Object.entries(SLO_KIND_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className={buttonClasses("secondary", "sm")}
          onClick={() => append({ kind, name: kind, target: 99, windowDays: 30, ...SLO_DEFAULTS[kind] })}
        >
          Add objective
        </button>
      </div>
    </fieldset>
  );
}

export function OutputPortEditor({
  index,
  count,
  polysemes,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  polysemes: { name: string; displayName: string }[];
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { control } = useFormContext<ProductInput>();
  const path = `outputPorts.${index}`;
  const name = useWatch({ control, name: `outputPorts.${index}.displayName` });
  return (
    <section aria-labelledby={`${fieldId(path)}-title`} className={cn(cardClasses, "space-y-5 p-5")}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={`${fieldId(path)}-title`} className="text-base font-semibold text-foreground">
          Output port {index + 1}
          {name ? `: ${name}` : ""}
        </h3>
        <div className="flex gap-1">
          <ListButton
            label={`Move output port ${index + 1} up`}
            onClick={() => onMove(index - 1)}
            disabled={index === 0}
          >
            ↑
          </ListButton>
          <ListButton
            label={`Move output port ${index + 1} down`}
            onClick={() => onMove(index + 1)}
            disabled={index === count - 1}
          >
            ↓
          </ListButton>
          <button type="button" className={buttonClasses("danger", "sm")} onClick={onRemove}>
            Remove output port {index + 1}
          </button>
        </div>
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <TextField path={`${path}.displayName`} label="Display name" />
        <TextField path={`${path}.name`} label="URL name" hint="e.g. daily-snapshot" />
        <SelectField
          path={`${path}.kind`}
          label="Kind"
          choices={Object.entries(PORT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <TextField path={`${path}.format`} label="Format" hint="postgres, parquet, avro, json…" />
        <TextField
          path={`${path}.contractVersion`}
          label="Contract version"
          hint="A new major version for breaking changes"
        />
        <NumberField
          path={`${path}.maxGrantDays`}
          label="Longest grant (days)"
          hint="Empty: the platform default"
          nullable
        />
        <div className="flex items-end pb-2 sm:col-span-2">
          <CheckboxField
            path={`${path}.autoApprove`}
            label="Approve access requests automatically (e.g. public data)"
          />
        </div>
      </div>
      <TextAreaField path={`${path}.description`} label="Description" rows={2} />
      <ServerEditor portIndex={index} />
      <SchemaEditor portIndex={index} polysemes={polysemes} />
      <SloEditor portIndex={index} />
    </section>
  );
}
