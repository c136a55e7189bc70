import Link from "next/link";
import type { ReactNode } from "react";
import {
  ARCHETYPE_HINTS,
  ARCHETYPE_LABELS,
  ARCHETYPE_ORDER,
  STATUS_BARS,
  STATUS_LABELS,
  STATUS_ORDER,
  domainTone,
} from "@/components/catalog/labels";
import { cn } from "@/components/ui/cn";
import { FolderIcon, HexagonIcon, ShareIcon, UsersIcon } from "@/components/ui/icons";
import { cardClasses } from "@/components/ui/styles";
import { Time } from "@/components/ui/time";
import type { LifecycleStatus } from "@/lib/generated/prisma/enums";
import type { MeshChangeDto, MeshDomainDto, MeshOverviewDto } from "@/lib/mesh/schemas";

function Stat({
  label,
  value,
  hint,
  icon,
  href,
}: {
  label: string;
  value: number;
  hint: string;
  icon: ReactNode;
  href?: string;
}) {
  const body = (
    <>
      <div className="flex items-center justify-between">
        <p className="text-sm font-medium text-muted">{label}</p>
        <span className="grid size-8 place-items-center rounded-lg bg-subtle text-muted transition-colors group-hover:text-brand-strong">
          {icon}
        </span>
      </div>
      <p className="mt-2 text-3xl font-semibold tracking-tight text-foreground tabular-nums">
        {value.toLocaleString("en")}
      </p>
      <p className="mt-1 text-xs text-muted">{hint}</p>
    </>
  );
  const classes = cn(cardClasses, "group block h-full px-5 py-4");
  return (
    <li>
      {href ? (
        <Link
          href={href}
          className={cn(classes, "rounded-xl transition-colors hover:border-line-strong hover:bg-subtle/40")}
        >
          {body}
        </Link>
      ) : (
        <div className={classes}>{body}</div>
      )}
    </li>
  );
}

/** The four headline numbers of the mesh. */
export function MeshStats({ counts }: { counts: MeshOverviewDto["counts"] }) {
  return (
    <ul aria-label="The mesh in numbers" className="grid grid-cols-2 gap-4 lg:grid-cols-4">
      <Stat
        label="Domains"
        value={counts.domains}
        hint={`${counts.sourceSystems} source ${counts.sourceSystems === 1 ? "system" : "systems"}`}
        icon={<FolderIcon />}
      />
      <Stat
        label="Data products"
        value={counts.products}
        hint="Visible to you"
        icon={<HexagonIcon />}
        href="/products"
      />
      <Stat
        label="Consumption edges"
        value={counts.consumptionEdges}
        hint="Input ports reading another product"
        icon={<ShareIcon />}
      />
      <Stat label="Teams" value={counts.teams} hint="Owning and consuming data" icon={<UsersIcon />} />
    </ul>
  );
}

function Panel({
  title,
  id,
  aside,
  children,
  className,
}: {
  title: string;
  id: string;
  aside?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section aria-labelledby={id} className={cn(cardClasses, "flex flex-col", className)}>
      <div className="flex items-baseline justify-between gap-4 border-b border-line px-5 py-3">
        <h2 id={id} className="text-sm font-semibold text-foreground">
          {title}
        </h2>
        {aside && <div className="text-xs text-muted">{aside}</div>}
      </div>
      <div className="flex-1 px-5 py-4">{children}</div>
    </section>
  );
}

/** Products by lifecycle status: one stacked bar and a count per status. */
export function LifecyclePanel({ byStatus, total }: { byStatus: Record<LifecycleStatus, number>; total: number }) {
  return (
    <Panel title="By lifecycle" id="lifecycle-heading" aside={`${total} products`}>
      <div className="flex h-full flex-col justify-between gap-6">
        <div className="flex h-2.5 w-full gap-0.5 overflow-hidden rounded-full bg-subtle" aria-hidden>
          {STATUS_ORDER.filter((status) => byStatus[status] > 0).map((status) => (
            <span
              key={status}
              className={cn("h-full first:rounded-l-full last:rounded-r-full", STATUS_BARS[status])}
              style={{ width: `${(byStatus[status] / Math.max(total, 1)) * 100}%` }}
            />
          ))}
        </div>
        <ul className="grid grid-cols-3 gap-4 sm:grid-cols-5">
          {STATUS_ORDER.map((status) => (
            <li key={status}>
              <p className="flex items-center gap-1.5 text-xs text-muted">
                <span aria-hidden className={cn("size-2 rounded-full", STATUS_BARS[status])} />
                {STATUS_LABELS[status]}
              </p>
              <p
                className={cn(
                  "mt-1 text-2xl font-semibold tracking-tight tabular-nums",
                  byStatus[status] ? "text-foreground" : "text-faint",
                )}
              >
                {byStatus[status]}
              </p>
            </li>
          ))}
        </ul>
      </div>
    </Panel>
  );
}

/** Products by archetype, each with a bar of its share. */
export function ArchetypePanel({ byArchetype, total }: { byArchetype: MeshOverviewDto["byArchetype"]; total: number }) {
  return (
    <Panel title="By archetype" id="archetype-heading">
      <ul className="space-y-3">
        {ARCHETYPE_ORDER.map((archetype) => (
          <li key={archetype}>
            <div className="flex items-baseline justify-between gap-3 text-sm">
              <span className="text-foreground" title={ARCHETYPE_HINTS[archetype]}>
                {ARCHETYPE_LABELS[archetype]}
              </span>
              <span className="font-medium text-foreground tabular-nums">{byArchetype[archetype]}</span>
            </div>
            <div className="mt-1.5 h-1.5 overflow-hidden rounded-full bg-subtle" aria-hidden>
              <div
                className="h-full rounded-full bg-brand"
                style={{ width: `${(byArchetype[archetype] / Math.max(total, 1)) * 100}%` }}
              />
            </div>
          </li>
        ))}
      </ul>
    </Panel>
  );
}

/** Domains as a tree with their owning team and the number of products the actor can see. */
export function DomainsPanel({ domains }: { domains: MeshDomainDto[] }) {
  const most = Math.max(1, ...domains.map((domain) => domain.productCount));
  // Products in each domain's sub-domains, so a parent with no products of its own does not look empty.
  const inSubdomains = new Map<string, number>();
  for (const domain of domains) {
    let parent = domain.parentName;
    const seen = new Set<string>();
    while (parent && !seen.has(parent)) {
      seen.add(parent);
      inSubdomains.set(parent, (inSubdomains.get(parent) ?? 0) + domain.productCount);
      parent = domains.find((candidate) => candidate.name === parent)?.parentName ?? null;
    }
  }
  return (
    <Panel title="Domains" id="domains-heading" aside={`${domains.length} in the mesh`}>
      {domains.length === 0 ? (
        <p className="text-sm text-faint">No domains yet.</p>
      ) : (
        <ul className="-my-1 divide-y divide-line">
          {domains.map((domain) => {
            const tone = domainTone(domain.parentName ?? domain.name);
            return (
              <li
                key={domain.name}
                className="flex items-center gap-3 py-2.5"
                style={{ paddingLeft: `${domain.depth * 1.25}rem` }}
              >
                <span
                  aria-hidden
                  className={cn("size-2.5 shrink-0 rounded-sm", tone.dot, domain.depth > 0 && "opacity-60")}
                />
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium text-foreground">
                    {domain.displayName}
                    <span className="ml-2 font-mono text-xs font-normal text-faint">{domain.name}</span>
                  </p>
                  <p className="truncate text-xs text-muted">
                    {domain.parentName ? "Sub-domain · " : ""}Owned by {domain.owningTeam.displayName}
                    {inSubdomains.get(domain.name) ? ` · ${inSubdomains.get(domain.name)} more in sub-domains` : ""}
                  </p>
                </div>
                <div className="hidden w-24 sm:block" aria-hidden>
                  <div className="h-1.5 overflow-hidden rounded-full bg-subtle">
                    <div
                      className={cn("h-full rounded-full", tone.dot)}
                      style={{ width: `${(domain.productCount / most) * 100}%` }}
                    />
                  </div>
                </div>
                <span className="w-20 text-right text-sm text-muted tabular-nums">
                  <span className="font-medium text-foreground">{domain.productCount}</span>{" "}
                  {domain.productCount === 1 ? "product" : "products"}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}

const VERBS: Record<string, string> = {
  created: "created",
  updated: "updated",
  deleted: "deleted",
  published: "published",
  status_changed: "changed the status of",
  deprecated: "deprecated",
  retired: "retired",
  registered: "registered",
  active: "activated",
  draft: "moved to draft",
  proposed: "proposed",
};

function describeAction(action: string): string {
  const verb = action.slice(action.indexOf(".") + 1);
  return VERBS[verb] ?? verb.replace(/[_-]+/g, " ");
}

function label(status: string): string {
  return status in STATUS_LABELS ? STATUS_LABELS[status as LifecycleStatus] : status;
}

/** The latest changes to domains and to products the actor can see. */
export function RecentChangesPanel({ changes }: { changes: MeshChangeDto[] }) {
  return (
    <Panel title="Recent changes" id="changes-heading" aside="Products and domains">
      {changes.length === 0 ? (
        <p className="text-sm text-faint">Nothing has changed yet.</p>
      ) : (
        <ol className="relative -my-1 space-y-0">
          {changes.map((change, index) => (
            <li key={change.id} className="relative flex gap-3 pb-4 last:pb-1">
              {index < changes.length - 1 && (
                <span aria-hidden className="absolute top-5 bottom-0 left-[5px] w-px bg-line" />
              )}
              <span
                aria-hidden
                className={cn(
                  "relative mt-1.5 size-[11px] shrink-0 rounded-full border-2 border-surface ring-1 ring-line-strong",
                  change.entity.kind === "product" ? domainTone(change.entity.ref.split("/")[0]).dot : "bg-faint",
                )}
              />
              <div className="min-w-0 flex-1 text-sm">
                <p className="text-foreground">
                  <span className="font-medium">{change.actor?.name ?? change.actor?.email ?? "Hexmesh"}</span>{" "}
                  <span className="text-muted">{describeAction(change.action)}</span>{" "}
                  {change.entity.href ? (
                    <Link href={change.entity.href} className="font-medium underline-offset-4 hover:underline">
                      {change.entity.label}
                    </Link>
                  ) : (
                    <span className="font-medium">
                      {change.entity.label} <span className="font-normal text-muted">domain</span>
                    </span>
                  )}
                </p>
                <p className="mt-0.5 text-xs text-muted">
                  <Time date={change.at} format="relative" />
                  {change.statusChange?.from &&
                    change.statusChange.to &&
                    change.statusChange.from !== change.statusChange.to && (
                      <>
                        {" · "}
                        {label(change.statusChange.from)} → {label(change.statusChange.to)}
                      </>
                    )}
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
