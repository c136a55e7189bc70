import type { ProductSummaryDto } from "../products/schemas";

export interface TeamRefDto {
  name: string;
  displayName: string;
}

export interface DomainNodeDto {
  name: string;
  displayName: string;
  description: string;
  owningTeam: TeamRefDto;
  /** Visible products of this domain and all its sub-domains. */
  productCount: number;
  sourceSystemCount: number;
  children: DomainNodeDto[];
}

export interface DomainDependencyDto {
  name: string;
  displayName: string;
  /** Number of consumption edges (input port → output port) between visible products. */
  edges: number;
}

export interface DomainDetailDto {
  name: string;
  displayName: string;
  description: string;
  owningTeam: TeamRefDto;
  /** Ancestors, root first. */
  breadcrumb: { name: string; displayName: string }[];
  subDomains: { name: string; displayName: string; productCount: number }[];
  products: ProductSummaryDto[];
  sourceSystems: { name: string; displayName: string; kind: string; description: string; domainName: string }[];
  /** Domains whose products this domain's products consume. */
  consumes: DomainDependencyDto[];
  /** Domains whose products consume this domain's products. */
  consumedBy: DomainDependencyDto[];
}

/** The ids of a domain and all its descendants (cycle-safe). */
export function descendantIds(rootId: string, parentOf: Map<string, string | null>): Set<string> {
  const result = new Set<string>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [id, parent] of parentOf) {
      if (parent && result.has(parent) && !result.has(id)) {
        result.add(id);
        grew = true;
      }
    }
  }
  return result;
}
