import type { Metadata } from "next";
import Link from "next/link";
import { STATUS_ORDER } from "@/components/catalog/labels";
import { ProductTable } from "@/components/catalog/product-table";
import { SearchForm } from "@/components/search/search-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClasses } from "@/components/ui/styles";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/authz";
import { countProductFacets, searchProducts } from "@/lib/search/queries";
import { isFiltered, parseSearchParams, SEARCH_CANDIDATE_LIMIT, searchHref } from "@/lib/search/schemas";

export const metadata: Metadata = { title: "Data products" };

export default async function CatalogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const parsed = parseSearchParams(await searchParams);
  if (!parsed.success) {
    return (
      <div className="space-y-6">
        <PageHeader title="Data products" />
        <EmptyState
          title="This search link is not valid"
          description={parsed.error.issues
            .map((issue) => `${issue.path.join(".") || "search"}: ${issue.message}`)
            .join("; ")}
          action={{ href: "/products", label: "Start a new search" }}
        />
      </div>
    );
  }
  const query = parsed.data;
  const actor = await requireActor();
  const [page, facets] = await Promise.all([searchProducts(actor, query), countProductFacets(actor, query)]);
  const paged = Boolean(query.after || query.before);
  const hiddenRetired = query.status.length
    ? 0
    : (facets.status.find((entry) => entry.value === "retired")?.count ?? 0);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Data products"
        description="Search every data product in the mesh that you can see. Open one to read its ports, schema, SLOs and lineage."
        actions={
          actor.role === "admin" || actor.teams.length > 0 ? (
            <>
              <Link href="/products/import" className={buttonClasses("secondary", "md")}>
                Import YAML
              </Link>
              <Link href="/products/new" className={buttonClasses("primary", "md")}>
                Register a product
              </Link>
            </>
          ) : undefined
        }
      />
      <SearchForm query={query} facets={facets}>
        <p role="status" className="text-sm text-muted">
          <span className="font-semibold text-foreground tabular-nums">
            {facets.total}
            {facets.capped && "+"}
          </span>{" "}
          {facets.total === 1 && !facets.capped ? "product" : "products"}
          {query.q ? (
            <>
              {" "}
              match <q className="text-foreground">{query.q}</q>, best matches first
              {facets.capped && (
                <>
                  {" "}
                  (a common term: only the first {SEARCH_CANDIDATE_LIMIT.toLocaleString("en")} name matches and{" "}
                  {SEARCH_CANDIDATE_LIMIT.toLocaleString("en")} text matches are ranked and counted; add words or
                  filters to narrow it)
                </>
              )}
            </>
          ) : (
            " by name"
          )}
          {hiddenRetired > 0 && (
            <>
              {" · "}
              {hiddenRetired} retired {hiddenRetired === 1 ? "product" : "products"} hidden.{" "}
              <Link
                href={searchHref({ ...query, status: STATUS_ORDER })}
                className="text-brand underline underline-offset-2"
              >
                Include retired
              </Link>
            </>
          )}
        </p>
        {page.hits.length > 0 ? (
          <>
            <ProductTable
              products={page.hits}
              caption={query.q ? "Matching data products, best matches first" : "Data products by name"}
            />
            <Pagination
              label="Result pages"
              previousHref={page.previousCursor ? searchHref(query, { before: page.previousCursor }) : null}
              nextHref={page.nextCursor ? searchHref(query, { after: page.nextCursor }) : null}
            />
          </>
        ) : paged ? (
          <EmptyState
            title="No more results"
            description="There is nothing on this page any more: products may have changed since you opened the list."
            action={{
              href: searchHref({ ...query, after: undefined, before: undefined }),
              label: "Back to the first page",
            }}
          />
        ) : isFiltered(query) ? (
          <EmptyState
            title={query.q ? `No data products match “${query.q}”` : "No data products match these filters"}
            description={
              hiddenRetired > 0
                ? `Only retired products match: include them to see ${hiddenRetired === 1 ? "it" : "them"}.`
                : "Check the spelling, use fewer or more general words, or remove some filters."
            }
            action={
              hiddenRetired > 0
                ? { href: searchHref({ ...query, status: STATUS_ORDER }), label: "Include retired products" }
                : { href: "/products", label: "Clear the search" }
            }
          />
        ) : (
          <EmptyState
            title="No data products yet"
            description="When domain teams publish data products, they appear here."
          />
        )}
      </SearchForm>
    </div>
  );
}
