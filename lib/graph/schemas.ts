// The mesh as a graph: DTOs shared by the graph API, the /mesh page and its client components, plus pure graph
// logic (upstream/downstream closure, domain aggregation, metrics). No database access here.
import { z } from "zod";
import type { Archetype, LifecycleStatus } from "../generated/prisma/enums";
import { storableText } from "../url-segment";

/** Above this many visible products, /mesh opens on the domain overview instead of the product graph. */
export const PRODUCT_GRAPH_THRESHOLD = 300;
/**
 * How many of a domain's products its product graph draws at a time (the next by name, with their neighbours from
 * other domains): a graph of thousands of nodes can be neither laid out nor read.
 */
export const DOMAIN_GRAPH_PAGE_SIZE = 300;
/** How many most-consumed products the metrics list. */
export const MOST_CONSUMED_LIMIT = 5;

/** A product ref in a query string: `<domain>/<name>`, each part without a slash. */
export const ProductRefParam = z
  .string()
  .trim()
  .max(401)
  .transform((value, ctx) => {
    const [domain, name, ...rest] = storableText(value).split("/");
    if (!domain || !name || rest.length > 0 || domain.length > 200 || name.length > 200) {
      ctx.addIssue({ code: "custom", message: "A product is `<domain>/<name>`." });
      return z.NEVER;
    }
    return { domain, name };
  });

/** A cursor of the keyset pages of a domain's product graph, as the API gave it in `page.next` or `page.previous`. */
const GraphCursorParam = z.string().min(1).max(1000);

/**
 * `?domain=<name>` or `?product=<domain>/<name>` of GET /api/v1/graph/products: a domain with its neighbours, or
 * one product's neighbourhood (one hop up and down); not both. With a domain, `after` or `before` (a cursor of the
 * answer's `page`) moves through its products when it has more than one graph holds.
 */
export const ProductGraphInput = z
  .object({
    domain: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[a-z0-9][a-z0-9-]*$/)
      .optional(),
    product: ProductRefParam.optional(),
    after: GraphCursorParam.optional(),
    before: GraphCursorParam.optional(),
  })
  .refine((input) => !(input.domain && input.product), {
    message: "Give either `domain` or `product`, not both.",
    path: ["product"],
  })
  .refine((input) => !(input.after && input.before), {
    message: "Give either `after` or `before`, not both.",
    path: ["before"],
  })
  .refine((input) => input.domain || !(input.after || input.before), {
    message: "`after` and `before` page through a domain's products: give `domain` too.",
    path: ["domain"],
  });
export type ProductGraphInput = z.infer<typeof ProductGraphInput>;

export interface GraphProductDto {
  id: string;
  /** `<domain>/<name>`. */
  ref: string;
  name: string;
  displayName: string;
  domain: string;
  domainDisplayName: string;
  /** The top-level domain (for the colour). */
  rootDomain: string;
  team: string;
  teamDisplayName: string;
  status: LifecycleStatus;
  archetype: Archetype;
}

/** A consumption edge: the upstream product's output port feeds an input port of the consuming product. */
export interface GraphEdgeDto {
  /** The input port's id. */
  id: string;
  source: string;
  target: string;
  portName: string;
  portDisplayName: string;
}

/**
 * Where a domain's product graph stands among the domain's products, which it draws DOMAIN_GRAPH_PAGE_SIZE at a
 * time by name (with their neighbours from other domains).
 */
export interface DomainGraphPageDto {
  /** The domain's products the actor may see. */
  total: number;
  /** How many of them come before this page's first, by name. */
  offset: number;
  /** This page's products of the domain. */
  count: number;
  /** The `after` cursor of the next page, null on the last. */
  next: string | null;
  /** The `before` cursor of the previous page, null on the first. */
  previous: string | null;
}

export interface ProductGraphDto {
  /** The domain asked for, or null for the whole mesh. */
  domain: string | null;
  nodes: GraphProductDto[];
  edges: GraphEdgeDto[];
  /** With a domain: which of its products this graph holds; null for the whole mesh. */
  page: DomainGraphPageDto | null;
}

/** A source system feeding the product of a neighbourhood. */
export interface GraphSourceSystemDto {
  id: string;
  name: string;
  displayName: string;
  kind: string;
  domain: string;
  rootDomain: string;
}

/**
 * One product and its direct neighbours: the products it consumes (upstream), the source systems feeding it and
 * the products consuming its output ports (downstream). `edges` run from producer to consumer; an edge from a
 * source system has its id as `source` and no port.
 */
export interface ProductNeighbourhoodDto {
  product: GraphProductDto;
  /** The neighbouring products the actor may see, without the product itself. */
  upstream: GraphProductDto[];
  downstream: GraphProductDto[];
  sourceSystems: GraphSourceSystemDto[];
  edges: (Omit<GraphEdgeDto, "portName" | "portDisplayName"> & {
    portName: string | null;
    portDisplayName: string | null;
  })[];
}

export interface GraphDomainDto {
  name: string;
  displayName: string;
  rootDomain: string;
  productCount: number;
}

export interface DomainEdgeDto {
  source: string;
  target: string;
  /** Number of consumption edges from products of `source` to products of `target`. */
  weight: number;
}

export interface DomainGraphDto {
  domains: GraphDomainDto[];
  edges: DomainEdgeDto[];
}

export interface MeshMetricsDto {
  products: number;
  consumptionEdges: number;
  /** Share of consumption edges crossing a domain boundary, 0-100, or null without edges. */
  crossDomainShare: number | null;
  productsWithoutConsumers: number;
  mostConsumed: { ref: string; displayName: string; consumers: number }[];
}

type Link = { source: string; target: string };

/** Every node reachable from `start` following edges forwards ("downstream") or backwards ("upstream"). */
export function closure(edges: Link[], start: string, direction: "upstream" | "downstream"): Set<string> {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    const [from, to] = direction === "downstream" ? [edge.source, edge.target] : [edge.target, edge.source];
    next.set(from, [...(next.get(from) ?? []), to]);
  }
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const current = stack.pop()!;
    for (const neighbour of next.get(current) ?? []) {
      if (seen.has(neighbour) || neighbour === start) continue; // cycle safety
      seen.add(neighbour);
      stack.push(neighbour);
    }
  }
  return seen;
}

/** The selected node, everything upstream and downstream of it, and the edges between them. */
export function lineageOf(
  edges: (Link & { id: string })[],
  selected: string,
): { nodes: Set<string>; edges: Set<string> } {
  const upstream = closure(edges, selected, "upstream");
  const downstream = closure(edges, selected, "downstream");
  const nodes = new Set([selected, ...upstream, ...downstream]);
  const onPath = edges.filter(
    (edge) =>
      ((upstream.has(edge.source) || edge.source === selected) &&
        (upstream.has(edge.target) || edge.target === selected)) ||
      ((downstream.has(edge.source) || edge.source === selected) &&
        (downstream.has(edge.target) || edge.target === selected)),
  );
  return { nodes, edges: new Set(onPath.map((edge) => edge.id)) };
}

/** Consumption edges summed per (upstream domain, consuming domain); edges inside one domain are left out. */
export function aggregateDomainEdges(nodes: { id: string; domain: string }[], edges: Link[]): DomainEdgeDto[] {
  const domainOf = new Map(nodes.map((node) => [node.id, node.domain]));
  const weights = new Map<string, DomainEdgeDto>();
  for (const edge of edges) {
    const source = domainOf.get(edge.source);
    const target = domainOf.get(edge.target);
    if (!source || !target || source === target) continue;
    const key = `${source}\u0000${target}`;
    const current = weights.get(key) ?? { source, target, weight: 0 };
    current.weight += 1;
    weights.set(key, current);
  }
  return [...weights.values()].toSorted((a, b) => b.weight - a.weight || a.source.localeCompare(b.source));
}

/** Products, edges, cross-domain share, products nobody consumes and the most consumed products. */
export function computeMeshMetrics(
  nodes: { id: string; ref: string; displayName: string; domain: string }[],
  edges: Link[],
  limit = MOST_CONSUMED_LIMIT,
): MeshMetricsDto {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const known = edges.filter((edge) => byId.has(edge.source) && byId.has(edge.target));
  const consumers = new Map<string, Set<string>>();
  let cross = 0;
  for (const edge of known) {
    if (byId.get(edge.source)!.domain !== byId.get(edge.target)!.domain) cross += 1;
    consumers.set(edge.source, (consumers.get(edge.source) ?? new Set()).add(edge.target));
  }
  const mostConsumed = [...consumers.entries()]
    .map(([id, set]) => ({ ref: byId.get(id)!.ref, displayName: byId.get(id)!.displayName, consumers: set.size }))
    .toSorted((a, b) => b.consumers - a.consumers || a.ref.localeCompare(b.ref))
    .slice(0, limit);
  return {
    products: nodes.length,
    consumptionEdges: known.length,
    crossDomainShare: known.length === 0 ? null : Math.round((cross / known.length) * 1000) / 10,
    productsWithoutConsumers: nodes.filter((node) => !consumers.has(node.id)).length,
    mostConsumed,
  };
}

/** A page of a domain's product graph: after or before a cursor of DomainGraphPageDto. */
export type GraphCursor = { after: string; before?: undefined } | { after?: undefined; before: string };

/** The typed TanStack Query keys of the graph API. */
export const graphKeys = {
  all: ["graph"] as const,
  products: (domain: string | null, cursor: GraphCursor | null = null) =>
    [...graphKeys.all, "products", domain ?? "*", cursor?.after ?? "", cursor?.before ?? ""] as const,
  domains: () => [...graphKeys.all, "domains"] as const,
  neighbourhood: (ref: string) => [...graphKeys.all, "neighbourhood", ref] as const,
};

/** Addresses of the graph API. */
export function productGraphUrl(domain: string | null, cursor: GraphCursor | null = null): string {
  if (!domain) return "/api/v1/graph/products";
  const params = new URLSearchParams({ domain });
  if (cursor?.after) params.set("after", cursor.after);
  if (cursor?.before) params.set("before", cursor.before);
  return `/api/v1/graph/products?${params}`;
}
export function productNeighbourhoodUrl(ref: string): string {
  return `/api/v1/graph/products?product=${encodeURIComponent(ref)}`;
}
export const DOMAIN_GRAPH_URL = "/api/v1/graph/domains";
