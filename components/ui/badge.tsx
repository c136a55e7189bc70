import type { ReactNode } from "react";
import { cn } from "./cn";

export type Tone = "neutral" | "brand" | "green" | "amber" | "red" | "blue" | "violet" | "teal" | "rose" | "muted";

/**
 * A small label. `dot` adds a status dot before the text. Its styles are the `badge` classes of app/globals.css, so
 * that tables with a badge per row stay light.
 */
export function Badge({
  tone = "neutral",
  dot = false,
  className,
  title,
  children,
}: {
  tone?: Tone;
  dot?: boolean;
  className?: string;
  title?: string;
  children: ReactNode;
}) {
  return (
    <span title={title} className={cn("badge", `badge-${tone}`, dot && "badge-dot", className)}>
      {children}
    </span>
  );
}

/** A tag as written by product owners: quiet, monospace-free, `#`-less. */
export function Tag({ children }: { children: ReactNode }) {
  return <span className="tag">{children}</span>;
}
