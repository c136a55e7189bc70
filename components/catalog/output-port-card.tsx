import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { FileIcon, PlugIcon, ShareIcon, TableIcon, ZapIcon } from "@/components/ui/icons";
import { ProseText } from "@/components/ui/prose-text";
import { buttonClasses, cardClasses } from "@/components/ui/styles";
import type { OutputPortKind } from "@/lib/generated/prisma/enums";
import type { OutputPortDto } from "@/lib/products/schemas";
import { PORT_KIND_LABELS } from "./labels";
import { SchemaTable } from "./schema-table";
import { sloAnchor } from "./slo-summary";

const KIND_ICONS: Record<OutputPortKind, typeof TableIcon> = {
  table: TableIcon,
  files: FileIcon,
  events: ZapIcon,
  api: PlugIcon,
  graph: ShareIcon,
};

const SERVER_LABELS: Record<string, string> = {
  host: "Host",
  port: "Port",
  database: "Database",
  schema: "Schema",
  table: "Table",
  bucket: "Bucket",
  path: "Path",
  location: "Location",
  topic: "Topic",
  url: "URL",
  endpoint: "Endpoint",
  region: "Region",
  catalog: "Catalog",
  project: "Project",
  dataset: "Dataset",
  format: "Format",
  delimiter: "Delimiter",
};

function serverLabel(key: string): string {
  return (
    SERVER_LABELS[key] ??
    key
      .replace(/[_-]+/g, " ")
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .replace(/^./, (c) => c.toUpperCase())
  );
}

/**
 * One output port: how to reach it, its schema in order, and a link to its SLOs in the summary; `requestHref` links to
 * the access request form when the product takes requests.
 */
export function OutputPortCard({ port, requestHref }: { port: OutputPortDto; requestHref: string | null }) {
  const Icon = KIND_ICONS[port.kind];
  const headingId = `port-${port.name}`;
  return (
    <article aria-labelledby={headingId} className={cn(cardClasses, "overflow-hidden")}>
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-line px-5 py-4">
        <div className="flex min-w-0 items-start gap-3">
          <span className="mt-0.5 grid size-8 shrink-0 place-items-center rounded-lg bg-brand-soft text-brand-strong">
            <Icon className="size-4" />
          </span>
          <div className="min-w-0">
            <h3 id={headingId} className="font-semibold text-foreground">
              {port.displayName}
            </h3>
            <p className="font-mono text-xs text-faint">{port.name}</p>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-1.5">
          <Badge tone="neutral">{PORT_KIND_LABELS[port.kind]}</Badge>
          <Badge tone="neutral" className="font-mono">
            {port.format}
          </Badge>
          <Badge tone="brand" title="Version of the data contract of this port">
            Contract v{port.contractVersion}
          </Badge>
        </div>
      </header>

      <div className="space-y-6 px-5 py-5">
        {port.description && (
          <p className="max-w-3xl text-sm leading-6 text-muted">
            <ProseText>{port.description}</ProseText>
          </p>
        )}

        <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <section
            aria-label={`Where ${port.displayName} is served`}
            className="rounded-lg border border-line bg-subtle/50 px-4 py-3"
          >
            <h4 className="mb-2 text-xs font-medium tracking-wide text-muted uppercase">
              Server{" "}
              {port.server.type && (
                <span className="ml-1 font-mono normal-case text-foreground">{port.server.type}</span>
              )}
            </h4>
            {port.server.entries.length === 0 ? (
              <p className="text-sm text-faint">No location recorded.</p>
            ) : (
              <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-6 gap-y-1.5 text-sm">
                {port.server.entries.map((entry) => (
                  <div key={entry.key} className="contents">
                    <dt className="text-muted">{serverLabel(entry.key)}</dt>
                    <dd className="font-mono text-[13px] break-all text-foreground">{entry.value}</dd>
                  </div>
                ))}
              </dl>
            )}
          </section>
          <section aria-label={`Access to ${port.displayName}`} className="rounded-lg border border-line px-4 py-3">
            <h4 className="mb-2 text-xs font-medium tracking-wide text-muted uppercase">Access</h4>
            <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-6 gap-y-1.5 text-sm">
              <dt className="text-muted">Approval</dt>
              <dd className="text-foreground">{port.autoApprove ? "Automatic" : "By the owning team"}</dd>
              <dt className="text-muted">Longest grant</dt>
              <dd className="text-foreground">
                {port.maxGrantDays ? `${port.maxGrantDays} days` : "Platform default"}
              </dd>
            </dl>
            {requestHref && (
              <Link
                href={requestHref}
                aria-label={`Request access to ${port.displayName}`}
                className={cn(buttonClasses("primary", "sm"), "mt-3")}
              >
                Request access
              </Link>
            )}
          </section>
        </div>

        <section aria-labelledby={`${headingId}-schema`}>
          <h4
            id={`${headingId}-schema`}
            className="mb-2 flex items-baseline gap-2 text-sm font-semibold text-foreground"
          >
            Schema <span className="text-xs font-normal text-muted">{port.fields.length} fields</span>
          </h4>
          {port.fields.length === 0 ? (
            <p className="text-sm text-faint">No schema recorded for this port.</p>
          ) : (
            <SchemaTable fields={port.fields} caption={`Schema of ${port.displayName}`} />
          )}
        </section>

        <p className="text-sm text-muted">
          {port.slos.length === 0 ? (
            "This port promises no service-level objectives yet."
          ) : (
            <a href={`#${sloAnchor(port.name)}`} className="underline-offset-4 hover:text-foreground hover:underline">
              {port.slos.length} service-level {port.slos.length === 1 ? "objective" : "objectives"} on this port
            </a>
          )}
        </p>
      </div>
    </article>
  );
}
