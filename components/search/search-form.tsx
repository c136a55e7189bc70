"use client";

import Form from "next/form";
import Link from "next/link";
import { useEffect, useRef, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { buttonClasses, inputClasses } from "@/components/ui/styles";
import type { FacetValueDto, SearchFacetsDto, SearchQuery } from "@/lib/search/schemas";
import { searchHref } from "@/lib/search/schemas";
import { ARCHETYPE_LABELS, PORT_KIND_LABELS, STATUS_LABELS } from "@/components/catalog/labels";

type FacetName = Exclude<keyof SearchFacetsDto, "total" | "capped" | "tagsEstimated">;

const FACETS: { name: FacetName; legend: string; labels?: Record<string, string> }[] = [
  { name: "domain", legend: "Domain" },
  { name: "team", legend: "Owning team" },
  { name: "status", legend: "Lifecycle status", labels: STATUS_LABELS },
  { name: "archetype", legend: "Archetype", labels: ARCHETYPE_LABELS },
  { name: "kind", legend: "Output port kind", labels: PORT_KIND_LABELS },
  { name: "tag", legend: "Tag" },
  { name: "pii", legend: "Personal data", labels: { true: "Contains PII" } },
];

/** Whether a key press happens while typing somewhere (then `/` is a character, not a shortcut). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The catalog search: one box and the facets, as a GET form, so the URL holds the whole search (shareable, the
 * back button works) and it works without JavaScript. With it, a facet applies as soon as it is ticked and `/`
 * focuses the box. The results are the children, placed beside the facets.
 */
export function SearchForm({
  query,
  facets,
  children,
}: {
  query: SearchQuery;
  facets: SearchFacetsDto;
  children: ReactNode;
}) {
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      event.preventDefault();
      box.current?.focus();
      box.current?.select();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const filtered = FACETS.some(({ name }) => facets[name].some((value) => value.selected));
  return (
    // Keyed by the search: after a navigation the inputs show the new URL, not what the old form held.
    <Form key={searchHref(query)} action="/products" role="search" aria-label="Data products" className="space-y-5">
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-64 flex-1">
          <label htmlFor="catalog-q" className="text-sm font-medium text-foreground">
            Search data products
          </label>
          <div className="relative mt-1">
            <input
              ref={box}
              id="catalog-q"
              name="q"
              type="search"
              defaultValue={query.q}
              maxLength={200}
              autoComplete="off"
              aria-describedby="catalog-q-hint"
              placeholder="Names, descriptions, tags, ports, fields, glossary terms"
              className={cn(inputClasses, "h-10 pr-10")}
            />
            <kbd
              aria-hidden="true"
              className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 rounded border border-line px-1.5 font-mono text-xs text-faint"
            >
              /
            </kbd>
          </div>
        </div>
        <button type="submit" className={buttonClasses("primary", "lg")}>
          Search
        </button>
      </div>
      <p id="catalog-q-hint" className="-mt-3 text-xs text-muted">
        Press <kbd className="font-mono">/</kbd> to search from anywhere on this page. Use quotes for a phrase,{" "}
        <code className="font-mono">-word</code> to leave a word out and <code className="font-mono">or</code> for
        either.
      </p>

      <div className="grid items-start gap-6 lg:grid-cols-[15rem_minmax(0,1fr)]">
        <div className="space-y-5" aria-label="Filters" role="group">
          <div className="flex items-center justify-between">
            <h2 className="text-sm font-semibold text-foreground">Filters</h2>
            {filtered && (
              <Link href={searchHref({ q: query.q })} className="rounded text-xs text-brand hover:underline">
                Clear filters
              </Link>
            )}
          </div>
          {FACETS.map(({ name, legend, labels }) => (
            <FacetGroup
              key={name}
              name={name}
              legend={name === "tag" && facets.tagsEstimated ? `${legend} (estimated counts)` : legend}
              labels={labels}
              values={facets[name]}
            />
          ))}
          <noscript>
            <button type="submit" className={buttonClasses("secondary", "sm")}>
              Apply filters
            </button>
          </noscript>
        </div>
        <div className="min-w-0 space-y-4">{children}</div>
      </div>
    </Form>
  );
}

function FacetGroup({
  name,
  legend,
  labels,
  values,
}: {
  name: FacetName;
  legend: string;
  labels?: Record<string, string>;
  values: FacetValueDto[];
}) {
  if (values.length === 0) return null;
  // The list is long (every domain, team and top tag): the classes of its labels and boxes are set once on the
  // list, not on each of them, which keeps the page (HTML and RSC payload) small. A label wrapping its box names it.
  return (
    <fieldset>
      <legend className="text-xs font-semibold tracking-wide text-muted uppercase">{legend}</legend>
      <ul className="mt-2 max-h-64 space-y-0.5 overflow-y-auto pr-1 [&_input]:size-4 [&_input]:shrink-0 [&_input]:accent-(--color-brand) [&_label]:flex [&_label]:cursor-pointer [&_label]:items-center [&_label]:gap-2 [&_label]:rounded-md [&_label]:px-1 [&_label]:py-1 [&_label]:text-sm [&_label]:text-foreground/90 [&_label:hover]:bg-subtle">
        {values.map((value) => (
          <li key={value.value} style={value.depth > 0 ? { paddingLeft: `${value.depth * 0.875}rem` } : undefined}>
            <label>
              <input
                type="checkbox"
                name={name}
                value={name === "pii" ? "1" : value.value}
                defaultChecked={value.selected}
                onChange={(event) => event.currentTarget.form?.requestSubmit()}
              />
              <span className="min-w-0 flex-1 truncate">{labels?.[value.value] ?? value.label}</span>
              <span className="text-xs text-muted tabular-nums">{value.count}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
