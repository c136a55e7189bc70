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
 * the fields whose names matched.
 */
export function ProductTable({
  products,
  caption = "Data products, by domain and name",
}: {
  products: (ProductSummaryDto & { matchingFields?: string[] })[];
  caption?: string;
}) {
  return (
    <div className={cn(cardClasses, "relative overflow-x-auto")}>
      <table className="w-full min-w-[880px] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-line text-xs font-medium text-muted">
            <th scope="col" className="py-2.5 pr-3 pl-5 font-medium">
              Product
            </th>
            <th scope="col" className="w-48 px-3 py-2.5 font-medium">
              Domain
            </th>
            <th scope="col" className="w-44 px-3 py-2.5 font-medium">
              Owning team
            </th>
            <th scope="col" className="w-36 px-3 py-2.5 font-medium">
              Archetype
            </th>
            <th scope="col" className="w-28 py-2.5 pr-5 pl-3 font-medium">
              Status
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {products.map((product) => {
            const retired = product.status === "retired";
            return (
              <tr
                key={product.id}
                className={cn("group align-top transition-colors hover:bg-subtle/60", retired && "text-muted")}
              >
                <td className="py-3.5 pr-3 pl-5">
                  <div className={cn("min-w-0", retired && "opacity-70")}>
                    <div className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
                      <Link
                        href={productPath(product.domain.name, product.name)}
                        className={cn(
                          "rounded font-medium underline-offset-4 hover:underline",
                          retired ? "text-muted" : "text-foreground",
                        )}
                      >
                        {product.displayName}
                      </Link>
                      <span className="font-mono text-xs text-faint">{product.ref}</span>
                    </div>
                    {product.description && (
                      <p className="mt-1 line-clamp-2 max-w-2xl text-[13px] leading-5 text-muted">
                        <ProseText>{product.description}</ProseText>
                      </p>
                    )}
                    {product.matchingFields && product.matchingFields.length > 0 && (
                      <p className="mt-1 text-xs text-muted">
                        Matching {product.matchingFields.length === 1 ? "field" : "fields"}:{" "}
                        {product.matchingFields.map((field, index) => (
                          <span key={field}>
                            {index > 0 && ", "}
                            <code className="font-mono text-foreground/90">{field}</code>
                          </span>
                        ))}
                      </p>
                    )}
                    {product.tags.length > 0 && (
                      <ul className="mt-2 flex flex-wrap gap-1.5" aria-label="Tags">
                        {product.tags.slice(0, MAX_TAGS).map((tag) => (
                          <li key={tag}>
                            <Tag>{tag}</Tag>
                          </li>
                        ))}
                        {product.tags.length > MAX_TAGS && (
                          <li className="self-center text-xs text-faint">+{product.tags.length - MAX_TAGS} more</li>
                        )}
                      </ul>
                    )}
                  </div>
                </td>
                <td className="px-3 py-3.5">
                  <DomainLabel
                    name={product.domain.name}
                    displayName={product.domain.displayName}
                    parent={product.domain.parent}
                    className={cn("max-w-full", retired && "opacity-70")}
                  />
                </td>
                <td className={cn("px-3 py-3.5", retired ? "text-muted opacity-70" : "text-foreground/90")}>
                  {product.owningTeam.displayName}
                </td>
                <td className={cn("px-3 py-3.5", retired && "opacity-70")}>
                  <ArchetypeBadge archetype={product.archetype} />
                </td>
                <td className="py-3.5 pr-5 pl-3">
                  <StatusBadge status={product.status} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
