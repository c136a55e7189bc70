"use client";
import { useState, type ReactNode } from "react";
import { cn } from "./cn";
import { buttonClasses, inputClasses } from "./styles";

/** A secret in clear, shown once (a new API token, a webhook signing secret), with a copy button and a hint. */
export function SecretOnce({
  id,
  secret,
  label,
  message,
  hint,
}: {
  id: string;
  secret: string;
  /** What the secret is, e.g. "New API token"; the copy button says "Copy" and its last word. */
  label: string;
  message: ReactNode;
  hint: ReactNode;
}) {
  const [copied, setCopied] = useState(false);
  const noun = label.split(" ").at(-1)?.toLowerCase();
  return (
    <div role="status" className="space-y-2 rounded-lg border border-success/40 bg-success-soft px-4 py-3 text-sm">
      <p className="font-medium text-foreground">{message}</p>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={id} className="sr-only">
          {label}
        </label>
        <input
          id={id}
          readOnly
          value={secret}
          onFocus={(event) => event.currentTarget.select()}
          className={cn(inputClasses, "h-9 min-w-0 flex-1 font-mono text-xs")}
        />
        <button
          type="button"
          className={buttonClasses("secondary", "md")}
          onClick={async () => {
            await navigator.clipboard.writeText(secret);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : `Copy ${noun}`}
        </button>
      </div>
      <p className="text-xs text-muted">{hint}</p>
    </div>
  );
}
