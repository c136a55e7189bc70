// The glossary: what its URLs hold and the DTOs. Pure.
import { z } from "zod";
import { firstParam } from "../url-segment";

/** Products per page of a polyseme. */
export const POLYSEME_PAGE_SIZE = 50;

export interface PolysemeSummaryDto {
  name: string;
  displayName: string;
  definition: string;
  ownerTeam: { name: string; displayName: string };
  /** Visible products (retired ones aside, as in the catalog) with a field carrying the polyseme. */
  productCount: number;
}

export interface PolysemeFieldDto {
  port: { name: string; displayName: string };
  name: string;
  type: string;
}

export interface PolysemeProductGroupDto {
  ref: string;
  domain: { name: string; displayName: string };
  name: string;
  displayName: string;
  fields: PolysemeFieldDto[];
}

export interface PolysemeDomainDto {
  name: string;
  displayName: string;
  /** Products of this domain carrying the polyseme. */
  productCount: number;
  selected: boolean;
}

export interface PolysemeDetailDto extends PolysemeSummaryDto {
  /** The domains whose products carry the polyseme, by display name. */
  domains: PolysemeDomainDto[];
  /** One page of the products carrying it (of the selected domain, if one is), by name. */
  products: PolysemeProductGroupDto[];
  nextCursor: string | null;
  previousCursor: string | null;
}

/** A polyseme's page as its URL holds it: `/glossary/<name>?domain=&after=` (or `before=`). */
export const PolysemeQuery = z.object({
  /** Compared with the domains involved only: any other value lists no products. */
  domain: z.string().trim().optional(),
  after: z.string().optional(),
  before: z.string().optional(),
});
export type PolysemeInput = z.input<typeof PolysemeQuery>;

/** The first value of each URL parameter (a repeated one counts once). */
export function polysemeInput(params: Record<string, string | string[] | undefined>): PolysemeInput {
  return {
    domain: firstParam(params.domain) || undefined,
    after: firstParam(params.after),
    before: firstParam(params.before),
  };
}

/** The link of a polyseme's page, narrowed to a domain and at a page. */
export function polysemeHref(polyseme: string, domain?: string, page?: { after?: string; before?: string }): string {
  const params = new URLSearchParams();
  if (domain) params.set("domain", domain);
  if (page?.after) params.set("after", page.after);
  if (page?.before) params.set("before", page.before);
  const query = params.toString();
  return `/glossary/${encodeURIComponent(polyseme)}${query ? `?${query}` : ""}`;
}
