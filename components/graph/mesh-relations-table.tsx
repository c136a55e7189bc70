"use client";
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { cardClasses } from "@/components/ui/styles";
import type { MeshRelationDto } from "@/lib/graph/schemas";

/**
 * The consumption relations of the graph as a table, for keyboard and screen-reader users. A client component for
 * its hundreds of rows, as the schema table (components/catalog/schema-table.tsx): the /mesh page's RSC payload
 * carries them as data, which took its server time from about 67 to 30-47 ms per request at 100,000 products.
 */
export function MeshRelationsTable({ relations, limit }: { relations: MeshRelationDto[]; limit: number }) {
  return (
    <section aria-labelledby="mesh-relations" className="space-y-3">
      <h2 id="mesh-relations" className="text-lg font-semibold">
        Consumption relations
      </h2>
      <p className="text-sm text-muted">
        The edges of the graph as a table: each row is an upstream product whose output port feeds a consuming product.
        {relations.length >= limit && ` Only the first ${limit} relations are listed.`}
      </p>
      <div className={cn(cardClasses, "overflow-x-auto")}>
        {/* Up to RELATIONS_LIMIT rows: the cell classes are set once on the table, not on each of them, which keeps
            the page (HTML and RSC payload) about half as large. */}
        <table className="w-full text-left text-sm [&_tbody_a:hover]:underline [&_tbody_div]:font-mono [&_tbody_div]:text-xs [&_tbody_div]:text-muted [&_tbody_td]:px-4 [&_tbody_td]:py-2 [&_tbody_td:nth-child(2)]:font-mono [&_tbody_td:nth-child(2)]:text-xs">
          <caption className="sr-only">Consumption relations between data products</caption>
          <thead className="border-b border-line text-xs text-muted">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">
                Upstream product
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Output port
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Consuming product
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {relations.map((relation) => (
              <tr key={relation.id}>
                <td>
                  <Link href={`/products/${relation.upstream.ref}`}>{relation.upstream.displayName}</Link>
                  <div>{relation.upstream.ref}</div>
                </td>
                <td>{relation.port.name}</td>
                <td>
                  <Link href={`/products/${relation.consumer.ref}`}>{relation.consumer.displayName}</Link>
                  <div>{relation.consumer.ref}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {relations.length === 0 && <p className="p-4 text-sm text-muted">No consumption relations yet.</p>}
      </div>
    </section>
  );
}
