import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { can, requireActor, scopeFor, sqlScopeFor } from "../authz";
import { productSummarySelect, toProductSummary } from "../products/queries";
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

/** All domains plus the number of visible products directly in each. */
async function loadDomains(scope: Prisma.DataProductWhereInput) {
  const [domains, counts] = await Promise.all([
    db.domain.findMany({ orderBy: { displayName: "asc" }, select: domainSelect }),
    db.dataProduct.groupBy({ by: ["domainId"], where: scope, _count: { _all: true } }),
  ]);
  const direct = new Map(counts.map((row) => [row.domainId, row._count._all]));
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
  const { domains, rolledUp } = await loadDomains(scopeFor(actor, "product.read"));
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

/** One domain with its sub-domains, rolled-up visible products, source systems and cross-domain dependencies. */
export async function getDomainDetail(name: string): Promise<DomainDetailDto> {
  const actor = await requireActor();
  const scope = scopeFor(actor, "product.read");
  const { domains, parentOf, rolledUp } = await loadDomains(scope);
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
  const pScope = sqlScopeFor(actor, "product.read");
  const [products, sourceSystems, consumes, consumedBy] = await Promise.all([
    db.dataProduct.findMany({
      where: { AND: [scope, { domainId: { in: memberIds } }] },
      orderBy: [{ domain: { name: "asc" } }, { name: "asc" }],
      select: productSummarySelect,
    }),
    db.sourceSystem.findMany({
      where: { domainId: { in: memberIds } },
      orderBy: [{ displayName: "asc" }],
      select: { name: true, displayName: true, kind: true, description: true, domain: { select: { name: true } } },
    }),
    // Consumer p is inside this domain; the provider (aliased p in a sub-select) is outside.
    db.$queryRaw<DependencyRow[]>(Prisma.sql`
      SELECT d.name, d.display_name, count(*) AS edges
      FROM input_ports ip
      JOIN data_products p ON p.id = ip.product_id
      JOIN output_ports op ON op.id = ip.source_output_port_id
      JOIN domains d ON d.id = (SELECT p.domain_id FROM data_products p WHERE p.id = op.product_id AND ${pScope})
      WHERE p.domain_id = ANY(${memberIds}::uuid[]) AND ${pScope}
        AND NOT (d.id = ANY(${memberIds}::uuid[]))
      GROUP BY d.name, d.display_name
      ORDER BY edges DESC, d.name`),
    db.$queryRaw<DependencyRow[]>(Prisma.sql`
      SELECT d.name, d.display_name, count(*) AS edges
      FROM input_ports ip
      JOIN output_ports op ON op.id = ip.source_output_port_id
      JOIN data_products p ON p.id = op.product_id
      JOIN domains d ON d.id = (SELECT p.domain_id FROM data_products p WHERE p.id = ip.product_id AND ${pScope})
      WHERE p.domain_id = ANY(${memberIds}::uuid[]) AND ${pScope}
        AND NOT (d.id = ANY(${memberIds}::uuid[]))
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
    products: products.map(toProductSummary),
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

/** Every domain by display name, for the parent picker of the new-domain form. */
export async function listDomainOptions(): Promise<{ name: string; displayName: string }[]> {
  await requireActor();
  return db.domain.findMany({ orderBy: { displayName: "asc" }, select: { name: true, displayName: true } });
}
