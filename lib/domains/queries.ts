import "server-only";
import { cache } from "react";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { can, requireActor, sqlScopeFor, type Actor } from "../authz";
import { visibleEdgeCounts, visibleProductCounts } from "../graph/queries";
import { searchProducts } from "../search/queries";
import { descendantIds, type DomainDetailDto, type DomainDependencyDto, type DomainNodeDto } from "./schemas";

const domainSelect = {
  id: true,
  name: true,
  displayName: true,
  description: true,
  parentId: true,
  owningTeamId: true,
  version: true,
  owningTeam: { select: { name: true, displayName: true } },
  _count: { select: { sourceSystems: true } },
} satisfies Prisma.DomainSelect;

type DomainRow = Prisma.DomainGetPayload<{ select: typeof domainSelect }>;

/**
 * All domains plus the number of visible products directly in each, retired ones aside (as in the catalog, which
 * a domain's product list links to), from the trigger-kept counts.
 */
async function loadDomains(actor: Actor) {
  const [domains, counts] = await Promise.all([
    db.domain.findMany({ orderBy: { displayName: "asc" }, select: domainSelect }),
    db.$queryRaw<{ domainId: string; products: number }[]>(Prisma.sql`
      SELECT p.domain_id AS "domainId", sum(p.products)::int AS products
      FROM (${visibleProductCounts(sqlScopeFor(actor, "product.read"))}) p
      WHERE p.status <> 'retired'
      GROUP BY p.domain_id`),
  ]);
  const direct = new Map(counts.map((row) => [row.domainId, row.products]));
  const parentOf = new Map(domains.map((domain) => [domain.id, domain.parentId]));
  const rolledUp = (id: string) => {
    let total = 0;
    for (const member of descendantIds(id, parentOf)) total += direct.get(member) ?? 0;
    return total;
  };
  return { domains, parentOf, rolledUp };
}

/** The domain tree: roots with their sub-domains nested; product counts cover visible products, rolled up. */
export async function listDomainTree(): Promise<DomainNodeDto[]> {
  const actor = await requireActor();
  const { domains, rolledUp } = await loadDomains(actor);
  const ids = new Set(domains.map((domain) => domain.id));
  const toNode = (domain: DomainRow, seen: Set<string>): DomainNodeDto => ({
    name: domain.name,
    displayName: domain.displayName,
    description: domain.description,
    owningTeam: domain.owningTeam,
    productCount: rolledUp(domain.id),
    sourceSystemCount: domain._count.sourceSystems,
    children: domains
      .filter((child) => child.parentId === domain.id && !seen.has(child.id))
      .map((child) => toNode(child, new Set([...seen, child.id]))),
  });
  return domains
    .filter((domain) => !domain.parentId || !ids.has(domain.parentId))
    .map((domain) => toNode(domain, new Set([domain.id])));
}

interface DependencyRow {
  name: string;
  display_name: string;
  edges: bigint | number;
}

function toDependencies(rows: DependencyRow[]): DomainDependencyDto[] {
  return rows.map((row) => ({ name: row.name, displayName: row.display_name, edges: Number(row.edges) }));
}

/**
 * One domain with its sub-domains, the first page of its visible products (rolled up from the sub-domains; the
 * catalog filtered by the domain has the rest), source systems and cross-domain dependencies. For an explicit
 * actor (the page through getDomainDetail, and the benchmark).
 */
export async function loadDomainDetail(actor: Actor, name: string): Promise<DomainDetailDto> {
  const { domains, parentOf, rolledUp } = await loadDomains(actor);
  const domain = domains.find((candidate) => candidate.name === name);
  if (!domain) throw new NotFoundError(`Domain ${name} not found`);
  const byId = new Map(domains.map((candidate) => [candidate.id, candidate]));

  const breadcrumb: { name: string; displayName: string }[] = [];
  const visited = new Set([domain.id]);
  for (let parent = domain.parentId ? byId.get(domain.parentId) : undefined; parent;) {
    if (visited.has(parent.id)) break;
    visited.add(parent.id);
    breadcrumb.unshift({ name: parent.name, displayName: parent.displayName });
    parent = parent.parentId ? byId.get(parent.parentId) : undefined;
  }

  const memberIds = [...descendantIds(domain.id, parentOf)];
  const edges = visibleEdgeCounts(sqlScopeFor(actor, "product.read"));
  const members = Prisma.sql`${memberIds}::uuid[]`;
  const [products, sourceSystems, consumes, consumedBy] = await Promise.all([
    searchProducts(actor, { domain: [domain.name] }),
    db.sourceSystem.findMany({
      where: { domainId: { in: memberIds } },
      orderBy: [{ displayName: "asc" }],
      select: { name: true, displayName: true, kind: true, description: true, domain: { select: { name: true } } },
    }),
    db.$queryRaw<DependencyRow[]>(Prisma.sql`
      SELECT d.name, d.display_name, sum(e.edges) AS edges
      FROM (${edges}) e JOIN domains d ON d.id = e.source_domain_id
      WHERE e.target_domain_id = ANY(${members}) AND NOT (e.source_domain_id = ANY(${members}))
      GROUP BY d.name, d.display_name
      ORDER BY edges DESC, d.name`),
    db.$queryRaw<DependencyRow[]>(Prisma.sql`
      SELECT d.name, d.display_name, sum(e.edges) AS edges
      FROM (${edges}) e JOIN domains d ON d.id = e.target_domain_id
      WHERE e.source_domain_id = ANY(${members}) AND NOT (e.target_domain_id = ANY(${members}))
      GROUP BY d.name, d.display_name
      ORDER BY edges DESC, d.name`),
  ]);

  return {
    name: domain.name,
    version: domain.version,
    manageable: can(actor, "domain.manage", { teamId: domain.owningTeamId }),
    displayName: domain.displayName,
    description: domain.description,
    owningTeam: domain.owningTeam,
    breadcrumb,
    subDomains: domains
      .filter((child) => child.parentId === domain.id)
      .map((child) => ({ name: child.name, displayName: child.displayName, productCount: rolledUp(child.id) })),
    productCount: rolledUp(domain.id),
    products: products.hits,
    sourceSystems: sourceSystems.map((system) => ({
      name: system.name,
      displayName: system.displayName,
      kind: system.kind,
      description: system.description,
      domainName: system.domain.name,
    })),
    consumes: toDependencies(consumes),
    consumedBy: toDependencies(consumedBy),
  };
}

/** loadDomainDetail for the signed-in user, cached per request (the page and its metadata share one read). */
export const getDomainDetail = cache(async (name: string): Promise<DomainDetailDto> =>
  loadDomainDetail(await requireActor(), name),
);

/** Every domain by display name, for the parent picker of the new-domain form. */
export async function listDomainOptions(): Promise<{ name: string; displayName: string }[]> {
  await requireActor();
  return db.domain.findMany({ orderBy: { displayName: "asc" }, select: { name: true, displayName: true } });
}
