import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { cardClasses } from "@/components/ui/styles";
import type { DomainNodeDto } from "@/lib/domains/schemas";

function DomainRow({ domain, depth }: { domain: DomainNodeDto; depth: number }) {
  return (
    <li>
      <div
        className={cn(
          "flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-3 pr-5",
          depth ? "pl-10" : "pl-5",
        )}
      >
        <div className="min-w-0">
          <Link
            href={`/domains/${encodeURIComponent(domain.name)}`}
            className="font-medium text-foreground underline-offset-4 hover:underline"
          >
            {domain.displayName}
          </Link>{" "}
          <span className="font-mono text-xs text-faint">{domain.name}</span>
          {domain.description && <p className="mt-0.5 line-clamp-2 text-[13px] text-muted">{domain.description}</p>}
        </div>
        <dl className="flex shrink-0 gap-4 text-xs text-muted">
          <div className="flex gap-1">
            <dt>Owning team</dt>
            <dd>
              <Link
                href={`/teams/${encodeURIComponent(domain.owningTeam.name)}`}
                className="text-foreground underline-offset-4 hover:underline"
              >
                {domain.owningTeam.displayName}
              </Link>
            </dd>
          </div>
          <div className="flex gap-1">
            <dt>Products</dt>
            <dd className="text-foreground tabular-nums">{domain.productCount}</dd>
          </div>
          <div className="flex gap-1">
            <dt>Source systems</dt>
            <dd className="text-foreground tabular-nums">{domain.sourceSystemCount}</dd>
          </div>
        </dl>
      </div>
      {domain.children.length > 0 && (
        <ul aria-label={`Sub-domains of ${domain.displayName}`} className="divide-y divide-line border-t border-line">
          {domain.children.map((child) => (
            <DomainRow key={child.name} domain={child} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The domain tree: top-level domains with their sub-domains nested below them. */
export function DomainTree({ domains }: { domains: DomainNodeDto[] }) {
  return (
    <ul aria-label="Domains" className={cn(cardClasses, "divide-y divide-line")}>
      {domains.map((domain) => (
        <DomainRow key={domain.name} domain={domain} depth={0} />
      ))}
    </ul>
  );
}
