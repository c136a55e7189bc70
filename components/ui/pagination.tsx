import Link from "next/link";
import { ChevronLeftIcon, ChevronRightIcon } from "./icons";
import { buttonClasses } from "./styles";

/** Previous / next links of a keyset-paginated list; a missing direction shows as a disabled control. */
export function Pagination({
  previousHref,
  nextHref,
  label,
}: {
  previousHref: string | null;
  nextHref: string | null;
  label: string;
}) {
  if (!previousHref && !nextHref) return null;
  return (
    <nav aria-label={label} className="flex items-center justify-end gap-2">
      {previousHref ? (
        <Link href={previousHref} className={buttonClasses("secondary", "sm")} rel="prev">
          <ChevronLeftIcon /> Previous
        </Link>
      ) : (
        <span aria-disabled="true" className={buttonClasses("secondary", "sm")}>
          <ChevronLeftIcon /> Previous
        </span>
      )}
      {nextHref ? (
        <Link href={nextHref} className={buttonClasses("secondary", "sm")} rel="next">
          Next <ChevronRightIcon />
        </Link>
      ) : (
        <span aria-disabled="true" className={buttonClasses("secondary", "sm")}>
          Next <ChevronRightIcon />
        </span>
      )}
    </nav>
  );
}
