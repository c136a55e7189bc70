import Link from "next/link";
import { ArrowRightIcon } from "@/components/ui/icons";

/** Under the first page of a list of products: how many there are in all, with a link to the catalog listing them. */
export function MoreInCatalog({
  shown,
  total,
  href,
  label,
}: {
  shown: number;
  total: number;
  href: string;
  label: string;
}) {
  if (total <= shown) return null;
  return (
    <p className="flex flex-wrap items-baseline justify-between gap-2 text-sm text-muted">
      <span>
        The first {shown} of {total.toLocaleString("en")}, by name.
      </span>
      <Link
        href={href}
        className="inline-flex items-center gap-1 font-medium text-brand underline-offset-4 hover:underline"
      >
        {label} <ArrowRightIcon />
      </Link>
    </p>
  );
}
