"use client";
import Link from "next/link";
import { Tag } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { ProseText } from "@/components/ui/prose-text";
import { cardClasses } from "@/components/ui/styles";
import { productPath, type ProductSummaryDto } from "@/lib/products/schemas";
import { ArchetypeBadge, DomainLabel, StatusBadge } from "./badges";

const MAX_TAGS = 4;

/**
 * Data products as a table: one row per product; retired products stay listed but muted. Search results also show
 * the fields whose names matched. A client component for the same reason as the schema table (schema-table.tsx):
 * the page's RSC payload carries the rows as data, not as a tree of elements.
 */
export function ProductTable({
  products,
  caption = "Data products by name",
}: {
  products: (ProductSummaryDto & { matchingFields?: string[] })[];
  caption?: string;
}) {
  return (
    <div className={cn(cardClasses, "relative overflow-x-auto")}>
      <table className="data-table roomy min-w-[880px]">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="w-full">
              Product
            </th>
            <th scope="col" className="w-48">
              Domain
            </th>
            <th scope="col" className="w-44">
              Owning team
            </th>
            <th scope="col" className="w-36">
              Archetype
            </th>
            <th scope="col" className="w-28">
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {products.map((product) => (
            <tr key={product.id} className={product.status === "retired" ? "retired" : undefined}>
              <td>
                <Link href={productPath(product.domain.name, product.name)} className="title">
                  {product.displayName}
                </Link>{" "}
                <span className="ref">{product.ref}</span>
                {product.description && (
                  <p className="summary">
                    <ProseText>{product.description}</ProseText>
                  </p>
                )}
                {product.matchingFields && product.matchingFields.length > 0 && (
                  <p className="summary">
                    Matching {product.matchingFields.length === 1 ? "field" : "fields"}:{" "}
                    <code className="font-mono text-foreground/90">{product.matchingFields.join(", ")}</code>
                  </p>
                )}
                {product.tags.length > 0 && (
                  <ul className="tags" aria-label="Tags">
                    {product.tags.slice(0, MAX_TAGS).map((tag) => (
                      <li key={tag}>
                        <Tag>{tag}</Tag>
                      </li>
                    ))}
                    {product.tags.length > MAX_TAGS && <li>+{product.tags.length - MAX_TAGS} more</li>}
                  </ul>
                )}
              </td>
              <td>
                <DomainLabel
                  name={product.domain.name}
                  displayName={product.domain.displayName}
                  parent={product.domain.parent}
                  className="max-w-full"
                />
              </td>
              <td>{product.owningTeam.displayName}</td>
              <td>
                <ArchetypeBadge archetype={product.archetype} />
              </td>
              <td>
                <StatusBadge status={product.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
