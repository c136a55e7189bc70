"use client";
import Link from "next/link";
import { useEffect } from "react";
import { AlertIcon } from "@/components/ui/icons";
import { buttonClasses } from "@/components/ui/styles";

/** Unexpected failures: a calm message, a retry, and the digest to quote to the platform team. */
export function ErrorView({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="mx-auto flex max-w-md flex-col items-center px-4 py-20 text-center">
      <span className="grid size-10 place-items-center rounded-full bg-danger-soft text-danger">
        <AlertIcon className="size-5" />
      </span>
      <h1 className="mt-4 text-2xl font-semibold tracking-tight text-foreground">Something went wrong</h1>
      <p className="mt-2 text-sm text-muted">
        Hexmesh could not show this page. Try again; if it keeps failing, tell the platform team
        {error.digest ? " and quote the reference below" : ""}.
      </p>
      {error.digest && (
        <p className="mt-3 font-mono text-xs text-faint">
          Reference <span className="text-muted">{error.digest}</span>
        </p>
      )}
      <div className="mt-6 flex gap-2">
        <button type="button" onClick={reset} className={buttonClasses("primary")}>
          Try again
        </button>
        <Link href="/" className={buttonClasses("secondary")}>
          Go home
        </Link>
      </div>
    </div>
  );
}
