"use client";
import Link from "next/link";
import { useMemo, useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { buttonClasses, cardClasses } from "@/components/ui/styles";
import type { DomainGraphDto, GraphEdgeDto, GraphProductDto } from "@/lib/graph/schemas";
import { productPath } from "@/lib/products/schemas";

/** Rows shown before "Show all": a domain and its neighbours can have thousands of edges. */
const FIRST_ROWS = 200;

// The tables below the graph, for keyboard and screen-reader users: the same relations as the graph shows (the
// domain overview's or the drawn products'), with the graph's filters applied. The cell classes are set once on
// each table, not on each of its many cells.
const tableClasses =
  "w-full text-left text-sm [&_tbody_a:hover]:underline [&_tbody_div]:font-mono [&_tbody_div]:text-xs [&_tbody_div]:text-muted [&_tbody_td]:px-4 [&_tbody_td]:py-2";
const headClasses = "border-b border-line text-xs text-muted [&_th]:px-4 [&_th]:py-2 [&_th]:font-medium";

/** The first FIRST_ROWS of `rows`, or all of them once asked for. */
function useFirstRows<T>(rows: T[]): { shown: T[]; showAll: () => void } {
  const [all, setAll] = useState(false);
  return { shown: all ? rows : rows.slice(0, FIRST_ROWS), showAll: () => setAll(true) };
}

function RelationsSection({
  description,
  total,
  shown,
  onShowAll,
  children,
}: {
  description: string;
  total: number;
  shown: number;
  onShowAll: () => void;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby="mesh-relations" className="space-y-3">
      <h2 id="mesh-relations" className="text-lg font-semibold">
        Consumption relations
      </h2>
      <p className="text-sm text-muted">{description}</p>
      <div className={cn(cardClasses, "overflow-x-auto")}>
        {children}
        {total === 0 && <p className="p-4 text-sm text-muted">No consumption relations here.</p>}
      </div>
      {shown < total && (
        <button type="button" onClick={onShowAll} className={buttonClasses("secondary", "sm")}>
          Show all {total.toLocaleString("en")} relations (the first {shown} are listed)
        </button>
      )}
    </section>
  );
}

/** The product graph's edges as a table: upstream product, output port, consuming product, by upstream ref. */
export function ProductRelationsTable({ nodes, edges }: { nodes: GraphProductDto[]; edges: GraphEdgeDto[] }) {
  const rows = useMemo(() => {
    const byId = new Map(nodes.map((node) => [node.id, node]));
    return edges
      .flatMap((edge) => {
        const upstream = byId.get(edge.source);
        const consumer = byId.get(edge.target);
        return upstream && consumer ? [{ id: edge.id, upstream, consumer, port: edge.portName }] : [];
      })
      .sort(
        (a, b) =>
          a.upstream.ref.localeCompare(b.upstream.ref) ||
          a.port.localeCompare(b.port) ||
          a.consumer.ref.localeCompare(b.consumer.ref),
      );
  }, [nodes, edges]);
  const { shown, showAll } = useFirstRows(rows);
  return (
    <RelationsSection
      description="The edges of the graph as a table: each row is an upstream product whose output port feeds a consuming product."
      total={rows.length}
      shown={shown.length}
      onShowAll={showAll}
    >
      <table className={cn(tableClasses, "[&_tbody_td:nth-child(2)]:font-mono [&_tbody_td:nth-child(2)]:text-xs")}>
        <caption className="sr-only">Consumption relations between data products</caption>
        <thead className={headClasses}>
          <tr>
            <th scope="col">Upstream product</th>
            <th scope="col">Output port</th>
            <th scope="col">Consuming product</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {shown.map((row) => (
            <tr key={row.id}>
              <td>
                <Link href={productPath(row.upstream.domain, row.upstream.name)}>{row.upstream.displayName}</Link>
                <div>{row.upstream.ref}</div>
              </td>
              <td>{row.port}</td>
              <td>
                <Link href={productPath(row.consumer.domain, row.consumer.name)}>{row.consumer.displayName}</Link>
                <div>{row.consumer.ref}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </RelationsSection>
  );
}

/** The domain overview's edges as a table: domain → domain with the number of consumption edges, most first. */
export function DomainRelationsTable({ graph }: { graph: DomainGraphDto }) {
  const rows = useMemo(() => {
    const byName = new Map(graph.domains.map((domain) => [domain.name, domain]));
    return graph.edges
      .flatMap((edge) => {
        const source = byName.get(edge.source);
        const target = byName.get(edge.target);
        return source && target ? [{ source, target, weight: edge.weight }] : [];
      })
      .sort(
        (a, b) =>
          b.weight - a.weight ||
          a.source.name.localeCompare(b.source.name) ||
          a.target.name.localeCompare(b.target.name),
      );
  }, [graph]);
  const { shown, showAll } = useFirstRows(rows);
  return (
    <RelationsSection
      description="The edges of the domain overview as a table: each row counts the consumption edges from products of one domain to products of another (or the same)."
      total={rows.length}
      shown={shown.length}
      onShowAll={showAll}
    >
      <table
        className={cn(tableClasses, "[&_tbody_td:nth-child(3)]:text-right [&_tbody_td:nth-child(3)]:tabular-nums")}
      >
        <caption className="sr-only">Consumption relations between domains</caption>
        <thead className={headClasses}>
          <tr>
            <th scope="col">Upstream domain</th>
            <th scope="col">Consuming domain</th>
            <th scope="col" className="text-right">
              Consumption edges
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {shown.map((row) => (
            <tr key={`${row.source.name}->${row.target.name}`}>
              <td>
                <Link href={`/domains/${encodeURIComponent(row.source.name)}`}>{row.source.displayName}</Link>
              </td>
              <td>
                <Link href={`/domains/${encodeURIComponent(row.target.name)}`}>{row.target.displayName}</Link>
              </td>
              <td>{row.weight.toLocaleString("en")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </RelationsSection>
  );
}
