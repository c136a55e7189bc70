import type { Metadata } from "next";
import { ProductTable } from "@/components/catalog/product-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { listCatalogPage } from "@/lib/products/queries";

export const metadata: Metadata = { title: "Data products" };

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function CatalogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const page = await listCatalogPage({ after: first(params.after), before: first(params.before) });
  const pageLinks = {
    previousHref: page.previousCursor ? `/products?before=${encodeURIComponent(page.previousCursor)}` : null,
    nextHref: page.nextCursor ? `/products?after=${encodeURIComponent(page.nextCursor)}` : null,
  };
  const paged = Boolean(first(params.after) || first(params.before));

  return (
    <div className="space-y-6">
      <PageHeader
        title="Data products"
        description="Every data product in the mesh that you can see, by domain. Open one to read its ports, schema, SLOs and lineage."
        actions={
          <p className="text-sm text-muted">
            <span className="font-semibold text-foreground tabular-nums">{page.total}</span>{" "}
            {page.total === 1 ? "product" : "products"}
          </p>
        }
      />
      {page.products.length === 0 ? (
        <EmptyState
          title={paged ? "No more products" : "No data products yet"}
          description={
            paged
              ? "There is nothing on this page any more: products may have been removed since you opened the list."
              : "When domain teams publish data products, they appear here."
          }
          action={paged ? { href: "/products", label: "Back to the first page" } : undefined}
        />
      ) : (
        <>
          <ProductTable products={page.products} />
          <Pagination label="Catalog pages" {...pageLinks} />
        </>
      )}
    </div>
  );
}
