"use client";
// Labelled inputs bound to the registration form (react-hook-form context): each shows its error under it, tied
// with aria-describedby, and marks itself aria-invalid.
import type { ReactNode } from "react";
import { get, useFormContext, type RegisterOptions } from "react-hook-form";
import { cn } from "@/components/ui/cn";
import { inputClasses } from "@/components/ui/styles";
import type { ProductInput } from "@/lib/products/input";

/** The DOM id of the input for a form path: `outputPorts.0.name` → `f-outputPorts-0-name`. */
export function fieldId(path: string): string {
  return `f-${path.replace(/\./g, "-")}`;
}

export function useFieldError(path: string): string | undefined {
  const {
    formState: { errors },
  } = useFormContext<ProductInput>();
  const error = get(errors, path) as { message?: string } | undefined;
  return error?.message;
}

function FieldShell({
  path,
  label,
  hint,
  error,
  className,
  children,
}: {
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  className?: string;
  children: ReactNode;
}) {
  const id = fieldId(path);
  return (
    <div className={cn("min-w-0", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-foreground">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-muted">
          {hint}
        </p>
      )}
      <div className="mt-1">{children}</div>
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

function describedBy(path: string, hint: unknown, error: unknown): string | undefined {
  const id = fieldId(path);
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

type Common = { path: string; label: ReactNode; hint?: ReactNode; className?: string };

export function TextField({
  path,
  label,
  hint,
  className,
  options,
  ...input
}: Common & { options?: RegisterOptions; placeholder?: string; type?: string; inputMode?: "numeric" | "decimal" }) {
  const { register } = useFormContext();
  const error = useFieldError(path);
  return (
    <FieldShell path={path} label={label} hint={hint} error={error} className={className}>
      <input
        id={fieldId(path)}
        {...register(path, options)}
        {...input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(path, hint, error)}
        className={cn(inputClasses, "h-9")}
      />
    </FieldShell>
  );
}

/** A number input; empty means null when `nullable`, else it is left to the schema to ask for a number. */
export function NumberField({ nullable = false, ...props }: Common & { nullable?: boolean; step?: string }) {
  const { step, ...rest } = props;
  return (
    <TextField
      {...rest}
      type="number"
      inputMode="decimal"
      options={{
        setValueAs: (value: unknown) =>
          value === "" || value === null || value === undefined ? (nullable ? null : Number.NaN) : Number(value),
      }}
      {...(step ? { step } : {})}
    />
  );
}

export function TextAreaField({ path, label, hint, className, rows = 3 }: Common & { rows?: number }) {
  const { register } = useFormContext();
  const error = useFieldError(path);
  return (
    <FieldShell path={path} label={label} hint={hint} error={error} className={className}>
      <textarea
        id={fieldId(path)}
        rows={rows}
        {...register(path)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(path, hint, error)}
        className={cn(inputClasses, "py-2")}
      />
    </FieldShell>
  );
}

export function SelectField({
  path,
  label,
  hint,
  className,
  choices,
  emptyLabel,
}: Common & { choices: { value: string; label: string }[]; emptyLabel?: string }) {
  const { register } = useFormContext();
  const error = useFieldError(path);
  return (
    <FieldShell path={path} label={label} hint={hint} error={error} className={className}>
      <select
        id={fieldId(path)}
        {...register(path, emptyLabel ? { setValueAs: (value: string) => (value === "" ? null : value) } : undefined)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(path, hint, error)}
        className={cn(inputClasses, "h-9")}
      >
        {emptyLabel && <option value="">{emptyLabel}</option>}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField({ path, label, className }: { path: string; label: ReactNode; className?: string }) {
  const { register } = useFormContext();
  return (
    <label htmlFor={fieldId(path)} className={cn("inline-flex items-center gap-2 text-sm text-foreground", className)}>
      <input id={fieldId(path)} type="checkbox" {...register(path)} className="size-4" />
      {label}
    </label>
  );
}

/** A small icon-free button for list controls (add, remove, move). */
export function ListButton({
  onClick,
  label,
  children,
  disabled,
}: {
  onClick: () => void;
  label: string;
  children: ReactNode;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={label}
      title={label}
      disabled={disabled}
      className="inline-flex h-8 min-w-8 items-center justify-center rounded-md border border-line px-2 text-xs text-muted hover:bg-subtle hover:text-foreground disabled:opacity-40"
    >
      {children}
    </button>
  );
}
