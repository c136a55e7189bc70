"use client";
// What every graph view shares: fetching graph JSON for TanStack Query, the loading/error box, and the React Flow
// canvas with the house settings (hexagon nodes, no editing, background, zoom controls).
import "@xyflow/react/dist/style.css";
import { Background, Controls, ReactFlow, type NodeTypes, type ReactFlowProps } from "@xyflow/react";
import { cn } from "@/components/ui/cn";
import { cardClasses } from "@/components/ui/styles";
import { DomainGroupView, HexagonNodeView } from "./hexagon-node";

const nodeTypes: NodeTypes = { hexagon: HexagonNodeView, domainGroup: DomainGroupView };

/** Thrown for a non-2xx answer of the graph API, with its status. */
export class GraphFetchError extends Error {
  constructor(readonly status: number) {
    super(status === 404 ? "This graph is not available to you." : `The graph could not be loaded (${status}).`);
  }
}

export async function fetchGraph<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  if (!response.ok) throw new GraphFetchError(response.status);
  return (await response.json()) as T;
}

/** The box shown while a graph loads or when it failed. */
export function GraphMessage({
  error,
  loading = "Loading the mesh graph…",
  className = "h-[560px]",
}: {
  error: Error | null;
  loading?: string;
  className?: string;
}) {
  return (
    <div className={cn(cardClasses, "flex items-center justify-center text-sm text-muted", className)} role="status">
      {error ? error.message : loading}
    </div>
  );
}

/** A read-only React Flow canvas in a card of the given height class. */
export function GraphCanvas({ className, children, ...props }: ReactFlowProps & { className: string }) {
  return (
    <div className={cn(cardClasses, "overflow-hidden", className)}>
      <ReactFlow
        nodeTypes={nodeTypes}
        nodesConnectable={false}
        nodesDraggable={false}
        minZoom={0.05}
        fitView
        proOptions={{ hideAttribution: true }}
        {...props}
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
        {children}
      </ReactFlow>
    </div>
  );
}
