import "server-only";
import { db, prepared } from "../db";
import { InvalidInputError, NotFoundError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import type { Archetype, LifecycleStatus } from "../generated/prisma/enums";
import { sqlScopeFor, type Actor } from "../authz";
import { decodeNameCursor, encodeNameCursor, keysetPage, type NameCursor } from "../keyset";
import { productRef } from "../products/schemas";
import {
  DOMAIN_GRAPH_PAGE_SIZE,
  MOST_CONSUMED_LIMIT,
  type DomainGraphDto,
  type GraphCursor,
  type GraphEdgeDto,
  type GraphProductDto,
  type GraphSourceSystemDto,
  type MeshMetricsDto,
  type ProductGraphDto,
  type ProductNeighbourhoodDto,
} from "./schemas";

// Every function takes the actor explicitly: route handlers answer 401 themselves (requireActor would redirect).

/** Each domain with the name of its top-level domain (for the colour); cycle-safe, depth-limited. */
const DOMAIN_ROOTS = Prisma.sql`
  WITH RECURSIVE roots AS (
    SELECT d.id, d.name AS root, d.parent_id, 0 AS depth, ARRAY[d.id] AS path FROM domains d
    UNION ALL
    SELECT r.id, parent.name, parent.parent_id, r.depth + 1, r.path || parent.id
    FROM roots r JOIN domains parent ON parent.id = r.parent_id
    WHERE r.depth < 20 AND NOT parent.id = ANY(r.path)
  ),
  domain_roots AS (SELECT DISTINCT ON (id) id, root FROM roots ORDER BY id, depth DESC)`;

interface ProductRow {
  id: string;
  name: string;
  displayName: string;
  domain: string;
  domainDisplayName: string;
  rootDomain: string;
  team: string;
  teamDisplayName: string;
  status: LifecycleStatus;
  archetype: Archetype;
}

interface EdgeRow {
  id: string;
  source: string;
  target: string;
  portName: string;
  portDisplayName: string;
}

/** Whether the product `id` (SQL) is one the actor may see: a per-row probe of the primary key, never a scan. */
function visibleProduct(scope: Prisma.Sql, id: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM data_products p WHERE p.id = ${id} AND ${scope})`;
}

/**
 * The rows of an edge count table whose both ends the actor may see: domain_edge_counts (edges counted per pair
 * of domain, team and status of their two products) or product_edge_counts (per pair of products). `scope` is a
 * condition over a product `p`, applied here to each end's status and owning team in turn, so the counts follow
 * sqlScopeFor exactly.
 */
export function visibleEdgeCounts(
  scope: Prisma.Sql,
  table: "domain_edge_counts" | "product_edge_counts" = "domain_edge_counts",
): Prisma.Sql {
  return Prisma.sql`
    SELECT e.* FROM (
      SELECT e.* FROM ${Prisma.raw(table)} e
      CROSS JOIN LATERAL (SELECT e.source_status AS status, e.source_team_id AS owning_team_id) p
      WHERE ${scope}
    ) e
    CROSS JOIN LATERAL (SELECT e.target_status AS status, e.target_team_id AS owning_team_id) p
    WHERE ${scope}`;
}

/**
 * The rows of product_facet_counts (products counted per domain, team, status and the other facet columns) the
 * actor may see: its status and owning_team_id columns are named like a product's, so the scope applies as is.
 */
export function visibleProductCounts(scope: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT p.* FROM product_facet_counts p WHERE ${scope}`;
}

/** Consumption edges between products the actor may see (both ends). */
function visibleEdges(scope: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT ip.id, op.product_id AS source, ip.product_id AS target,
           op.name AS "portName", op.display_name AS "portDisplayName"
    FROM input_ports ip
    JOIN output_ports op ON op.id = ip.source_output_port_id
    WHERE ${visibleProduct(scope, Prisma.sql`ip.product_id`)} AND ${visibleProduct(scope, Prisma.sql`op.product_id`)}`;
}

/**
 * The product graph the actor may see: all visible products and the consumption edges between them, or, with a
 * domain, a page of that domain's products (`pageSize` by name, after or before a cursor of an earlier page) plus
 * their direct upstream and downstream neighbours. A cursor that is not one of ours is an InvalidInputError.
 */
export async function getProductGraph(
  actor: Actor,
  domain: string | null = null,
  cursor: GraphCursor | null = null,
  pageSize = DOMAIN_GRAPH_PAGE_SIZE,
): Promise<ProductGraphDto> {
  const scope = sqlScopeFor(actor, "product.read");
  if (domain === null) {
    const edges = await db.$queryRaw<EdgeRow[]>(Prisma.sql`SELECT e.* FROM (${visibleEdges(scope)}) e ORDER BY e.id`);
    const nodes = await selectGraphProducts(scope, Prisma.empty);
    return { domain, nodes, edges: edges.map((row): GraphEdgeDto => ({ ...row })), page: null };
  }
  const after = cursor?.after === undefined ? undefined : decodeNameCursor(cursor.after);
  const before = cursor?.before === undefined ? undefined : decodeNameCursor(cursor.before);
  if (cursor && !after && !before) {
    const field = cursor.after === undefined ? "before" : "after";
    throw new InvalidInputError(
      `\`${field}\` is not a cursor of this graph: take it from \`page.next\` or \`page.previous\`.`,
      {
        [field]: ["Not a cursor of this graph."],
      },
    );
  }
  const position = after ?? before;
  const direction = before ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const inDomain = Prisma.sql`p.domain_id = (SELECT d.id FROM domains d WHERE d.name = ${domain}) AND ${scope}`;
  const order = Prisma.sql`ORDER BY p.name ${direction}, p.id ${direction}`;
  // One statement: the page's products along the (domain, name) index (one beyond the page, to know whether more
  // follow); their ports followed both ways (index lookups) instead of every edge of the mesh; the edges and the
  // products at both ends as JSON; and where the page stands among the domain's products.
  const [graph] = await db.$queryRaw<
    { candidates: NameCursor[]; edges: EdgeRow[]; nodes: ProductRow[]; total: number; offset: number }[]
  >(Prisma.sql`
    ${DOMAIN_ROOTS},
    candidates AS MATERIALIZED (
      SELECT p.id, p.name FROM data_products p
      WHERE ${inDomain}
        AND ${
          position
            ? Prisma.sql`(p.name, p.id) ${before ? Prisma.sql`<` : Prisma.sql`>`} (${position.name}, ${position.id}::uuid)`
            : Prisma.sql`TRUE`
        }
      ${order} LIMIT ${pageSize + 1}
    ),
    members AS MATERIALIZED (SELECT p.id, p.name FROM candidates p ${order} LIMIT ${pageSize}),
    edges AS MATERIALIZED (
      SELECT ip.id, op.product_id AS source, ip.product_id AS target,
             op.name AS "portName", op.display_name AS "portDisplayName"
      FROM members m
      JOIN output_ports op ON op.product_id = m.id
      JOIN input_ports ip ON ip.source_output_port_id = op.id
      WHERE ${visibleProduct(scope, Prisma.sql`ip.product_id`)}
      UNION
      SELECT ip.id, op.product_id, ip.product_id, op.name, op.display_name
      FROM members m
      JOIN input_ports ip ON ip.product_id = m.id
      JOIN output_ports op ON op.id = ip.source_output_port_id
      WHERE ${visibleProduct(scope, Prisma.sql`op.product_id`)}
    ),
    nodes AS (${graphProducts(
      scope,
      Prisma.sql`AND p.id IN (SELECT id FROM members UNION SELECT source FROM edges UNION SELECT target FROM edges)`,
    )})
    SELECT (SELECT coalesce(json_agg(json_build_object('id', p.id, 'name', p.name) ${order}), '[]')
            FROM candidates p) AS candidates,
           (SELECT coalesce(json_agg(e ORDER BY e.id), '[]') FROM edges e) AS edges,
           (SELECT coalesce(json_agg(n ORDER BY n.domain, n.name), '[]') FROM nodes n) AS nodes,
           (SELECT coalesce(sum(c.products), 0)::int FROM (${visibleProductCounts(scope)}) c
            WHERE c.domain_id = (SELECT d.id FROM domains d WHERE d.name = ${domain})) AS total,
           ${
             // Counted only past the first page: along the (domain, name) index up to the page's first product.
             position
               ? Prisma.sql`(SELECT count(*)::int FROM data_products p
                             WHERE ${inDomain} AND (p.name, p.id) < (SELECT m.name, m.id FROM members m
                                                                     ORDER BY m.name, m.id LIMIT 1))`
               : Prisma.sql`0`
           } AS offset`);
  const { page, nextCursor, previousCursor } = keysetPage(
    graph.candidates,
    pageSize,
    { after: Boolean(after), backwards: Boolean(before) },
    encodeNameCursor,
  );
  return {
    domain,
    nodes: graph.nodes.map(toGraphProduct),
    edges: graph.edges.map((row): GraphEdgeDto => ({ ...row })),
    page: { total: graph.total, offset: graph.offset, count: page.length, next: nextCursor, previous: previousCursor },
  };
}

/** A graph node as the API sends it: the row and its ref. */
function toGraphProduct(row: ProductRow): GraphProductDto {
  return { ...row, ref: productRef(row.domain, row.name) };
}

/** The graph nodes (as SQL, without ORDER BY) of the products within `scope` that meet `condition` (over `p`). */
function graphProducts(scope: Prisma.Sql, condition: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT p.id, p.name, p.display_name AS "displayName", d.name AS domain, d.display_name AS "domainDisplayName",
           dr.root AS "rootDomain", t.name AS team, t.display_name AS "teamDisplayName", p.status::text AS status,
           -- archetype values are mapped in the database (source-aligned); the DTO uses the Prisma names
           replace(p.archetype::text, '-', '_') AS archetype
    FROM data_products p
    JOIN domains d ON d.id = p.domain_id
    JOIN domain_roots dr ON dr.id = d.id
    JOIN teams t ON t.id = p.owning_team_id
    WHERE ${scope} ${condition}`;
}

/** The graph nodes of the products within `scope` that meet `condition` (SQL over `p`, starting AND). */
async function selectGraphProducts(scope: Prisma.Sql, condition: Prisma.Sql): Promise<GraphProductDto[]> {
  const rows = await db.$queryRaw<ProductRow[]>(Prisma.sql`
    ${DOMAIN_ROOTS}
    SELECT n.* FROM (${graphProducts(scope, condition)}) n ORDER BY n.domain, n.name`);
  return rows.map(toGraphProduct);
}

/**
 * One product and its direct neighbours (one hop up and down): the visible products whose output ports it reads,
 * the source systems feeding it, and the visible products reading its output ports. Throws NotFoundError when the
 * product does not exist or the actor may not see it.
 */
export async function getProductNeighbourhood(
  actor: Actor,
  domain: string,
  name: string,
): Promise<ProductNeighbourhoodDto> {
  const scope = sqlScopeFor(actor, "product.read");
  const [centre] = await db.$queryRaw<{ id: string }[]>(
    prepared(Prisma.sql`
    SELECT p.id FROM data_products p JOIN domains d ON d.id = p.domain_id
    WHERE d.name = ${domain} AND p.name = ${name} AND ${scope}`),
  );
  if (!centre) throw new NotFoundError();

  const [edges, sources] = await Promise.all([
    db.$queryRaw<(EdgeRow & { direction: "upstream" | "downstream" })[]>(
      prepared(Prisma.sql`
      SELECT ip.id, op.product_id AS source, ip.product_id AS target, 'upstream' AS direction,
             op.name AS "portName", op.display_name AS "portDisplayName"
      FROM input_ports ip JOIN output_ports op ON op.id = ip.source_output_port_id
      WHERE ip.product_id = ${centre.id}::uuid AND op.product_id <> ${centre.id}::uuid
        AND ${visibleProduct(scope, Prisma.sql`op.product_id`)}
      UNION ALL
      SELECT ip.id, op.product_id, ip.product_id, 'downstream', op.name, op.display_name
      FROM input_ports ip JOIN output_ports op ON op.id = ip.source_output_port_id
      WHERE op.product_id = ${centre.id}::uuid AND ip.product_id <> ${centre.id}::uuid
        AND ${visibleProduct(scope, Prisma.sql`ip.product_id`)}
      ORDER BY direction, id`),
    ),
    db.$queryRaw<(GraphSourceSystemDto & { inputPortId: string })[]>(
      prepared(Prisma.sql`
      ${DOMAIN_ROOTS}
      SELECT ip.id AS "inputPortId", s.id, s.name, s.display_name AS "displayName", s.kind, d.name AS domain,
             dr.root AS "rootDomain"
      FROM input_ports ip
      JOIN source_systems s ON s.id = ip.source_system_id
      JOIN domains d ON d.id = s.domain_id
      JOIN domain_roots dr ON dr.id = d.id
      WHERE ip.product_id = ${centre.id}::uuid
      ORDER BY s.display_name, s.id`),
    ),
  ]);

  const ids = [...new Set([centre.id, ...edges.flatMap((edge) => [edge.source, edge.target])])];
  const nodes = await selectGraphProducts(scope, Prisma.sql`AND p.id = ANY(${ids}::uuid[])`);
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const product = byId.get(centre.id);
  if (!product) throw new NotFoundError();
  // Both ends of every edge were checked against the scope in SQL; a product reading its own port is left out.
  const neighbours = (direction: "upstream" | "downstream") => {
    const found = new Set(
      edges
        .filter((edge) => edge.direction === direction)
        .map((edge) => edge[direction === "upstream" ? "source" : "target"]),
    );
    return nodes.filter((node) => found.has(node.id));
  };
  return {
    product,
    upstream: neighbours("upstream"),
    downstream: neighbours("downstream"),
    sourceSystems: sources.map(({ inputPortId: _inputPortId, ...source }) => source),
    edges: [
      ...sources.map((source) => ({
        id: source.inputPortId,
        source: source.id,
        target: centre.id,
        portName: null,
        portDisplayName: null,
      })),
      ...edges
        .filter((edge) => byId.has(edge.source) && byId.has(edge.target))
        .map(({ direction: _direction, ...edge }) => edge),
    ],
  };
}

/**
 * The domain overview: domains with their visible product counts and consumption edges summed between domains, read
 * from the count tables the triggers keep (a few thousand rows, not every product and edge).
 */
export async function getDomainGraph(actor: Actor): Promise<DomainGraphDto> {
  const scope = sqlScopeFor(actor, "product.read");
  const [domains, edges] = await Promise.all([
    db.$queryRaw<{ name: string; displayName: string; rootDomain: string; productCount: number }[]>(Prisma.sql`
      ${DOMAIN_ROOTS}
      SELECT d.name, d.display_name AS "displayName", dr.root AS "rootDomain",
             coalesce(c.products, 0)::int AS "productCount"
      FROM domains d JOIN domain_roots dr ON dr.id = d.id
      LEFT JOIN (
        SELECT p.domain_id, sum(p.products) AS products FROM (${visibleProductCounts(scope)}) p GROUP BY p.domain_id
      ) c ON c.domain_id = d.id
      ORDER BY d.name`),
    db.$queryRaw<{ source: string; target: string; weight: number }[]>(Prisma.sql`
      SELECT sd.name AS source, td.name AS target, pairs.weight
      FROM (
        SELECT e.source_domain_id AS source, e.target_domain_id AS target, sum(e.edges)::int AS weight
        FROM (${visibleEdgeCounts(scope)}) e
        WHERE e.source_domain_id <> e.target_domain_id
        GROUP BY e.source_domain_id, e.target_domain_id
      ) pairs
      JOIN domains sd ON sd.id = pairs.source JOIN domains td ON td.id = pairs.target
      ORDER BY pairs.weight DESC, sd.name, td.name`),
  ]);
  return { domains, edges };
}

/** Every domain by name (the /mesh page's domain picker): no counts, so no product or edge is read. */
export async function listGraphDomains(): Promise<{ name: string; displayName: string }[]> {
  return db.$queryRaw<{ name: string; displayName: string }[]>(Prisma.sql`
    SELECT d.name, d.display_name AS "displayName" FROM domains d ORDER BY d.name`);
}

/**
 * Mesh metrics over what the actor may see, aggregated in SQL (only the counts and the top list come back): the
 * product and edge counts from the count tables, the distinct consumers per product from product_edge_counts (one
 * row per pair of products).
 */
export async function getMeshMetrics(actor: Actor): Promise<MeshMetricsDto> {
  const scope = sqlScopeFor(actor, "product.read");
  const [[counts], [consumed]] = await Promise.all([
    db.$queryRaw<{ products: number; edges: number; crossDomain: number }[]>(Prisma.sql`
      SELECT (SELECT coalesce(sum(p.products), 0)::int FROM (${visibleProductCounts(scope)}) p) AS products,
             coalesce(sum(e.edges), 0)::int AS edges,
             coalesce(sum(e.edges) FILTER (WHERE e.source_domain_id <> e.target_domain_id), 0)::int AS "crossDomain"
      FROM (${visibleEdgeCounts(scope)}) e`),
    db.$queryRaw<
      { withConsumers: number; mostConsumed: { ref: string; displayName: string; consumers: number }[] | null }[]
    >(Prisma.sql`
      WITH consumers AS MATERIALIZED (
        -- Each visible product with the number of distinct visible products reading its ports.
        SELECT e.source_id AS source, count(*)::int AS consumers
        FROM (${visibleEdgeCounts(scope, "product_edge_counts")}) e
        GROUP BY e.source_id
      ),
      top AS (
        SELECT d.name || '/' || p.name AS ref, p.display_name AS "displayName", c.consumers
        FROM (SELECT * FROM consumers ORDER BY consumers DESC LIMIT ${MOST_CONSUMED_LIMIT * 4}) c
        JOIN data_products p ON p.id = c.source JOIN domains d ON d.id = p.domain_id
      )
      SELECT (SELECT count(*)::int FROM consumers) AS "withConsumers",
             (SELECT json_agg(top) FROM top) AS "mostConsumed"`),
  ]);
  const products = counts?.products ?? 0;
  const edges = counts?.edges ?? 0;
  // Ties at the cut are broken by ref in JS (locale order, as before); the SQL keeps a margin of rows for that.
  const top = (consumed?.mostConsumed ?? [])
    .toSorted((a, b) => b.consumers - a.consumers || a.ref.localeCompare(b.ref))
    .slice(0, MOST_CONSUMED_LIMIT);
  return {
    products,
    consumptionEdges: edges,
    crossDomainShare: edges === 0 ? null : Math.round(((counts?.crossDomain ?? 0) / edges) * 1000) / 10,
    productsWithoutConsumers: products - (consumed?.withConsumers ?? 0),
    mostConsumed: top,
  };
}
