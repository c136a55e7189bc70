"use client";
import { useActionState, useState } from "react";
import { cn } from "@/components/ui/cn";
import { AlertIcon } from "@/components/ui/icons";
import { buttonClasses, inputClasses } from "@/components/ui/styles";
import { signInAction } from "@/lib/auth/actions";

function FieldError({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="mt-1.5 text-xs text-danger">
      {messages.join(" ")}
    </p>
  );
}

/** Email and password sign-in. Errors: per field (tied with aria-describedby) and for the form (role="alert"). */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction, pending] = useActionState(signInAction, null);
  // Kept in state so the address survives the form reset after a failed attempt.
  const [email, setEmail] = useState("");
  const fieldErrors = state && !state.ok ? state.fieldErrors : {};
  const emailError = fieldErrors.email;
  const passwordError = fieldErrors.password;

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state && !state.ok && (
        <div
          role="alert"
          className="flex gap-2.5 rounded-lg border border-danger/30 bg-danger-soft px-3 py-2.5 text-sm text-foreground"
        >
          <AlertIcon className="mt-0.5 size-4 shrink-0 text-danger" />
          <p>{state.message}</p>
        </div>
      )}
      <div>
        <label htmlFor="email" className="mb-1.5 block text-sm font-medium text-foreground">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          autoFocus
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? "email-error" : undefined}
          className={cn(inputClasses, "h-10")}
          placeholder="you@company.com"
        />
        <FieldError id="email-error" messages={emailError} />
      </div>
      <div>
        <label htmlFor="password" className="mb-1.5 block text-sm font-medium text-foreground">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={passwordError ? "password-error" : undefined}
          className={cn(inputClasses, "h-10")}
        />
        <FieldError id="password-error" messages={passwordError} />
      </div>
      <button type="submit" disabled={pending} className={buttonClasses("primary", "lg", "w-full")}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
