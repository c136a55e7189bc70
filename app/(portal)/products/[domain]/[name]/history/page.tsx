import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/catalog/badges";
import { ChangeTable } from "@/components/products/change-table";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClasses, cardClasses, inputClasses } from "@/components/ui/styles";
import { formatDateTime } from "@/components/ui/time";
import { requireActor } from "@/lib/authz";
import { NotFoundError } from "@/lib/errors";
import { compareProductVersions, listProductVersions } from "@/lib/products/registration";
import { productPath, productRef } from "@/lib/products/schemas";
import { decodeSegment, firstParam } from "@/lib/url-segment";

export const metadata: Metadata = { title: "Product history" };

function revisionParam(value: string | string[] | undefined): number | null {
  const text = firstParam(value);
  const number = Number(text);
  return text && Number.isInteger(number) && number > 0 ? number : null;
}

function RevisionSelect({
  name,
  label,
  versions,
  value,
}: {
  name: string;
  label: string;
  versions: { revision: number }[];
  value: number;
}) {
  return (
    <div>
      <label htmlFor={`compare-${name}`} className="block text-sm font-medium text-foreground">
        {label}
      </label>
      <select
        id={`compare-${name}`}
        name={name}
        defaultValue={String(value)}
        className={cn(inputClasses, "mt-1 h-9 w-36")}
      >
        {versions.map((version) => (
          <option key={version.revision} value={version.revision}>
            {version.revision}
          </option>
        ))}
      </select>
    </div>
  );
}

export default async function ProductHistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ domain: string; name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { domain, name } = await params;
  const locator = { domain: decodeSegment(domain), name: decodeSegment(name) };
  const query = await searchParams;
  const actor = await requireActor();
  let versions;
  try {
    versions = await listProductVersions(actor, locator.domain, locator.name);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const from = revisionParam(query.from);
  const to = revisionParam(query.to);
  let comparison: Awaited<ReturnType<typeof compareProductVersions>> | null = null;
  let comparisonError: string | null = null;
  if (from !== null && to !== null) {
    try {
      comparison = await compareProductVersions(actor, locator, from, to);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      comparisonError = error.message;
    }
  }
  const ref = productRef(locator.domain, locator.name);

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link href={productPath(locator.domain, locator.name)} className="hover:underline">
            {ref}
          </Link>
        }
        title="History"
        description="Every saved version of this product, newest first, with what changed. Compare any two."
      />

      {versions.length >= 2 && (
        <form
          method="get"
          className={cn(cardClasses, "flex flex-wrap items-end gap-3 p-4")}
          aria-label="Compare versions"
        >
          <RevisionSelect name="from" label="From revision" versions={versions} value={from ?? versions[1].revision} />
          <RevisionSelect name="to" label="To revision" versions={versions} value={to ?? versions[0].revision} />
          <button type="submit" className={buttonClasses("primary", "md")}>
            Compare
          </button>
        </form>
      )}
      {comparisonError && (
        <p role="alert" className="text-sm text-danger">
          {comparisonError}
        </p>
      )}
      {comparison && (
        <section aria-labelledby="comparison-title" className="space-y-2">
          <h2 id="comparison-title" className="text-lg font-semibold text-foreground">
            Revision {from} → {to}
          </h2>
          <ChangeTable changes={comparison} caption={`Differences between revision ${from} and ${to}`} />
        </section>
      )}

      {versions.length === 0 ? (
        <p className="text-sm text-muted">No versions are recorded yet: the first save of this product records one.</p>
      ) : (
        <ol className="space-y-4" aria-label="Versions">
          {versions.map((version) => (
            <li key={version.revision} className={cn(cardClasses, "space-y-2 p-4")}>
              <div className="flex flex-wrap items-center gap-2">
                <h2 className="text-base font-semibold text-foreground">Revision {version.revision}</h2>
                <StatusBadge status={version.status} />
                {version.breaking && <Badge tone="red">Breaking</Badge>}
                <span className="text-sm text-muted">
                  {formatDateTime(version.createdAt)}
                  {version.author ? ` by ${version.author}` : ""}
                </span>
              </div>
              {version.changes.length === 0 ? (
                <p className="text-sm text-muted">{version.revision === 1 ? "Registered." : "Recorded as found."}</p>
              ) : (
                <ChangeTable changes={version.changes} caption={`Changes in revision ${version.revision}`} />
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
