// Shared class strings for the few primitives that are plain elements (links that look like buttons, cards).
import { cn } from "./cn";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";

const base =
  "inline-flex items-center justify-center gap-2 rounded-lg text-sm font-medium whitespace-nowrap transition-colors disabled:cursor-not-allowed disabled:opacity-50 aria-disabled:cursor-not-allowed aria-disabled:opacity-50";

const variants: Record<ButtonVariant, string> = {
  primary: "bg-brand text-brand-foreground shadow-card hover:bg-brand-strong",
  secondary: "border border-line-strong bg-surface text-foreground shadow-card hover:bg-subtle",
  ghost: "text-muted hover:bg-subtle hover:text-foreground",
  danger: "border border-line-strong bg-surface text-danger shadow-card hover:border-danger/40 hover:bg-danger-soft",
};

const sizes = { sm: "h-8 px-3", md: "h-9 px-3.5", lg: "h-10 px-4" } as const;

export function buttonClasses(
  variant: ButtonVariant = "secondary",
  size: keyof typeof sizes = "md",
  className?: string,
) {
  return cn(base, variants[variant], sizes[size], className);
}

export const cardClasses = "rounded-xl border border-line bg-surface shadow-card";

export const inputClasses =
  "block w-full rounded-lg border border-line-strong bg-surface px-3 text-sm text-foreground shadow-card placeholder:text-faint transition-colors hover:border-faint focus-visible:border-brand focus-visible:outline-2 focus-visible:outline-offset-0 aria-invalid:border-danger aria-invalid:outline-danger";
