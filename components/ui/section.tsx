import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { cardClasses } from "@/components/ui/styles";

/** A titled card section with an optional count next to the heading. */
export function Section({
  id,
  title,
  count,
  children,
}: {
  id: string;
  title: string;
  count?: number;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <div className="flex items-baseline gap-2">
        <h2 id={id} className="text-lg font-semibold tracking-tight text-foreground">
          {title}
        </h2>
        {count !== undefined && <span className="text-sm text-muted tabular-nums">{count}</span>}
      </div>
      {children}
    </section>
  );
}

/** A plain card list; each child is one `li`. */
export function CardList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ul aria-label={label} className={cn(cardClasses, "divide-y divide-line")}>
      {children}
    </ul>
  );
}

export function Muted({ children }: { children: ReactNode }) {
  return <p className="text-sm text-muted">{children}</p>;
}
