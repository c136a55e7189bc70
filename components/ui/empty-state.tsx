import Link from "next/link";
import { cn } from "./cn";
import { HexagonIcon } from "./icons";
import { buttonClasses } from "./styles";

export function EmptyState({
  title,
  description,
  action,
  className,
}: {
  title: string;
  description?: string;
  action?: { href: string; label: string };
  className?: string;
}) {
  return (
    <div className={cn("rounded-xl border border-dashed border-line-strong px-6 py-12 text-center", className)}>
      <HexagonIcon className="mx-auto size-8 text-faint" />
      <p className="mt-3 text-sm font-semibold text-foreground">{title}</p>
      {description && <p className="mx-auto mt-1 max-w-md text-sm text-muted">{description}</p>}
      {action && (
        <Link href={action.href} className={buttonClasses("secondary", "sm", "mt-4")}>
          {action.label}
        </Link>
      )}
    </div>
  );
}
