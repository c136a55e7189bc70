import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { cardClasses } from "@/components/ui/styles";
import type { MeshRelationDto } from "@/lib/graph/schemas";

/** The consumption relations of the graph as a table, for keyboard and screen-reader users. */
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
        <table className="w-full text-left text-sm">
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
                <td className="px-4 py-2">
                  <Link href={`/products/${relation.upstream.ref}`} className="hover:underline">
                    {relation.upstream.displayName}
                  </Link>
                  <div className="font-mono text-xs text-muted">{relation.upstream.ref}</div>
                </td>
                <td className="px-4 py-2 font-mono text-xs">{relation.port.name}</td>
                <td className="px-4 py-2">
                  <Link href={`/products/${relation.consumer.ref}`} className="hover:underline">
                    {relation.consumer.displayName}
                  </Link>
                  <div className="font-mono text-xs text-muted">{relation.consumer.ref}</div>
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
