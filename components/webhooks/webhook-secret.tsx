"use client";
import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { buttonClasses, inputClasses } from "@/components/ui/styles";

/** A signing secret in clear, shown once after creation or rotation, with a copy button. */
export function WebhookSecret({ secret, id, heading }: { secret: string; id: string; heading: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="space-y-2 rounded-lg border border-success/40 bg-success-soft px-4 py-3 text-sm">
      <p className="font-medium text-foreground">
        {heading} Copy the signing secret now: Hexmesh stores it encrypted and will not show it again.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={id} className="sr-only">
          Signing secret
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
          {copied ? "Copied" : "Copy secret"}
        </button>
      </div>
      <p className="text-xs text-muted">
        Verify the <code className="font-mono">webhook-signature</code> header of each request with it (Standard
        Webhooks: HMAC-SHA256 of <code className="font-mono">id.timestamp.body</code>).
      </p>
    </div>
  );
}
