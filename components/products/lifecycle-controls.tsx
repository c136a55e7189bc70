"use client";
// The lifecycle steps a product's team can take from its page: publish, deprecate (with a note and a sunset date),
// reactivate, retire (admins may force it, with a reason). Each is a small form; errors show next to their fields.
import { useActionState, useId } from "react";
import { cn } from "@/components/ui/cn";
import { buttonClasses, inputClasses } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/action-result";
import { transitionProductAction } from "@/lib/products/actions";
import type { LifecycleStatus } from "@/lib/generated/prisma/enums";
import type { ProductSaveDto } from "@/lib/products/mutations";

const STEPS: Partial<
  Record<LifecycleStatus, { label: string; hint: string; tone: "primary" | "secondary" | "danger" }>
> = {
  draft: { label: "Accept the proposal", hint: "Moves the proposal to draft, to be built.", tone: "secondary" },
  active: { label: "Publish", hint: "Makes the product discoverable and requestable by everyone.", tone: "primary" },
  deprecated: { label: "Deprecate", hint: "Tells consumers to move off it before a sunset date.", tone: "secondary" },
  retired: {
    label: "Retire",
    hint: "Ends the product. Refused while others consume it or hold grants.",
    tone: "danger",
  },
};

function Errors({ id, messages }: { id: string; messages: string[] | undefined }) {
  return messages?.length ? (
    <p id={id} className="mt-1 text-xs text-danger">
      {messages.join(" ")}
    </p>
  ) : null;
}

type State = (ActionResult<ProductSaveDto> & { to: LifecycleStatus }) | null;

function Step({
  revision,
  from,
  to,
  isAdmin,
  state,
  action,
  pending,
}: {
  revision: number;
  from: LifecycleStatus;
  to: LifecycleStatus;
  isAdmin: boolean;
  state: State;
  action: (formData: FormData) => void;
  pending: boolean;
}) {
  const id = useId();
  const step =
    to === "active" && from === "deprecated"
      ? { label: "Reactivate", hint: "Withdraws the deprecation.", tone: "secondary" as const }
      : STEPS[to];
  if (!step) return null;
  // Only the step that was tried shows its errors.
  const errors = state && !state.ok && state.to === to ? state.fieldErrors : {};
  const simple = to !== "deprecated" && to !== "retired";
  const body = (
    <form action={action} className={cn(simple ? "" : "mt-3 space-y-3")} aria-label={step.label}>
      <input type="hidden" name="to" value={to} />
      <input type="hidden" name="revision" value={revision} />
      {to === "deprecated" && (
        <>
          <div>
            <label htmlFor={`${id}-note`} className="block text-sm font-medium text-foreground">
              Note to consumers
            </label>
            <textarea
              id={`${id}-note`}
              name="note"
              rows={2}
              required
              aria-invalid={errors.note ? true : undefined}
              aria-describedby={errors.note ? `${id}-note-error` : undefined}
              className={cn(inputClasses, "mt-1 py-2")}
            />
            <Errors id={`${id}-note-error`} messages={errors.note} />
          </div>
          <div>
            <label htmlFor={`${id}-sunset`} className="block text-sm font-medium text-foreground">
              Sunset date
            </label>
            <input
              id={`${id}-sunset`}
              name="sunsetAt"
              type="date"
              required
              aria-invalid={errors.sunsetAt ? true : undefined}
              aria-describedby={errors.sunsetAt ? `${id}-sunset-error` : undefined}
              className={cn(inputClasses, "mt-1 h-9 w-48")}
            />
            <Errors id={`${id}-sunset-error`} messages={errors.sunsetAt} />
          </div>
        </>
      )}
      {to === "retired" && isAdmin && (
        <div className="space-y-2">
          <label className="inline-flex items-center gap-2 text-sm text-foreground">
            <input type="checkbox" name="force" className="size-4" /> Force it even if consumers or grants remain
          </label>
          <div>
            <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-foreground">
              Reason (needed to force)
            </label>
            <input
              id={`${id}-reason`}
              name="reason"
              aria-invalid={errors.reason ? true : undefined}
              aria-describedby={errors.reason ? `${id}-reason-error` : undefined}
              className={cn(inputClasses, "mt-1 h-9")}
            />
            <Errors id={`${id}-reason-error`} messages={errors.reason} />
          </div>
        </div>
      )}
      <button type="submit" className={buttonClasses(step.tone, "sm")} disabled={pending}>
        {pending ? "Working…" : simple ? step.label : `${step.label} now`}
      </button>
      {state && !state.ok && state.to === to && (
        <p role="alert" className="mt-1 text-xs text-danger">
          {state.message}
          {errors.to && !state.message.includes(errors.to[0]) ? ` ${errors.to.join(" ")}` : ""}
        </p>
      )}
    </form>
  );
  if (simple) return <div title={step.hint}>{body}</div>;
  return (
    <details className="rounded-lg border border-line p-3">
      <summary className="cursor-pointer text-sm font-medium text-foreground">{step.label}…</summary>
      <p className="mt-1 text-xs text-muted">{step.hint}</p>
      {body}
    </details>
  );
}

export function LifecycleControls({
  productRef,
  revision,
  status,
  next,
  isAdmin,
}: {
  productRef: string;
  revision: number;
  status: LifecycleStatus;
  next: LifecycleStatus[];
  isAdmin: boolean;
}) {
  // One action state for all steps: it outlives the step that succeeded (the page then offers the next ones).
  const [state, action, pending] = useActionState<State, FormData>(async (_previous, formData) => {
    const result = await transitionProductAction(productRef, null, formData);
    return { ...result, to: formData.get("to") as LifecycleStatus };
  }, null);
  return (
    <div className="space-y-2">
      {next.length > 0 && (
        <div className="flex flex-wrap items-start gap-3" aria-label="Lifecycle">
          {next.map((to) => (
            <Step
              key={to}
              revision={revision}
              from={status}
              to={to}
              isAdmin={isAdmin}
              state={state}
              action={action}
              pending={pending}
            />
          ))}
        </div>
      )}
      {state?.ok && (
        <p role="status" className="text-sm text-muted">
          {state.message}
        </p>
      )}
    </div>
  );
}
