import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import type { Archetype, LifecycleStatus } from "../generated/prisma/enums";
import { sqlScopeFor, type Actor } from "../authz";
import {
  computeMeshMetrics,
  type DomainGraphDto,
  type GraphEdgeDto,
  type GraphProductDto,
  type GraphSourceSystemDto,
  type MeshMetricsDto,
  type MeshRelationDto,
  type ProductGraphDto,
  type ProductNeighbourhoodDto,
} from "./schemas";

// Every function takes the actor explicitly: route handlers answer 401 themselves (requireActor would redirect).

/** How many relations the table view lists at most. */
export const RELATIONS_LIMIT = 2000;

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

/** Consumption edges between products the actor may see (both ends), as SQL over `visible(id)`. */
function visibleEdges(): Prisma.Sql {
  return Prisma.sql`
    SELECT ip.id, op.product_id AS source, ip.product_id AS target,
           op.name AS "portName", op.display_name AS "portDisplayName"
    FROM input_ports ip
    JOIN output_ports op ON op.id = ip.source_output_port_id
    WHERE ip.product_id IN (SELECT id FROM visible) AND op.product_id IN (SELECT id FROM visible)`;
}

/**
 * The product graph the actor may see: all visible products and the consumption edges between them, or, with a
 * domain, that domain's products plus their direct upstream and downstream neighbours.
 */
export async function getProductGraph(actor: Actor, domain: string | null = null): Promise<ProductGraphDto> {
  const scope = sqlScopeFor(actor, "product.read");
  const visible = Prisma.sql`visible AS (SELECT p.id, p.domain_id FROM data_products p WHERE ${scope})`;
  const edges = await db.$queryRaw<EdgeRow[]>(Prisma.sql`
    WITH ${visible}, edges AS (${visibleEdges()})
    SELECT e.* FROM edges e
    ${
      domain === null
        ? Prisma.empty
        : Prisma.sql`WHERE e.source IN (SELECT v.id FROM visible v JOIN domains d ON d.id = v.domain_id WHERE d.name = ${domain})
             OR e.target IN (SELECT v.id FROM visible v JOIN domains d ON d.id = v.domain_id WHERE d.name = ${domain})`
    }
    ORDER BY e.id`);
  const neighbourIds = [...new Set(edges.flatMap((edge) => [edge.source, edge.target]))];
  const nodes = await selectGraphProducts(
    scope,
    domain === null ? Prisma.empty : Prisma.sql`AND (d.name = ${domain} OR p.id = ANY(${neighbourIds}::uuid[]))`,
  );
  return { domain, nodes, edges: edges.map((row): GraphEdgeDto => ({ ...row })) };
}

/** The graph nodes of the products within `scope` that meet `condition` (SQL over `p` and `d`, starting AND). */
async function selectGraphProducts(scope: Prisma.Sql, condition: Prisma.Sql): Promise<GraphProductDto[]> {
  const rows = await db.$queryRaw<ProductRow[]>(Prisma.sql`
    ${DOMAIN_ROOTS}
    SELECT p.id, p.name, p.display_name AS "displayName", d.name AS domain, d.display_name AS "domainDisplayName",
           dr.root AS "rootDomain", t.name AS team, t.display_name AS "teamDisplayName", p.status::text AS status,
           -- archetype values are mapped in the database (source-aligned); the DTO uses the Prisma names
           replace(p.archetype::text, '-', '_') AS archetype
    FROM data_products p
    JOIN domains d ON d.id = p.domain_id
    JOIN domain_roots dr ON dr.id = d.id
    JOIN teams t ON t.id = p.owning_team_id
    WHERE ${scope} ${condition}
    ORDER BY d.name, p.name`);
  return rows.map((row) => ({ ...row, ref: `${row.domain}/${row.name}` }));
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
  const [centre] = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT p.id FROM data_products p JOIN domains d ON d.id = p.domain_id
    WHERE d.name = ${domain} AND p.name = ${name} AND ${scope}`);
  if (!centre) throw new NotFoundError();

  const [edges, sources] = await Promise.all([
    db.$queryRaw<(EdgeRow & { direction: "upstream" | "downstream" })[]>(Prisma.sql`
      WITH visible AS (SELECT p.id FROM data_products p WHERE ${scope})
      SELECT ip.id, op.product_id AS source, ip.product_id AS target, 'upstream' AS direction,
             op.name AS "portName", op.display_name AS "portDisplayName"
      FROM input_ports ip JOIN output_ports op ON op.id = ip.source_output_port_id
      WHERE ip.product_id = ${centre.id}::uuid AND op.product_id <> ${centre.id}::uuid
        AND op.product_id IN (SELECT id FROM visible)
      UNION ALL
      SELECT ip.id, op.product_id, ip.product_id, 'downstream', op.name, op.display_name
      FROM input_ports ip JOIN output_ports op ON op.id = ip.source_output_port_id
      WHERE op.product_id = ${centre.id}::uuid AND ip.product_id <> ${centre.id}::uuid
        AND ip.product_id IN (SELECT id FROM visible)
      ORDER BY direction, id`),
    db.$queryRaw<(GraphSourceSystemDto & { inputPortId: string })[]>(Prisma.sql`
      ${DOMAIN_ROOTS}
      SELECT ip.id AS "inputPortId", s.id, s.name, s.display_name AS "displayName", s.kind, d.name AS domain,
             dr.root AS "rootDomain"
      FROM input_ports ip
      JOIN source_systems s ON s.id = ip.source_system_id
      JOIN domains d ON d.id = s.domain_id
      JOIN domain_roots dr ON dr.id = d.id
      WHERE ip.product_id = ${centre.id}::uuid
      ORDER BY s.display_name, s.id`),
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

/** The domain overview: domains with their visible product counts and consumption edges summed between domains. */
export async function getDomainGraph(actor: Actor): Promise<DomainGraphDto> {
  const scope = sqlScopeFor(actor, "product.read");
  const [domains, edges] = await Promise.all([
    db.$queryRaw<{ name: string; displayName: string; rootDomain: string; productCount: number }[]>(Prisma.sql`
      ${DOMAIN_ROOTS}
      SELECT d.name, d.display_name AS "displayName", dr.root AS "rootDomain",
             (SELECT count(*)::int FROM data_products p WHERE p.domain_id = d.id AND ${scope}) AS "productCount"
      FROM domains d JOIN domain_roots dr ON dr.id = d.id
      ORDER BY d.name`),
    db.$queryRaw<{ source: string; target: string; weight: number }[]>(Prisma.sql`
      WITH visible AS (SELECT p.id, p.domain_id FROM data_products p WHERE ${scope})
      SELECT sd.name AS source, td.name AS target, count(*)::int AS weight
      FROM input_ports ip
      JOIN output_ports op ON op.id = ip.source_output_port_id
      JOIN visible s ON s.id = op.product_id
      JOIN visible t ON t.id = ip.product_id
      JOIN domains sd ON sd.id = s.domain_id
      JOIN domains td ON td.id = t.domain_id
      WHERE s.domain_id <> t.domain_id
      GROUP BY sd.name, td.name
      ORDER BY weight DESC, sd.name, td.name`),
  ]);
  return { domains, edges };
}

/** Mesh metrics over what the actor may see. */
export async function getMeshMetrics(actor: Actor): Promise<MeshMetricsDto> {
  const scope = sqlScopeFor(actor, "product.read");
  const [nodes, edges] = await Promise.all([
    db.$queryRaw<{ id: string; ref: string; displayName: string; domain: string }[]>(Prisma.sql`
      SELECT p.id, d.name || '/' || p.name AS ref, p.display_name AS "displayName", d.name AS domain
      FROM data_products p JOIN domains d ON d.id = p.domain_id
      WHERE ${scope}`),
    db.$queryRaw<{ source: string; target: string }[]>(Prisma.sql`
      WITH visible AS (SELECT p.id, p.domain_id FROM data_products p WHERE ${scope})
      SELECT e.source, e.target FROM (${visibleEdges()}) e`),
  ]);
  return computeMeshMetrics(nodes, edges);
}

/** The consumption relations as rows for the table view: upstream product → port → consuming product. */
export async function listMeshRelations(actor: Actor): Promise<MeshRelationDto[]> {
  const scope = sqlScopeFor(actor, "product.read");
  const rows = await db.$queryRaw<
    {
      id: string;
      upstreamRef: string;
      upstreamName: string;
      portName: string;
      portDisplayName: string;
      consumerRef: string;
      consumerName: string;
    }[]
  >(Prisma.sql`
    WITH visible AS (SELECT p.id, p.domain_id FROM data_products p WHERE ${scope})
    SELECT e.id, sd.name || '/' || s.name AS "upstreamRef", s.display_name AS "upstreamName",
           e."portName", e."portDisplayName",
           td.name || '/' || t.name AS "consumerRef", t.display_name AS "consumerName"
    FROM (${visibleEdges()}) e
    JOIN data_products s ON s.id = e.source JOIN domains sd ON sd.id = s.domain_id
    JOIN data_products t ON t.id = e.target JOIN domains td ON td.id = t.domain_id
    ORDER BY "upstreamRef", e."portName", "consumerRef"
    LIMIT ${RELATIONS_LIMIT}`);
  return rows.map((row) => ({
    id: row.id,
    upstream: { ref: row.upstreamRef, displayName: row.upstreamName },
    port: { name: row.portName, displayName: row.portDisplayName },
    consumer: { ref: row.consumerRef, displayName: row.consumerName },
  }));
}
