import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { Archetype, LifecycleStatus } from "../generated/prisma/enums";
import { requireActor, sqlScopeFor, type Actor } from "../authz";
import { visibleEdgeCounts, visibleProductCounts } from "../graph/queries";
import { productPath } from "../products/schemas";
import { orderDomainTree, type MeshChangeDto, type MeshOverviewDto } from "./schemas";

const RECENT_CHANGES = 10;

interface ChangeRow {
  id: bigint;
  at: Date;
  action: string;
  entityRef: string;
  actorEmail: string | null;
  actorName: string | null;
  domainName: string | null;
  domainDisplayName: string | null;
  productName: string | null;
  productDisplayName: string | null;
  beforeStatus: string | null;
  afterStatus: string | null;
}

/** The latest audit events about domains and about products the actor may see. */
async function recentChanges(actor: Actor): Promise<MeshChangeDto[]> {
  const rows = await db.$queryRaw<ChangeRow[]>(Prisma.sql`
    SELECT e.id, e.at, e.action, e.entity_ref AS "entityRef", e.actor_email AS "actorEmail", u.name AS "actorName",
           d.name AS "domainName", d.display_name AS "domainDisplayName",
           p.name AS "productName", p.display_name AS "productDisplayName",
           e.before->>'status' AS "beforeStatus", e.after->>'status' AS "afterStatus"
    FROM audit_events e
    LEFT JOIN users u ON u.id = e.actor_id
    LEFT JOIN domains d ON d.name = CASE
      WHEN e.entity_ref LIKE 'domain:%' THEN substr(e.entity_ref, 8)
      WHEN e.entity_ref LIKE 'product:%' THEN split_part(substr(e.entity_ref, 9), '/', 1)
    END
    LEFT JOIN data_products p ON e.entity_ref LIKE 'product:%'
      AND p.domain_id = d.id AND p.name = split_part(substr(e.entity_ref, 9), '/', 2)
    WHERE (e.entity_ref LIKE 'domain:%' AND d.id IS NOT NULL)
       OR (e.entity_ref LIKE 'product:%' AND p.id IS NOT NULL AND ${sqlScopeFor(actor, "product.read")})
    ORDER BY e.at DESC, e.id DESC
    LIMIT ${RECENT_CHANGES}
  `);
  return rows.map((row) => {
    const isProduct = row.productName !== null && row.domainName !== null;
    return {
      id: row.id.toString(),
      at: row.at,
      action: row.action,
      entityRef: row.entityRef,
      entity: isProduct
        ? {
            kind: "product",
            label: row.productDisplayName ?? row.productName!,
            ref: `${row.domainName}/${row.productName}`,
            href: productPath(row.domainName!, row.productName!),
          }
        : {
            kind: "domain",
            label: row.domainDisplayName ?? row.domainName ?? "",
            ref: row.domainName ?? "",
            href: null,
          },
      actor: row.actorEmail ? { name: row.actorName, email: row.actorEmail } : null,
      statusChange:
        row.beforeStatus !== null || row.afterStatus !== null ? { from: row.beforeStatus, to: row.afterStatus } : null,
    };
  });
}

/**
 * What the mesh holds, as far as the actor may see: counts, lifecycle and archetype mix, domains, recent changes.
 * The product and edge counts come from the trigger-kept count tables, not from every product. For an explicit
 * actor (the home page through getMeshOverview, and the benchmark).
 */
export async function loadMeshOverview(actor: Actor): Promise<MeshOverviewDto> {
  const scope = sqlScopeFor(actor, "product.read");
  const [domains, teams, sourceSystems, productCounts, [edges], changes] = await Promise.all([
    db.domain.findMany({
      select: {
        id: true,
        name: true,
        displayName: true,
        description: true,
        parent: { select: { name: true } },
        owningTeam: { select: { name: true, displayName: true } },
      },
    }),
    db.team.count(),
    db.sourceSystem.count(),
    db.$queryRaw<{ domainId: string; status: LifecycleStatus; archetype: Archetype; products: number }[]>(Prisma.sql`
      SELECT p.domain_id AS "domainId", p.status::text AS status, replace(p.archetype::text, '-', '_') AS archetype,
             sum(p.products)::int AS products
      FROM (${visibleProductCounts(scope)}) p
      GROUP BY 1, 2, 3`),
    db.$queryRaw<{ edges: number }[]>(Prisma.sql`
      SELECT coalesce(sum(e.edges), 0)::int AS edges FROM (${visibleEdgeCounts(scope)}) e`),
    recentChanges(actor),
  ]);

  const statusCounts = Object.fromEntries(Object.values(LifecycleStatus).map((status) => [status, 0])) as Record<
    LifecycleStatus,
    number
  >;
  const archetypeCounts = Object.fromEntries(Object.values(Archetype).map((archetype) => [archetype, 0])) as Record<
    Archetype,
    number
  >;
  const perDomain = new Map<string, number>();
  let products = 0;
  for (const row of productCounts) {
    products += row.products;
    statusCounts[row.status] += row.products;
    archetypeCounts[row.archetype] += row.products;
    perDomain.set(row.domainId, (perDomain.get(row.domainId) ?? 0) + row.products);
  }

  return {
    counts: { domains: domains.length, products, consumptionEdges: edges.edges, teams, sourceSystems },
    byStatus: statusCounts,
    byArchetype: archetypeCounts,
    domains: orderDomainTree(
      domains.map((domain) => ({
        name: domain.name,
        displayName: domain.displayName,
        description: domain.description,
        parentName: domain.parent?.name ?? null,
        owningTeam: domain.owningTeam,
        productCount: perDomain.get(domain.id) ?? 0,
      })),
    ),
    recentChanges: changes,
  };
}

/** loadMeshOverview for the signed-in user. */
export async function getMeshOverview(): Promise<MeshOverviewDto> {
  return loadMeshOverview(await requireActor());
}
