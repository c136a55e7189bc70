"use client";
import { useActionState, useState } from "react";
import { buttonClasses } from "@/components/ui/styles";
import { revokeApiTokenAction } from "@/lib/tokens/actions";

/** Revoke, after a confirmation step: the first click asks, the second revokes. */
export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const [state, formAction, pending] = useActionState(revokeApiTokenAction, null);
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button
        type="button"
        className={buttonClasses("danger", "sm")}
        aria-label={`Revoke token ${name}`}
        onClick={() => setConfirming(true)}
      >
        Revoke
      </button>
    );
  }
  return (
    <form action={formAction} className="flex flex-wrap items-center justify-end gap-2">
      <input type="hidden" name="tokenId" value={tokenId} />
      <span id={`revoke-${tokenId}-question`} className="text-xs text-muted">
        Calls with this token will fail at once.
      </span>
      <button
        type="submit"
        disabled={pending}
        aria-describedby={`revoke-${tokenId}-question`}
        className={buttonClasses("danger", "sm")}
      >
        {pending ? "Revoking…" : `Confirm revoking ${name}`}
      </button>
      <button type="button" className={buttonClasses("ghost", "sm")} onClick={() => setConfirming(false)}>
        Cancel
      </button>
      {state && !state.ok && (
        <p role="alert" className="w-full text-right text-xs text-danger">
          {state.message}
        </p>
      )}
    </form>
  );
}
