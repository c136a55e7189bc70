import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { Archetype, LifecycleStatus } from "@/lib/generated/prisma/enums";
import { ARCHETYPE_HINTS, ARCHETYPE_LABELS, STATUS_LABELS, STATUS_TONES, domainTone } from "./labels";

export function StatusBadge({ status }: { status: LifecycleStatus }) {
  return (
    <Badge tone={STATUS_TONES[status]} dot>
      {STATUS_LABELS[status]}
    </Badge>
  );
}

export function ArchetypeBadge({ archetype }: { archetype: Archetype }) {
  return (
    <Badge tone="neutral" title={ARCHETYPE_HINTS[archetype]}>
      {ARCHETYPE_LABELS[archetype]}
    </Badge>
  );
}

/** A domain name with its colour dot. */
export function DomainLabel({
  name,
  displayName,
  parent,
  className,
}: {
  name: string;
  displayName: string;
  parent?: { name: string; displayName: string } | null;
  className?: string;
}) {
  const tone = domainTone(parent?.name ?? name);
  return (
    <span className={cn("inline-flex min-w-0 items-center gap-1.5", className)}>
      <span aria-hidden className={cn("size-2 shrink-0 rounded-full", tone.dot)} />
      <span className="truncate">
        {parent && <span className="text-muted">{parent.displayName} / </span>}
        {displayName}
      </span>
    </span>
  );
}
