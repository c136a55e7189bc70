"use client";
import { useActionState } from "react";
import { cn } from "@/components/ui/cn";
import { AlertIcon } from "@/components/ui/icons";
import { SecretOnce } from "@/components/ui/secret-once";
import { buttonClasses, inputClasses } from "@/components/ui/styles";
import { createApiTokenAction } from "@/lib/tokens/actions";
import { TOKEN_EXPIRY_CHOICES } from "@/lib/tokens/schemas";

function FieldError({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="mt-1.5 text-xs text-danger">
      {messages.join(" ")}
    </p>
  );
}

/** Makes a personal API token: a name and an expiry. */
export function CreateTokenForm() {
  const [state, formAction, pending] = useActionState(createApiTokenAction, null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : {};
  return (
    <div className="space-y-4">
      {state?.ok && (
        <SecretOnce
          key={state.data.token}
          id="new-token"
          secret={state.data.token}
          label="New API token"
          message={`Token “${state.data.summary.name}” created. Copy it now: Hexmesh keeps only a hash of it and will not show it again.`}
          hint={
            <>
              Use it as <code className="font-mono">Authorization: Bearer {state.data.token.slice(0, 12)}…</code> in
              calls to the REST API.
            </>
          }
        />
      )}
      <form action={formAction} className="flex flex-wrap items-start gap-4" noValidate>
        {state && !state.ok && (
          <div
            role="alert"
            className="flex w-full gap-2.5 rounded-lg border border-danger/30 bg-danger-soft px-3 py-2.5 text-sm text-foreground"
          >
            <AlertIcon className="mt-0.5 size-4 shrink-0 text-danger" />
            <p>{state.message}</p>
          </div>
        )}
        <div className="min-w-64 flex-1">
          <label htmlFor="token-name" className="mb-1.5 block text-sm font-medium text-foreground">
            Token name
          </label>
          <input
            id="token-name"
            name="name"
            required
            maxLength={80}
            placeholder="e.g. podcasts CI pipeline"
            aria-invalid={fieldErrors.name ? true : undefined}
            aria-describedby={fieldErrors.name ? "token-name-error" : undefined}
            className={cn(inputClasses, "h-9")}
          />
          <FieldError id="token-name-error" messages={fieldErrors.name} />
        </div>
        <div>
          <label htmlFor="token-expiry" className="mb-1.5 block text-sm font-medium text-foreground">
            Expires after
          </label>
          <select
            id="token-expiry"
            name="expiresIn"
            defaultValue="90"
            aria-invalid={fieldErrors.expiresIn ? true : undefined}
            aria-describedby={fieldErrors.expiresIn ? "token-expiry-error" : undefined}
            className={cn(inputClasses, "h-9 w-40")}
          >
            {TOKEN_EXPIRY_CHOICES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
          <FieldError id="token-expiry-error" messages={fieldErrors.expiresIn} />
        </div>
        <button type="submit" disabled={pending} className={buttonClasses("primary", "md", "mt-7")}>
          {pending ? "Creating…" : "Create token"}
        </button>
      </form>
    </div>
  );
}
