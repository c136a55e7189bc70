import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { ProseText } from "@/components/ui/prose-text";
import { cardClasses } from "@/components/ui/styles";
import type { SloKind } from "@/lib/generated/prisma/enums";
import type { OutputPortDto, SloDto } from "@/lib/products/schemas";
import { SLO_KIND_LABELS } from "./labels";

const KIND_ORDER = Object.keys(SLO_KIND_LABELS) as SloKind[];

function formatNumber(value: number): string {
  return value.toLocaleString("en", { maximumFractionDigits: 3 });
}

export function formatThreshold(slo: Pick<SloDto, "threshold" | "unit">): string {
  if (slo.unit === "%" || slo.unit === "percent") return `${formatNumber(slo.threshold)}%`;
  return `${formatNumber(slo.threshold)} ${slo.unit}`;
}

/** How long the objective may be missed within its window and still meet its target, e.g. "7.2 hours". */
function errorBudget(slo: Pick<SloDto, "target" | "windowDays">): string {
  const hours = ((100 - slo.target) / 100) * slo.windowDays * 24;
  if (hours <= 0) return "none";
  return hours >= 48 ? `${formatNumber(hours / 24)} days` : `${formatNumber(Math.round(hours * 10) / 10)} hours`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** An objective in words; its name is left out where it only repeats the kind heading above it. */
function ObjectiveText({ slo }: { slo: SloDto }) {
  const showName = slo.name !== SLO_KIND_LABELS[slo.kind] || !slo.objective;
  return (
    <>
      {showName && <span className="font-medium text-foreground">{slo.name}</span>}
      {slo.objective && (
        <p className={showName ? "mt-0.5 text-muted" : "text-foreground"}>
          <ProseText>{slo.objective}</ProseText>
        </p>
      )}
    </>
  );
}

/** The anchor of a port's objectives in the summary, for links from the port cards. */
export function sloAnchor(portName: string): string {
  return `slos-${portName}`;
}

/** Label, classes and an optional explanation of each column of a port's objectives. */
const COLUMNS: [string, string, string?][] = [
  ["Objective", "w-full"],
  ["Threshold", "text-right"],
  ["Target", "text-right", "Share of the window in which the objective must hold"],
  ["Window", "text-right"],
  ["Error budget", "text-right", "How long the objective may be missed in its window while still meeting its target"],
];

function PortObjectives({ port }: { port: OutputPortDto }) {
  const groups = KIND_ORDER.map((kind) => ({ kind, slos: port.slos.filter((slo) => slo.kind === kind) })).filter(
    (group) => group.slos.length > 0,
  );
  return (
    <div id={sloAnchor(port.name)} className="scroll-mt-20 space-y-2">
      <h3 className="flex flex-wrap items-baseline gap-x-2 text-sm font-semibold text-foreground">
        {port.displayName}
        <span className="font-mono text-xs font-normal text-faint">{port.name}</span>
        <span className="text-xs font-normal text-muted">{plural(port.slos.length, "objective")}</span>
      </h3>
      <div className="relative overflow-x-auto rounded-lg border border-line">
        <table className="data-table min-w-[640px]">
          <caption className="sr-only">Service-level objectives of {port.displayName}, by kind</caption>
          <thead className="bg-subtle/60">
            <tr>
              {COLUMNS.map(([label, className, hint]) => (
                <th key={label} scope="col" className={className}>
                  {hint ? (
                    <abbr title={hint} className="no-underline">
                      {label}
                    </abbr>
                  ) : (
                    label
                  )}
                </th>
              ))}
            </tr>
          </thead>
          {groups.map((group) => (
            <tbody key={group.kind} className="border-b border-line last:border-b-0">
              <tr>
                <th scope="rowgroup" colSpan={COLUMNS.length} className="bg-subtle/30 py-1.5">
                  <Badge tone="neutral">{SLO_KIND_LABELS[group.kind]}</Badge>
                </th>
              </tr>
              {group.slos.map((slo) => (
                <tr key={slo.id}>
                  <td>
                    <ObjectiveText slo={slo} />
                  </td>
                  <td className="figure text-foreground">{formatThreshold(slo)}</td>
                  <td className="figure text-foreground">{formatNumber(slo.target)}%</td>
                  <td className="figure">{plural(slo.windowDays, "day")}</td>
                  <td className="figure">{errorBudget(slo)}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </div>
  );
}

/**
 * The service-level objectives of all output ports: a summary line, the kinds promised, and per port the
 * objectives grouped by kind. Hexmesh records no SLO measurements yet, so no status is shown.
 */
export function SloSummary({ ports }: { ports: OutputPortDto[] }) {
  const withSlos = ports.filter((port) => port.slos.length > 0);
  const without = ports.filter((port) => port.slos.length === 0);
  const all = ports.flatMap((port) => port.slos);
  const kinds = KIND_ORDER.map((kind) => ({ kind, count: all.filter((slo) => slo.kind === kind).length })).filter(
    (entry) => entry.count > 0,
  );
  return (
    <section aria-labelledby="slos-heading" className={cn(cardClasses, "space-y-5 px-5 py-5")}>
      <div className="space-y-2">
        <h2 id="slos-heading" className="text-lg font-semibold tracking-tight text-foreground">
          Service-level objectives
        </h2>
        {all.length === 0 ? (
          <p className="text-sm text-muted">
            {ports.length === 0
              ? "This product serves no output ports, so it promises no objectives."
              : "The owning team promises no service-level objectives on this product's ports yet."}
          </p>
        ) : (
          <>
            <p className="text-sm text-foreground">
              {plural(all.length, "objective")} on {plural(withSlos.length, "port")}
              {without.length > 0 && (
                <span className="text-muted"> · {plural(without.length, "port")} without objectives</span>
              )}
            </p>
            <ul className="flex flex-wrap gap-1.5" aria-label="Objectives by kind">
              {kinds.map((entry) => (
                <li key={entry.kind}>
                  <Badge tone="neutral">
                    {SLO_KIND_LABELS[entry.kind]} <span className="text-muted tabular-nums">{entry.count}</span>
                  </Badge>
                </li>
              ))}
            </ul>
            <p className="text-sm text-muted">
              <strong className="font-medium text-foreground">No measurements yet.</strong> These are the owning
              team&apos;s promises; Hexmesh does not record SLO results yet, so no status or error-budget use is shown.
            </p>
          </>
        )}
      </div>
      {withSlos.map((port) => (
        <PortObjectives key={port.id} port={port} />
      ))}
    </section>
  );
}
