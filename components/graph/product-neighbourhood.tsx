"use client";
import { useQuery } from "@tanstack/react-query";
import { MarkerType, ReactFlowProvider, useReactFlow, type Edge, type Node } from "@xyflow/react";
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { StatusBadge } from "@/components/catalog/badges";
import { domainTone } from "@/components/catalog/labels";
import { cn } from "@/components/ui/cn";
import { ServerIcon } from "@/components/ui/icons";
import {
  graphKeys,
  productNeighbourhoodUrl,
  type GraphProductDto,
  type ProductNeighbourhoodDto,
} from "@/lib/graph/schemas";
import { productPath } from "@/lib/products/schemas";
import { fetchGraph, GraphCanvas, GraphMessage } from "./graph-canvas";
import { HEX_HEIGHT, HEX_WIDTH, type HexagonNode } from "./hexagon-node";
import { layoutFlat, type Box } from "./layout";

/** One product's neighbourhood (one hop up and down) as a small graph, with the same relations as a list. */
export function ProductNeighbourhood({ productRef }: { productRef: string }) {
  const query = useQuery({
    queryKey: graphKeys.neighbourhood(productRef),
    queryFn: () => fetchGraph<ProductNeighbourhoodDto>(productNeighbourhoodUrl(productRef)),
  });
  return (
    <section aria-labelledby="neighbourhood-heading" className="space-y-3">
      <div className="space-y-1">
        <h2 id="neighbourhood-heading" className="text-lg font-semibold tracking-tight text-foreground">
          Neighbourhood
        </h2>
        <p className="text-sm text-muted">
          What this product reads (left) and who reads it (right), one hop each way. Open a neighbour by clicking it.
        </p>
      </div>
      {query.data ? (
        <>
          <ReactFlowProvider>
            <NeighbourhoodGraph graph={query.data} />
          </ReactFlowProvider>
          <NeighbourhoodList graph={query.data} />
        </>
      ) : (
        <GraphMessage error={query.error} loading="Loading the neighbourhood…" className="h-[340px]" />
      )}
    </section>
  );
}

function productNode(product: GraphProductDto, current: boolean): HexagonNode {
  return {
    id: product.id,
    type: "hexagon",
    position: { x: 0, y: 0 },
    ariaLabel: current ? `${product.displayName}, ${product.ref}, this product` : undefined,
    // A neighbour is a link inside the hexagon; the node itself takes no focus.
    focusable: false,
    data: {
      label: product.displayName,
      caption: product.ref,
      rootDomain: product.rootDomain,
      selected: current,
      dimmed: false,
      href: current ? undefined : productPath(product.domain, product.name),
    },
  };
}

function NeighbourhoodGraph({ graph }: { graph: ProductNeighbourhoodDto }) {
  const { fitView } = useReactFlow();
  const [boxes, setBoxes] = useState<Map<string, Box> | null>(null);

  const unplaced = useMemo<HexagonNode[]>(() => {
    const products = new Map<string, HexagonNode>();
    for (const product of [graph.product, ...graph.upstream, ...graph.downstream]) {
      if (!products.has(product.id)) products.set(product.id, productNode(product, product.id === graph.product.id));
    }
    const sources = graph.sourceSystems.map((source): HexagonNode => ({
      id: source.id,
      type: "hexagon",
      position: { x: 0, y: 0 },
      focusable: false,
      data: {
        label: source.displayName,
        caption: `Source system · ${source.kind}`,
        rootDomain: source.rootDomain,
        selected: false,
        dimmed: false,
        dashed: true,
      },
    }));
    return [...sources, ...products.values()];
  }, [graph]);

  useEffect(() => {
    let cancelled = false;
    layoutFlat(
      unplaced.map((node) => ({ id: node.id, width: HEX_WIDTH, height: HEX_HEIGHT })),
      graph.edges,
      // Room for the port names on the edges.
      220,
    ).then(
      (result) => !cancelled && setBoxes(result),
      () => !cancelled && setBoxes(new Map()),
    );
    return () => {
      cancelled = true;
    };
  }, [unplaced, graph.edges]);

  useEffect(() => {
    if (boxes) void fitView({ padding: 0.15, maxZoom: 1.2 });
  }, [boxes, fitView]);

  const nodes: Node[] = boxes
    ? unplaced.map((node) => ({ ...node, position: { x: boxes.get(node.id)?.x ?? 0, y: boxes.get(node.id)?.y ?? 0 } }))
    : [];
  const nameOf = new Map(unplaced.map((node) => [node.id, node.data.label]));
  const edges: Edge[] = graph.edges.map((edge) => ({
    id: edge.id,
    source: edge.source,
    target: edge.target,
    label: edge.portName ?? undefined,
    ariaLabel: [nameOf.get(edge.source), edge.portName, nameOf.get(edge.target)].filter(Boolean).join(" → "),
    markerEnd: { type: MarkerType.ArrowClosed },
    focusable: false,
  }));

  return (
    <GraphCanvas
      className="h-[340px]"
      aria-label={`Neighbourhood graph of ${graph.product.displayName}`}
      nodes={nodes}
      edges={edges}
      elementsSelectable={false}
      maxZoom={1.5}
    />
  );
}

/** The graph as text: the neighbours upstream and downstream with the ports between them. */
function NeighbourhoodList({ graph }: { graph: ProductNeighbourhoodDto }) {
  const portsBetween = (source: string, target: string) =>
    graph.edges
      .filter((edge) => edge.source === source && edge.target === target && edge.portName)
      .map((edge) => edge.portName)
      .join(", ");
  const centre = graph.product.id;
  return (
    <div className="grid gap-4 text-sm sm:grid-cols-2" aria-label="Neighbourhood as a list" role="group">
      <div>
        <h3 className="text-xs font-medium tracking-wide text-muted uppercase">
          Upstream <span className="tabular-nums">({graph.upstream.length + graph.sourceSystems.length})</span>
        </h3>
        {graph.upstream.length + graph.sourceSystems.length === 0 ? (
          <p className="mt-1 text-faint">Nothing upstream that you can see.</p>
        ) : (
          <ul className="mt-1 space-y-1">
            {graph.sourceSystems.map((source) => (
              <li key={source.id} className="flex items-center gap-2">
                <ServerIcon className="size-3.5 shrink-0 text-muted" />
                <span className="text-foreground">{source.displayName}</span>
                <span className="text-xs text-muted">source system · {source.kind}</span>
              </li>
            ))}
            {graph.upstream.map((product) => (
              <NeighbourItem key={product.id} product={product} ports={portsBetween(product.id, centre)} />
            ))}
          </ul>
        )}
      </div>
      <div>
        <h3 className="text-xs font-medium tracking-wide text-muted uppercase">
          Downstream <span className="tabular-nums">({graph.downstream.length})</span>
        </h3>
        {graph.downstream.length === 0 ? (
          <p className="mt-1 text-faint">No product that you can see reads this one.</p>
        ) : (
          <ul className="mt-1 space-y-1">
            {graph.downstream.map((product) => (
              <NeighbourItem key={product.id} product={product} ports={portsBetween(centre, product.id)} />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function NeighbourItem({ product, ports }: { product: GraphProductDto; ports: string }) {
  return (
    <li className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
      <span aria-hidden className={cn("size-2 shrink-0 rounded-sm", domainTone(product.rootDomain).dot)} />
      <Link
        href={productPath(product.domain, product.name)}
        className="font-medium text-foreground underline-offset-4 hover:underline"
      >
        {product.displayName}
      </Link>
      <span className="font-mono text-xs text-muted">{product.ref}</span>
      {ports && <span className="text-xs text-muted">via {ports}</span>}
      {product.status !== "active" && <StatusBadge status={product.status} />}
    </li>
  );
}
