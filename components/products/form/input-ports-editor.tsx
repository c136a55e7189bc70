"use client";
// What the product consumes: output ports of other products (found by a search) or its domain's source systems.
import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useId, useState } from "react";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { StatusBadge } from "@/components/catalog/badges";
import { cn } from "@/components/ui/cn";
import { buttonClasses, cardClasses, inputClasses } from "@/components/ui/styles";
import { findUpstreamPortsAction } from "@/lib/products/actions";
import type { ProductInput } from "@/lib/products/input";
import { fieldId, ListButton, useFieldError } from "./fields";

export function InputPortsEditor({
  sourceSystems,
}: {
  /** Source systems per domain name: the product may read those of its own domain. */
  sourceSystems: Record<string, { name: string; displayName: string }[]>;
}) {
  const { control, register } = useFormContext<ProductInput>();
  const { fields, append, remove } = useFieldArray({ control, name: "inputPorts" });
  const inputs = useWatch({ control, name: "inputPorts" }) ?? [];
  const [domain, name] = useWatch({ control, name: ["domain", "name"] });
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim());
  const searchId = useId();
  const listError = useFieldError("inputPorts");
  const results = useQuery({
    queryKey: ["upstream-ports", q],
    queryFn: () => findUpstreamPortsAction(q),
    enabled: q.length >= 2,
    staleTime: 30_000,
  });
  const taken = new Set(
    inputs.map((input) =>
      input.source === "product" ? `${input.product}#${input.port}` : `system:${input.sourceSystem}`,
    ),
  );
  const systems = sourceSystems[domain ?? ""] ?? [];

  return (
    <section aria-labelledby="inputs-title" className={cn(cardClasses, "space-y-4 p-5")}>
      <h2 id="inputs-title" className="text-base font-semibold text-foreground">
        Input ports
      </h2>
      <p className="text-sm text-muted">
        What this product reads: other products&apos; output ports, or source systems of its domain.
      </p>
      {listError && <p className="text-xs text-danger">{listError}</p>}
      {fields.length > 0 && (
        <ul className="space-y-2">
          {fields.map((field, index) => {
            const input = inputs[index];
            const label =
              input?.source === "product"
                ? `${input.product} › ${input.port}`
                : `Source system ${input?.sourceSystem ?? ""}`;
            return (
              <li key={field.id} className="rounded-lg border border-line p-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-mono text-sm text-foreground">{label}</span>
                  <ListButton label={`Remove input ${label}`} onClick={() => remove(index)}>
                    ✕
                  </ListButton>
                </div>
                <label htmlFor={fieldId(`inputPorts.${index}.description`)} className="mt-2 block text-xs text-muted">
                  What it is used for (optional)
                </label>
                <input
                  id={fieldId(`inputPorts.${index}.description`)}
                  {...register(`inputPorts.${index}.description`)}
                  className={cn(inputClasses, "mt-1 h-8 text-xs")}
                />
                <InputError index={index} />
              </li>
            );
          })}
        </ul>
      )}

      <div className="grid gap-4 lg:grid-cols-2">
        <div>
          <label htmlFor={searchId} className="block text-sm font-medium text-foreground">
            Consume an output port
          </label>
          <input
            id={searchId}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder="Search products by name, field, tag…"
            className={cn(inputClasses, "mt-1 h-9")}
          />
          <div aria-live="polite" className="mt-2">
            {q.length >= 2 && results.isPending && <p className="text-xs text-muted">Searching…</p>}
            {results.isError && <p className="text-xs text-danger">The search failed; try again.</p>}
            {results.data && results.data.length === 0 && <p className="text-xs text-muted">No output ports match.</p>}
            {results.data && results.data.length > 0 && (
              <ul className="max-h-64 space-y-1 overflow-y-auto" aria-label="Output ports found">
                {results.data.map(({ product, port }) => {
                  const key = `${product.ref}#${port.name}`;
                  const self = product.ref === `${domain}/${name}`;
                  return (
                    <li
                      key={key}
                      className="flex items-center justify-between gap-2 rounded-md px-2 py-1 hover:bg-subtle"
                    >
                      <span className="min-w-0 text-sm">
                        <span className="text-foreground">{product.displayName}</span>{" "}
                        <span className="font-mono text-xs text-muted">
                          {product.ref} › {port.name}
                        </span>{" "}
                        <StatusBadge status={product.status} />
                      </span>
                      <button
                        type="button"
                        className={buttonClasses("secondary", "sm")}
                        disabled={taken.has(key) || self}
                        onClick={() =>
                          append({ source: "product", product: product.ref, port: port.name, description: "" })
                        }
                        aria-label={`${taken.has(key) ? "Added" : "Add"} ${product.ref} › ${port.name} as an input`}
                      >
                        {taken.has(key) ? "Added" : "Add"}
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        </div>
        <div>
          <p className="text-sm font-medium text-foreground">Read a source system</p>
          {systems.length === 0 ? (
            <p className="mt-1 text-xs text-muted">The chosen domain has no source systems.</p>
          ) : (
            <ul className="mt-1 space-y-1">
              {systems.map((system) => (
                <li
                  key={system.name}
                  className="flex items-center justify-between gap-2 rounded-md px-2 py-1 hover:bg-subtle"
                >
                  <span className="text-sm text-foreground">
                    {system.displayName} <span className="font-mono text-xs text-muted">{system.name}</span>
                  </span>
                  <button
                    type="button"
                    className={buttonClasses("secondary", "sm")}
                    disabled={taken.has(`system:${system.name}`)}
                    onClick={() => append({ source: "source-system", sourceSystem: system.name, description: "" })}
                    aria-label={`${taken.has(`system:${system.name}`) ? "Added" : "Add"} source system ${system.displayName} as an input`}
                  >
                    {taken.has(`system:${system.name}`) ? "Added" : "Add"}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}

function InputError({ index }: { index: number }) {
  const error = useFieldError(`inputPorts.${index}`);
  return error ? <p className="mt-1 text-xs text-danger">{error}</p> : null;
}
