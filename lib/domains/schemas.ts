import { z } from "zod";
import { urlName } from "../products/input";
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
  /** For optimistic locking of edits. */
  version: number;
  /**
   * Whether the actor may manage the domain (`domain.manage`: owners of its owning team and platform admins):
   * edit its description, create sub-domains and source systems.
   */
  manageable: boolean;
  displayName: string;
  description: string;
  owningTeam: TeamRefDto;
  /** Ancestors, root first. */
  breadcrumb: { name: string; displayName: string }[];
  subDomains: { name: string; displayName: string; productCount: number }[];
  /** Visible products of the domain and its sub-domains, retired ones aside. */
  productCount: number;
  /** The first page of them by name (the catalog's first page filtered by the domain). */
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

// ---------------------------------------------------------------------------------------------------------
// Self-serve domains and source systems (issue 4 item 2): inputs of the forms, validated again on the server.
// ---------------------------------------------------------------------------------------------------------

/** A domain's URL name: `new` is the page /domains/new. */
const domainName = urlName.refine((name) => name !== "new", "`new` is reserved (the page /domains/new).");
const displayName = z.string().trim().min(1, "Required.").max(120, "At most 120 characters.");
const description = z.string().trim().max(2000, "At most 2000 characters.").default("");
const version = z.coerce
  .number({ error: "The page is out of date; reload it." })
  .int()
  .positive("The page is out of date; reload it.");
/** An optional name from a select: "" means none. */
const optionalName = z
  .string()
  .trim()
  .max(63)
  .optional()
  .transform((value) => value || null);

/** A new domain (platform admins): top-level or under a parent, owned by a team. */
export const CreateDomainInput = z.object({
  name: domainName,
  displayName,
  description,
  owningTeam: z.string({ error: "Choose the owning team." }).trim().min(1, "Choose the owning team."),
  parent: optionalName,
});
export type CreateDomainInput = z.input<typeof CreateDomainInput>;

/** A sub-domain created by the domain's owners: it belongs to the same team as its parent. */
export const CreateSubDomainInput = z.object({ name: domainName, displayName, description });
export type CreateSubDomainInput = z.input<typeof CreateSubDomainInput>;

/** A source system of a domain: an operational system that source-aligned products read from. */
export const CreateSourceSystemInput = z.object({
  name: urlName,
  displayName,
  kind: z.string().trim().min(1, "Required, e.g. service, database, SaaS.").max(40, "At most 40 characters."),
  description,
});
export type CreateSourceSystemInput = z.input<typeof CreateSourceSystemInput>;

/** A new description for a domain; `version` is the domain's, as the page showed it. */
export const UpdateDomainDescriptionInput = z.object({ description, version });
export type UpdateDomainDescriptionInput = z.input<typeof UpdateDomainDescriptionInput>;
