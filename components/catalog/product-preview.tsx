import Link from "next/link";
import { ArrowRightIcon } from "@/components/ui/icons";
import type { ProductSummaryDto } from "@/lib/products/schemas";
import { searchHref, type SearchQuery } from "@/lib/search/schemas";
import { ProductTable } from "./product-table";

/**
 * The first page of the catalog filtered by `filter` (a domain's or a team's products) and, when there are more,
 * how many there are in all with a link to the catalog listing them.
 */
export function ProductPreview({
  products,
  total,
  filter,
  owner,
}: {
  products: ProductSummaryDto[];
  total: number;
  filter: Partial<SearchQuery>;
  /** Whose products they are, for the link: "All 5,647 products of <owner> in the catalog". */
  owner: string;
}) {
  return (
    <>
      <ProductTable products={products} />
      {total > products.length && (
        <p className="flex flex-wrap items-baseline justify-between gap-2 text-sm text-muted">
          <span>
            The first {products.length} of {total.toLocaleString("en")}, by name.
          </span>
          <Link
            href={searchHref(filter)}
            className="inline-flex items-center gap-1 font-medium text-brand underline-offset-4 hover:underline"
          >
            All {total.toLocaleString("en")} products of {owner} in the catalog <ArrowRightIcon />
          </Link>
        </p>
      )}
    </>
  );
}
