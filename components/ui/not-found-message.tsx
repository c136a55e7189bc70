import Link from "next/link";
import { buttonClasses } from "./styles";

/** The body of a 404: the same whether the thing does not exist or the user may not see it. */
export function NotFoundMessage() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center py-20 text-center">
      <p className="font-mono text-sm font-medium text-brand-strong">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-foreground">This page does not exist</h1>
      <p className="mt-2 text-sm text-muted">
        The address may be mistyped, or what it pointed to has moved or is not shared with you.
      </p>
      <div className="mt-6 flex gap-2">
        <Link href="/" className={buttonClasses("primary")}>
          Go home
        </Link>
        <Link href="/products" className={buttonClasses("secondary")}>
          Browse data products
        </Link>
      </div>
    </div>
  );
}
