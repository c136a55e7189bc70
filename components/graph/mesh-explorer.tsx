"use client";
import { useQuery } from "@tanstack/react-query";
import { MarkerType, ReactFlowProvider, useReactFlow, type Edge, type Node } from "@xyflow/react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { ArchetypeBadge, StatusBadge } from "@/components/catalog/badges";
import { ARCHETYPE_LABELS, ARCHETYPE_ORDER, STATUS_LABELS, STATUS_ORDER } from "@/components/catalog/labels";
import { cn } from "@/components/ui/cn";
import { buttonClasses, cardClasses, inputClasses } from "@/components/ui/styles";
import type { Archetype, LifecycleStatus } from "@/lib/generated/prisma/enums";
import {
  DOMAIN_GRAPH_PAGE_SIZE,
  DOMAIN_GRAPH_URL,
  graphKeys,
  lineageOf,
  productGraphUrl,
  type DomainGraphDto,
  type DomainGraphPageDto,
  type GraphCursor,
  type GraphProductDto,
  type ProductGraphDto,
} from "@/lib/graph/schemas";
import { productPath } from "@/lib/products/schemas";
import { fetchGraph, GraphCanvas, GraphMessage } from "./graph-canvas";
import { HEX_HEIGHT, HEX_WIDTH } from "./hexagon-node";
import { DomainRelationsTable, ProductRelationsTable } from "./mesh-relations-table";
import { layoutGroups, layoutOverview, type Box } from "./layout";

type View = "products" | "domains";

export interface MeshExplorerProps {
  initialView: View;
  /** False above the threshold: the whole-mesh product graph is then not offered, only one domain at a time. */
  wholeMeshAllowed: boolean;
  domains: { name: string; displayName: string }[];
}

/**
 * The interactive mesh graph: product graph or domain overview, filters, find, lineage highlight, side panel, and
 * the relations it draws as a table.
 */
export function MeshExplorer(props: MeshExplorerProps) {
  return (
    <ReactFlowProvider>
      <Explorer {...props} />
    </ReactFlowProvider>
  );
}

function Explorer({ initialView, wholeMeshAllowed, domains }: MeshExplorerProps) {
  // The domain opened is in the URL (`/mesh?domain=<name>`): it can be shared, and the back button returns to the
  // overview. An unknown name opens the default view.
  const asked = useSearchParams().get("domain");
  const focusDomain = asked !== null && domains.some((domain) => domain.name === asked) ? asked : null;
  const [view, setView] = useState<View>(focusDomain ? "products" : initialView);
  // The page of the domain's products, kept with the domain it belongs to.
  const [paging, setPaging] = useState<{ domain: string; cursor: GraphCursor } | null>(null);
  const cursor = paging !== null && paging.domain === focusDomain ? paging.cursor : null;
  const [domainFilter, setDomainFilter] = useState("");
  const [archetypes, setArchetypes] = useState<Set<Archetype>>(new Set(ARCHETYPE_ORDER));
  const [statuses, setStatuses] = useState<Set<LifecycleStatus>>(new Set(STATUS_ORDER));
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const showProducts = focusDomain !== null || (view === "products" && wholeMeshAllowed);
  const productsQuery = useQuery({
    queryKey: graphKeys.products(focusDomain, cursor),
    queryFn: () => fetchGraph<ProductGraphDto>(productGraphUrl(focusDomain, cursor)),
    enabled: showProducts,
  });
  const domainsQuery = useQuery({
    queryKey: graphKeys.domains(),
    queryFn: () => fetchGraph<DomainGraphDto>(DOMAIN_GRAPH_URL),
    enabled: !showProducts,
  });

  // Next.js keeps useSearchParams in step with pushState.
  const setFocusDomain = (name: string | null) => {
    if (name === focusDomain) return;
    window.history.pushState(null, "", name === null ? "/mesh" : `/mesh?domain=${encodeURIComponent(name)}`);
  };
  const openDomain = (name: string) => {
    setFocusDomain(name);
    setPaging(null);
    setSelectedId(null);
    setView("products");
  };
  const movePage = (next: GraphCursor) => {
    if (focusDomain !== null) setPaging({ domain: focusDomain, cursor: next });
    setSelectedId(null);
  };

  return (
    <section aria-label="Mesh graph" className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <div role="group" aria-label="Graph view" className="inline-flex rounded-lg border border-line-strong p-0.5">
          {(["products", "domains"] as const).map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={(option === "products") === showProducts}
              onClick={() => {
                setView(option);
                setSelectedId(null);
                if (option === "domains") setFocusDomain(null);
              }}
              className={cn(
                "h-7 rounded-md px-3 text-sm font-medium",
                (option === "products") === showProducts ? "bg-subtle text-foreground" : "text-muted",
              )}
            >
              {option === "products" ? "Product graph" : "Domain overview"}
            </button>
          ))}
        </div>
        {showProducts && focusDomain && (
          <p className="text-sm text-muted">
            {productsQuery.data?.page && productsQuery.data.page.total > productsQuery.data.page.count ? (
              <DomainPageSummary domain={focusDomain} page={productsQuery.data.page} />
            ) : (
              <>
                Domain <strong className="text-foreground">{focusDomain}</strong> and its direct neighbours
              </>
            )}
            {wholeMeshAllowed && (
              <button
                type="button"
                className="ml-2 text-brand underline"
                onClick={() => {
                  setFocusDomain(null);
                  setSelectedId(null);
                }}
              >
                Show the whole mesh
              </button>
            )}
          </p>
        )}
        {showProducts && productsQuery.data?.page && <DomainPager page={productsQuery.data.page} onMove={movePage} />}
      </div>
      {showProducts ? (
        productsQuery.data ? (
          <ProductGraph
            graph={productsQuery.data}
            domains={domains}
            domainFilter={domainFilter}
            setDomainFilter={setDomainFilter}
            archetypes={archetypes}
            setArchetypes={setArchetypes}
            statuses={statuses}
            setStatuses={setStatuses}
            selectedId={selectedId}
            setSelectedId={setSelectedId}
          />
        ) : (
          <GraphMessage error={productsQuery.error} />
        )
      ) : domainsQuery.data ? (
        <DomainOverview graph={domainsQuery.data} onOpen={openDomain} />
      ) : (
        <GraphMessage error={domainsQuery.error} />
      )}
    </section>
  );
}

function toggle<T>(set: Set<T>, value: T): Set<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

interface ProductGraphProps {
  graph: ProductGraphDto;
  domains: { name: string; displayName: string }[];
  domainFilter: string;
  setDomainFilter: (value: string) => void;
  archetypes: Set<Archetype>;
  setArchetypes: (value: Set<Archetype>) => void;
  statuses: Set<LifecycleStatus>;
  setStatuses: (value: Set<LifecycleStatus>) => void;
  selectedId: string | null;
  setSelectedId: (value: string | null) => void;
}

function ProductGraph(props: ProductGraphProps) {
  const { graph, domainFilter, archetypes, statuses, selectedId, setSelectedId } = props;
  const { fitView } = useReactFlow();
  const [boxes, setBoxes] = useState<Map<string, Box> | null>(null);
  const [hoveredEdge, setHoveredEdge] = useState<string | null>(null);
  const [findText, setFindText] = useState("");
  const [findMessage, setFindMessage] = useState("");
  /** What Find did not find on the graph, to look for in the catalog instead. */
  const [missed, setMissed] = useState("");

  const visibleNodes = useMemo(
    () =>
      graph.nodes.filter(
        (node) =>
          (domainFilter === "" || node.domain === domainFilter) &&
          archetypes.has(node.archetype) &&
          statuses.has(node.status),
      ),
    [graph.nodes, domainFilter, archetypes, statuses],
  );
  const visibleEdges = useMemo(() => {
    const ids = new Set(visibleNodes.map((node) => node.id));
    return graph.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target));
  }, [graph.edges, visibleNodes]);
  const byDomain = useMemo(() => {
    const groups = new Map<string, GraphProductDto[]>();
    for (const node of visibleNodes) groups.set(node.domain, [...(groups.get(node.domain) ?? []), node]);
    return groups;
  }, [visibleNodes]);

  useEffect(() => {
    let cancelled = false;
    layoutGroups(
      [...byDomain.entries()].map(([domain, nodes]) => ({
        id: `domain:${domain}`,
        children: nodes.map((node) => ({ id: node.id, width: HEX_WIDTH, height: HEX_HEIGHT })),
      })),
      visibleEdges,
    ).then(
      (result) => {
        if (!cancelled) setBoxes(result);
      },
      () => {
        if (!cancelled) setBoxes(new Map());
      },
    );
    return () => {
      cancelled = true;
    };
  }, [byDomain, visibleEdges]);

  useEffect(() => {
    if (boxes) void fitView({ padding: 0.1 });
  }, [boxes, fitView]);

  const lineage = useMemo(
    () =>
      selectedId && visibleNodes.some((node) => node.id === selectedId) ? lineageOf(visibleEdges, selectedId) : null,
    [selectedId, visibleNodes, visibleEdges],
  );

  const nodes = useMemo<Node[]>(() => {
    if (!boxes) return [];
    const result: Node[] = [];
    for (const [domain, members] of byDomain) {
      const groupId = `domain:${domain}`;
      const box = boxes.get(groupId);
      if (!box) continue;
      result.push({
        id: groupId,
        type: "domainGroup",
        position: { x: box.x, y: box.y },
        style: { width: box.width, height: box.height },
        data: { label: members[0].domainDisplayName, rootDomain: members[0].rootDomain },
        selectable: false,
        focusable: false,
        draggable: false,
        zIndex: -1,
      });
      for (const node of members) {
        const child = boxes.get(node.id);
        if (!child) continue;
        result.push({
          id: node.id,
          type: "hexagon",
          parentId: groupId,
          position: { x: child.x, y: child.y },
          ariaLabel: `${node.displayName}, ${node.ref}`,
          ariaRole: "button",
          data: {
            label: node.displayName,
            caption: node.ref,
            rootDomain: node.rootDomain,
            selected: node.id === selectedId,
            dimmed: lineage !== null && !lineage.nodes.has(node.id),
          },
          draggable: false,
          zIndex: 1,
        });
      }
    }
    return result;
  }, [boxes, byDomain, lineage, selectedId]);

  const nameOf = useMemo(() => new Map(graph.nodes.map((node) => [node.id, node.displayName])), [graph.nodes]);
  const edges = useMemo<Edge[]>(
    () =>
      visibleEdges.map((edge) => {
        const onLineage = lineage?.edges.has(edge.id) ?? false;
        const dimmed = lineage !== null && !onLineage;
        return {
          id: edge.id,
          source: edge.source,
          target: edge.target,
          ariaLabel: `${nameOf.get(edge.source)} → ${edge.portName} → ${nameOf.get(edge.target)}`,
          label: hoveredEdge === edge.id || onLineage ? edge.portName : undefined,
          markerEnd: { type: MarkerType.ArrowClosed },
          animated: onLineage,
          style: { opacity: dimmed ? 0.15 : 1, strokeWidth: onLineage ? 2 : 1.25 },
          // Above the domain boxes (-1), below the products (1): a click on a product never lands on an edge.
          zIndex: 0,
        };
      }),
    [visibleEdges, lineage, hoveredEdge, nameOf],
  );

  const selected = graph.nodes.find((node) => node.id === selectedId) ?? null;
  const domainOptions = useMemo(() => {
    const present = new Set(graph.nodes.map((node) => node.domain));
    return props.domains.filter((domain) => present.has(domain.name));
  }, [graph.nodes, props.domains]);

  const onFind = (event: FormEvent) => {
    event.preventDefault();
    const text = findText.trim().toLowerCase();
    if (!text) return;
    const match =
      visibleNodes.find((node) => node.displayName.toLowerCase() === text || node.ref === text) ??
      visibleNodes.find((node) => node.displayName.toLowerCase().includes(text) || node.ref.includes(text));
    const page = graph.page;
    if (!match) {
      setFindMessage(
        `No product on the graph matches “${findText.trim()}”.` +
          (page && page.total > page.count
            ? ` The graph draws ${page.count} of the domain's ${page.total.toLocaleString("en")} products.`
            : ""),
      );
      setMissed(findText.trim());
      return;
    }
    setMissed("");
    setFindMessage(`Found ${match.displayName}.`);
    setSelectedId(match.id);
    void fitView({ nodes: [{ id: match.id }], duration: 400, maxZoom: 1.4 });
  };

  return (
    <div className="grid gap-3 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="space-y-3">
        <div className={cn(cardClasses, "flex flex-wrap items-end gap-x-5 gap-y-3 p-3")}>
          <form
            onSubmit={onFind}
            className="flex items-end gap-2"
            role="search"
            aria-label="Find a product on the graph"
          >
            <label className="text-xs font-medium text-muted">
              Find a product
              <input
                value={findText}
                onChange={(event) => setFindText(event.target.value)}
                placeholder="Name or ref"
                className={cn(inputClasses, "mt-1 h-8 w-48")}
              />
            </label>
            <button type="submit" className={buttonClasses("secondary", "sm")}>
              Find
            </button>
          </form>
          <label className="text-xs font-medium text-muted">
            Domain
            <select
              value={props.domainFilter}
              onChange={(event) => props.setDomainFilter(event.target.value)}
              className={cn(inputClasses, "mt-1 h-8 w-44")}
            >
              <option value="">All domains</option>
              {domainOptions.map((domain) => (
                <option key={domain.name} value={domain.name}>
                  {domain.displayName}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="text-xs">
            <legend className="font-medium text-muted">Archetype</legend>
            <div className="mt-1 flex flex-wrap gap-3">
              {ARCHETYPE_ORDER.map((archetype) => (
                <label key={archetype} className="inline-flex items-center gap-1">
                  <input
                    type="checkbox"
                    checked={archetypes.has(archetype)}
                    onChange={() => props.setArchetypes(toggle(archetypes, archetype))}
                  />
                  {ARCHETYPE_LABELS[archetype]}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset className="text-xs">
            <legend className="font-medium text-muted">Status</legend>
            <div className="mt-1 flex flex-wrap gap-3">
              {STATUS_ORDER.map((status) => (
                <label key={status} className="inline-flex items-center gap-1">
                  <input
                    type="checkbox"
                    checked={statuses.has(status)}
                    onChange={() => props.setStatuses(toggle(statuses, status))}
                  />
                  {STATUS_LABELS[status]}
                </label>
              ))}
            </div>
          </fieldset>
          <p role="status" className="text-xs text-muted">
            {findMessage}
          </p>
          {missed && (
            <Link href={`/products?q=${encodeURIComponent(missed)}`} className="text-xs text-brand underline">
              Search the catalog for “{missed}”
            </Link>
          )}
        </div>
        <GraphCanvas
          className="h-[600px]"
          nodes={nodes}
          edges={edges}
          onNodeClick={(_, node) => {
            if (node.type === "hexagon") setSelectedId(node.id === selectedId ? null : node.id);
          }}
          onPaneClick={() => setSelectedId(null)}
          onEdgeMouseEnter={(_, edge) => setHoveredEdge(edge.id)}
          onEdgeMouseLeave={() => setHoveredEdge(null)}
          zIndexMode="manual"
        />
        <p className="text-xs text-muted">
          {visibleNodes.length} products and {visibleEdges.length} consumption edges shown. Select a product to
          highlight everything upstream and downstream of it.
        </p>
      </div>
      <ProductPanel
        product={selected}
        lineageSize={lineage ? lineage.nodes.size - 1 : 0}
        onClose={() => setSelectedId(null)}
      />
      <div className="lg:col-span-2">
        <ProductRelationsTable nodes={visibleNodes} edges={visibleEdges} />
      </div>
    </div>
  );
}

/** "Domain orders: products 301–600 of 5,647 by name, and their direct neighbours". */
function DomainPageSummary({ domain, page }: { domain: string; page: DomainGraphPageDto }) {
  const range =
    page.count === 0
      ? "no products"
      : page.count === 1
        ? `product ${(page.offset + 1).toLocaleString("en")}`
        : `products ${(page.offset + 1).toLocaleString("en")}–${(page.offset + page.count).toLocaleString("en")}`;
  return (
    <>
      Domain <strong className="text-foreground">{domain}</strong>: {range} of {page.total.toLocaleString("en")} by
      name, and their direct neighbours
    </>
  );
}

/** Moves through a domain's products when it has more than one graph draws. */
function DomainPager({ page, onMove }: { page: DomainGraphPageDto; onMove: (cursor: GraphCursor) => void }) {
  if (page.next === null && page.previous === null) return null;
  const { previous, next } = page;
  const before = Math.min(DOMAIN_GRAPH_PAGE_SIZE, page.offset);
  const after = Math.min(DOMAIN_GRAPH_PAGE_SIZE, page.total - page.offset - page.count);
  return (
    <nav aria-label="Pages of the domain's products" className="flex gap-2">
      <button
        type="button"
        disabled={previous === null}
        onClick={() => previous !== null && onMove({ before: previous })}
        className={buttonClasses("secondary", "sm")}
      >
        ← Previous {before > 0 ? before : DOMAIN_GRAPH_PAGE_SIZE}
      </button>
      <button
        type="button"
        disabled={next === null}
        onClick={() => next !== null && onMove({ after: next })}
        className={buttonClasses("secondary", "sm")}
      >
        Next {after > 0 ? after : DOMAIN_GRAPH_PAGE_SIZE} →
      </button>
    </nav>
  );
}

function ProductPanel({
  product,
  lineageSize,
  onClose,
}: {
  product: GraphProductDto | null;
  lineageSize: number;
  onClose: () => void;
}) {
  if (!product) {
    return (
      <aside aria-label="Selected product" className={cn(cardClasses, "p-4 text-sm text-muted")}>
        Click a product on the graph to see its details here.
      </aside>
    );
  }
  return (
    <aside aria-label="Selected product" className={cn(cardClasses, "space-y-3 p-4 text-sm")}>
      <div className="flex items-start justify-between gap-2">
        <h2 className="text-base font-semibold">{product.displayName}</h2>
        <button type="button" onClick={onClose} className={buttonClasses("ghost", "sm")} aria-label="Close the panel">
          ✕
        </button>
      </div>
      <p className="font-mono text-xs text-muted">{product.ref}</p>
      <dl className="grid grid-cols-[6rem_1fr] gap-y-1.5">
        <dt className="text-muted">Domain</dt>
        <dd>{product.domainDisplayName}</dd>
        <dt className="text-muted">Team</dt>
        <dd>{product.teamDisplayName}</dd>
        <dt className="text-muted">Status</dt>
        <dd>
          <StatusBadge status={product.status} />
        </dd>
        <dt className="text-muted">Archetype</dt>
        <dd>
          <ArchetypeBadge archetype={product.archetype} />
        </dd>
        <dt className="text-muted">Lineage</dt>
        <dd>{lineageSize} products upstream and downstream</dd>
      </dl>
      <Link href={productPath(product.domain, product.name)} className={buttonClasses("primary", "sm", "w-full")}>
        Open {product.displayName}
      </Link>
    </aside>
  );
}

function DomainOverview({ graph, onOpen }: { graph: DomainGraphDto; onOpen: (domain: string) => void }) {
  const { fitView } = useReactFlow();
  const [boxes, setBoxes] = useState<Map<string, Box> | null>(null);
  // Grouped by top-level domain so that the domains without edges, laid out in a grid, cluster by colour.
  const domains = useMemo(
    () =>
      graph.domains
        .filter((domain) => domain.productCount > 0)
        .sort((a, b) => a.rootDomain.localeCompare(b.rootDomain) || a.name.localeCompare(b.name)),
    [graph.domains],
  );
  const links = useMemo(
    () => graph.edges.map((edge) => ({ ...edge, id: `${edge.source}->${edge.target}` })),
    [graph.edges],
  );

  useEffect(() => {
    let cancelled = false;
    layoutOverview(
      domains.map((domain) => ({ id: domain.name, width: HEX_WIDTH + 32, height: HEX_HEIGHT + 16 })),
      links,
    ).then(
      (result) => !cancelled && setBoxes(result),
      () => !cancelled && setBoxes(new Map()),
    );
    return () => {
      cancelled = true;
    };
  }, [domains, links]);

  useEffect(() => {
    if (boxes) void fitView({ padding: 0.15 });
  }, [boxes, fitView]);

  const max = Math.max(1, ...links.map((link) => link.weight));
  const nodes: Node[] = boxes
    ? domains.map((domain) => ({
        id: domain.name,
        type: "hexagon",
        position: { x: boxes.get(domain.name)?.x ?? 0, y: boxes.get(domain.name)?.y ?? 0 },
        ariaLabel: `Domain ${domain.displayName}, ${domain.productCount} products`,
        ariaRole: "button",
        data: {
          label: domain.displayName,
          caption: `${domain.productCount} products`,
          rootDomain: domain.rootDomain,
          selected: false,
          dimmed: false,
          large: true,
        },
        draggable: false,
      }))
    : [];
  const edges: Edge[] = links.map((link) => ({
    id: link.id,
    source: link.source,
    target: link.target,
    label: String(link.weight),
    ariaLabel: `${link.source} → ${link.target}: ${link.weight} consumption edges`,
    markerEnd: { type: MarkerType.ArrowClosed },
    style: { strokeWidth: 1 + (5 * link.weight) / max },
  }));

  return (
    <div className="space-y-2">
      <GraphCanvas className="h-[600px]" nodes={nodes} edges={edges} onNodeClick={(_, node) => onOpen(node.id)} />
      <p className="text-xs text-muted">
        Domains with their products; an edge&apos;s number counts the consumption edges between two domains. Click a
        domain to open its products and their direct neighbours.
      </p>
      <DomainRelationsTable graph={graph} />
    </div>
  );
}
