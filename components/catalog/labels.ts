// How the data-mesh vocabulary reads in the UI: labels and colours for statuses, archetypes, port kinds,
// classifications, and a stable colour per domain.
import type { Tone } from "@/components/ui/badge";
import type { Archetype, Classification, LifecycleStatus, OutputPortKind, SloKind } from "@/lib/generated/prisma/enums";

export const STATUS_LABELS: Record<LifecycleStatus, string> = {
  proposed: "Proposed",
  draft: "Draft",
  active: "Active",
  deprecated: "Deprecated",
  retired: "Retired",
};

export const STATUS_TONES: Record<LifecycleStatus, Tone> = {
  proposed: "violet",
  draft: "blue",
  active: "green",
  deprecated: "amber",
  retired: "muted",
};

/** Bar colours for the lifecycle mix (same hues as the badges). */
export const STATUS_BARS: Record<LifecycleStatus, string> = {
  proposed: "bg-violet-500",
  draft: "bg-sky-500",
  active: "bg-emerald-500",
  deprecated: "bg-amber-500",
  retired: "bg-zinc-400 dark:bg-zinc-500",
};

export const STATUS_ORDER: LifecycleStatus[] = ["proposed", "draft", "active", "deprecated", "retired"];

export const ARCHETYPE_LABELS: Record<Archetype, string> = {
  source_aligned: "Source-aligned",
  aggregate: "Aggregate",
  consumer_aligned: "Consumer-aligned",
};

export const ARCHETYPE_HINTS: Record<Archetype, string> = {
  source_aligned: "Facts of a domain's operational systems, as they happen",
  aggregate: "Combines several upstream products into a new whole",
  consumer_aligned: "Shaped for one use case or group of consumers",
};

export const ARCHETYPE_ORDER: Archetype[] = ["source_aligned", "aggregate", "consumer_aligned"];

export const PORT_KIND_LABELS: Record<OutputPortKind, string> = {
  table: "Table",
  files: "Files",
  events: "Events",
  api: "API",
  graph: "Graph",
};

export const CLASSIFICATION_TONES: Record<Classification, Tone> = {
  public: "green",
  internal: "neutral",
  confidential: "amber",
  restricted: "red",
};

export const SLO_KIND_LABELS: Record<SloKind, string> = {
  freshness: "Freshness",
  completeness: "Completeness",
  volume: "Volume",
  availability: "Availability",
  custom: "Custom",
};

export interface DomainTone {
  /** A solid dot or bar. */
  dot: string;
  /** Soft background with readable text. */
  soft: string;
  /** Coloured text for an icon or initial. */
  text: string;
}

const DOMAIN_TONES: DomainTone[] = [
  {
    dot: "bg-violet-500",
    soft: "bg-violet-500/10 text-violet-700 dark:text-violet-300",
    text: "text-violet-600 dark:text-violet-400",
  },
  { dot: "bg-sky-500", soft: "bg-sky-500/10 text-sky-700 dark:text-sky-300", text: "text-sky-600 dark:text-sky-400" },
  {
    dot: "bg-rose-500",
    soft: "bg-rose-500/10 text-rose-700 dark:text-rose-300",
    text: "text-rose-600 dark:text-rose-400",
  },
  {
    dot: "bg-emerald-500",
    soft: "bg-emerald-500/10 text-emerald-700 dark:text-emerald-300",
    text: "text-emerald-600 dark:text-emerald-400",
  },
  {
    dot: "bg-amber-500",
    soft: "bg-amber-500/10 text-amber-800 dark:text-amber-300",
    text: "text-amber-600 dark:text-amber-400",
  },
  {
    dot: "bg-teal-500",
    soft: "bg-teal-500/10 text-teal-700 dark:text-teal-300",
    text: "text-teal-600 dark:text-teal-400",
  },
  {
    dot: "bg-fuchsia-500",
    soft: "bg-fuchsia-500/10 text-fuchsia-700 dark:text-fuchsia-300",
    text: "text-fuchsia-600 dark:text-fuchsia-400",
  },
  {
    dot: "bg-orange-500",
    soft: "bg-orange-500/10 text-orange-800 dark:text-orange-300",
    text: "text-orange-600 dark:text-orange-400",
  },
  {
    dot: "bg-lime-500",
    soft: "bg-lime-500/10 text-lime-800 dark:text-lime-300",
    text: "text-lime-700 dark:text-lime-400",
  },
  {
    dot: "bg-indigo-500",
    soft: "bg-indigo-500/10 text-indigo-700 dark:text-indigo-300",
    text: "text-indigo-600 dark:text-indigo-400",
  },
];

/** Hash salt: any value works; this one happens to give the demo mesh's six domains six distinct hues. */
const SALT = 92;

/** A stable colour for a domain, from its top-level domain's name, so sub-domains share their parent's hue. */
export function domainTone(rootDomainName: string): DomainTone {
  let hash = 2166136261 ^ SALT;
  for (const char of rootDomainName) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 16777619);
  }
  return DOMAIN_TONES[(hash >>> 0) % DOMAIN_TONES.length];
}
