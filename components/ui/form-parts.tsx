"use client";
// Form pieces shared by the management and access forms: an action hook that keeps what was typed when the
// server refuses it, labelled fields whose errors are tied to them, the naming fields of something new, and the
// submit button with the form-level outcome message.
import {
  startTransition,
  useActionState,
  useEffect,
  useRef,
  useSyncExternalStore,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
} from "react";
import { cn } from "@/components/ui/cn";
import { buttonClasses, inputClasses } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/action-result";

type FormAction<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

/**
 * useActionState submitted from onSubmit rather than `<form action>`: React resets a form after an action
 * passed to `action`, which would lose what was typed when the server answers with errors. Here the fields keep
 * their values on error and are cleared only after a success (when `resetOnSuccess`).
 */
export function useFormAction<T>(action: FormAction<T>, { resetOnSuccess = true } = {}) {
  const [state, dispatch, pending] = useActionState(action, null);
  const hydrated = useHydrated();
  // The form last submitted, to clear it after a success.
  const submitted = useRef<HTMLFormElement | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submitted.current = event.currentTarget;
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
  useEffect(() => {
    if (state?.ok && resetOnSuccess) submitted.current?.reset();
  }, [state, resetOnSuccess]);
  // Submit buttons stay disabled until React handles the submission (before hydration the browser would submit
  // the form itself) and while a submission is under way.
  return { state, pending, disabled: pending || !hydrated, onSubmit };
}

const noSubscription = () => () => {};

/** False while the server-rendered HTML is not hydrated yet, then true. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/** The field errors of a failed result for one field, if any. */
export function errorsFor<T>(state: ActionResult<T> | null, name: string): string[] | undefined {
  if (!state || state.ok) return undefined;
  const errors = state.fieldErrors[name]?.filter(Boolean);
  return errors && errors.length > 0 ? errors : undefined;
}

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> {
  /** Unique on the page: the id of the input; its error and hint get `<id>-error` and `<id>-hint`. */
  id: string;
  name: string;
  label: ReactNode;
  errors?: string[];
  hint?: ReactNode;
  multiline?: boolean;
}

/** A labelled input (or textarea) whose hint and errors are announced with it. */
export function Field({ id, name, label, errors, hint, multiline, className, ...props }: FieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(" ");
  const common = {
    id,
    name,
    "aria-invalid": errors ? true : undefined,
    "aria-describedby": describedBy || undefined,
  } as const;
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-foreground">
        {label}
      </label>
      {multiline ? (
        <textarea
          {...common}
          defaultValue={props.defaultValue}
          required={props.required}
          maxLength={props.maxLength}
          rows={3}
          className={cn(inputClasses, "py-2")}
        />
      ) : (
        <input {...common} {...props} className={cn(inputClasses, "h-9")} />
      )}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {errors && (
        <p id={`${id}-error`} className="text-xs text-danger">
          {errors.join(" ")}
        </p>
      )}
    </div>
  );
}

interface SelectFieldProps {
  id: string;
  name: string;
  label: ReactNode;
  options: readonly { value: string; label: string }[];
  defaultValue?: string;
  errors?: string[];
  required?: boolean;
  className?: string;
}

/** A labelled select whose errors are announced with it. */
export function SelectField({ id, name, label, options, defaultValue, errors, required, className }: SelectFieldProps) {
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-foreground">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${id}-error` : undefined}
        className={cn(inputClasses, "h-9")}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {errors && (
        <p id={`${id}-error`} className="text-xs text-danger">
          {errors.join(" ")}
        </p>
      )}
    </div>
  );
}

/** What the last submission answered: a status on success, an alert on failure. */
export function FormOutcome<T>({ state, id }: { state: ActionResult<T> | null; id: string }) {
  return (
    <>
      <p id={`${id}-status`} role="status" className="text-sm text-success empty:hidden">
        {state?.ok ? state.message : ""}
      </p>
      {state && !state.ok && (
        <p id={`${id}-error`} role="alert" className="text-sm text-danger">
          {state.message}
        </p>
      )}
    </>
  );
}

/**
 * The display name, URL name and description of something new (a domain, team, sub-domain or source system), with
 * ids `<prefix>-display-name`, `<prefix>-name` and `<prefix>-description`; `children` come between the URL name
 * and the description.
 */
export function NamingFields<T>({
  prefix,
  state,
  nameHint,
  children,
}: {
  prefix: string;
  state: ActionResult<T> | null;
  /** What a URL name may be, with an example. */
  nameHint: string;
  children?: ReactNode;
}) {
  return (
    <>
      <Field
        id={`${prefix}-display-name`}
        name="displayName"
        label="Display name"
        required
        maxLength={120}
        errors={errorsFor(state, "displayName")}
      />
      <Field
        id={`${prefix}-name`}
        name="name"
        label="URL name"
        required
        maxLength={63}
        autoComplete="off"
        hint={nameHint}
        errors={errorsFor(state, "name")}
      />
      {children}
      <Field
        id={`${prefix}-description`}
        name="description"
        label="Description"
        multiline
        maxLength={2000}
        errors={errorsFor(state, "description")}
      />
    </>
  );
}

/** A form's submit button (`busyLabel` while under way) with what the last submission answered beside it. */
export function SubmitRow<T>({
  form,
  label,
  busyLabel,
  outcomeId,
  size = "md",
}: {
  /** The form's useFormAction. */
  form: { state: ActionResult<T> | null; pending: boolean; disabled: boolean };
  label: string;
  busyLabel: string;
  outcomeId: string;
  size?: "sm" | "md";
}) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="submit" disabled={form.disabled} className={buttonClasses("primary", size)}>
        {form.pending ? busyLabel : label}
      </button>
      <FormOutcome state={form.state} id={outcomeId} />
    </div>
  );
}
