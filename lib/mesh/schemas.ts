// The mesh as a whole: what the home page shows. Pure types and helpers.
import type { Archetype, LifecycleStatus } from "../generated/prisma/enums";

export interface MeshDomainDto {
  name: string;
  displayName: string;
  description: string;
  parentName: string | null;
  /** 0 for a top-level domain, 1 for a sub-domain, ... */
  depth: number;
  owningTeam: { name: string; displayName: string };
  /** Products in this domain the actor may see. */
  productCount: number;
}

export interface MeshChangeDto {
  id: string;
  at: Date;
  /** `<entity>.<verb>`, e.g. `product.status_changed`. */
  action: string;
  entityRef: string;
  entity: { kind: "product" | "domain"; label: string; ref: string; href: string | null };
  actor: { name: string | null; email: string } | null;
  /** For status changes: the lifecycle status before and after, when the event recorded them. */
  statusChange: { from: string | null; to: string | null } | null;
}

export interface MeshOverviewDto {
  counts: { domains: number; products: number; consumptionEdges: number; teams: number; sourceSystems: number };
  byStatus: Record<LifecycleStatus, number>;
  byArchetype: Record<Archetype, number>;
  domains: MeshDomainDto[];
  recentChanges: MeshChangeDto[];
}

/** Orders domains as a tree: each top-level domain followed by its sub-domains, by name at each level. */
export function orderDomainTree<T extends { name: string; parentName: string | null }>(
  domains: T[],
): (T & { depth: number })[] {
  const byParent = new Map<string | null, T[]>();
  const names = new Set(domains.map((domain) => domain.name));
  for (const domain of domains) {
    const parent = domain.parentName && names.has(domain.parentName) ? domain.parentName : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), domain]);
  }
  const ordered: (T & { depth: number })[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    const children = (byParent.get(parent) ?? []).toSorted((a, b) => a.name.localeCompare(b.name));
    for (const child of children) {
      if (seen.has(child.name)) continue; // cycle safety
      seen.add(child.name);
      ordered.push({ ...child, depth });
      visit(child.name, depth + 1);
    }
  };
  visit(null, 0);
  return ordered;
}
