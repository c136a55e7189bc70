import { Fragment } from "react";

/** Plain text as owners write it, where `backticks` mark names of fields or values: shown as inline code. */
export function ProseText({ children }: { children: string }) {
  const parts = children.split(/(`[^`\n]+`)/g);
  return (
    <>
      {parts.map((part, index) =>
        part.length > 2 && part.startsWith("`") && part.endsWith("`") ? (
          <code key={index} className="rounded bg-subtle px-1 py-px font-mono text-[0.9em] text-foreground/90">
            {part.slice(1, -1)}
          </code>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}
