// Catalog search: what a search URL holds, the keyset cursor, the result and facet DTOs, and the pure rules
// (sub-domain roll-up, URL building). No database here; unit-testable.
import { z } from "zod";
import { Archetype, LifecycleStatus, OutputPortKind } from "../generated/prisma/enums";
import { descendantIds } from "../domains/schemas";
import { decodeKeyset, encodeKeyset } from "../keyset";
import { storableText } from "../url-segment";
import type { ProductSummaryDto } from "../products/schemas";

/** Products per result page. */
export const SEARCH_PAGE_SIZE = 25;
/** Tags listed in the tag facet (the most frequent in the results, plus any selected). */
export const TAG_FACET_LIMIT = 15;
/**
 * A query text ranks at most this many candidates per kind of match (names close to the query, full-text matches):
 * a common term matches most of the mesh, and ranking all of it costs seconds. Facet counts of such a query are
 * counted among the candidates (and say so).
 */
export const SEARCH_CANDIDATE_LIMIT = 500;
/** Without a query text, tag counts are estimated from a sample of about this many products when there are more. */
export const TAG_SAMPLE_SIZE = 2000;
/** A name at least this similar (pg_trgm word similarity) to the query matches despite typos. */
export const NAME_SIMILARITY = 0.5;

const name = z.string().transform(storableText).pipe(z.string().trim().min(1).max(200));
/** A repeatable URL parameter: one value or many; blank values dropped, duplicates removed. */
function many<T extends z.ZodType<unknown, string>>(item: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => [...new Set((Array.isArray(value) ? value : value ? [value] : []).filter(Boolean))])
    .pipe(z.array(item).max(50));
}

/**
 * The position after (or before) which a page starts: the sort key of a product. With a query it is the score
 * first; without one, the name. Written in URLs as base64url JSON so that it survives any name.
 */
export const SearchCursor = z.object({
  score: z.number().finite().nullable(),
  name: z.string().max(200).transform(storableText),
  id: z.uuid(),
});
export type SearchCursor = z.infer<typeof SearchCursor>;
const SearchCursorKey = z.tuple([SearchCursor.shape.score, SearchCursor.shape.name, SearchCursor.shape.id]);

export function encodeCursor(cursor: SearchCursor): string {
  return encodeKeyset([cursor.score, cursor.name, cursor.id]);
}

/** The cursor in a URL, or undefined when it is not one of ours (a stale or edited link opens the first page). */
export function decodeCursor(value: string | undefined): SearchCursor | undefined {
  const key = decodeKeyset(value, SearchCursorKey);
  return key && { score: key[0], name: key[1], id: key[2] };
}

/** A search as the URL holds it: `/products?q=&domain=&team=&archetype=&status=&tag=&kind=&pii=1&after=`. */
export const SearchInput = z.object({
  q: z
    .string()
    .optional()
    .transform((value) =>
      storableText(value ?? "")
        .trim()
        .replace(/\s+/g, " ")
        .slice(0, 200),
    ),
  domain: many(name),
  team: many(name),
  archetype: many(z.enum(Archetype)),
  status: many(z.enum(LifecycleStatus)),
  tag: many(name),
  kind: many(z.enum(OutputPortKind)),
  pii: z
    .union([z.boolean(), z.string()])
    .optional()
    .transform((value) => value === true || value === "1" || value === "true"),
  after: z.string().optional(),
  before: z.string().optional(),
});
export type SearchInput = z.input<typeof SearchInput>;
export type SearchQuery = z.output<typeof SearchInput>;

/** Reads a search from URL search params (as Next hands them to a page, or a URLSearchParams). */
export function parseSearchParams(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  const record: Record<string, string | string[]> = {};
  if (params instanceof URLSearchParams) {
    for (const key of new Set(params.keys())) record[key] = params.getAll(key);
    for (const key of ["q", "after", "before", "pii"]) if (record[key]) record[key] = record[key][0];
  } else {
    for (const [key, value] of Object.entries(params)) if (value !== undefined) record[key] = value;
    for (const key of ["q", "after", "before", "pii"]) {
      const value = record[key];
      if (Array.isArray(value)) record[key] = value[0];
    }
  }
  return SearchInput.safeParse(record);
}

/** The URL of a search (`/products?...`); parameters in a fixed order so equal searches have equal URLs. */
export function searchHref(query: Partial<SearchQuery>, page?: { after?: string; before?: string }): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  for (const key of ["domain", "team", "archetype", "status", "tag", "kind"] as const) {
    for (const value of query[key] ?? []) params.append(key, value);
  }
  if (query.pii) params.set("pii", "1");
  if (page?.after) params.set("after", page.after);
  if (page?.before) params.set("before", page.before);
  const search = params.toString();
  return search ? `/products?${search}` : "/products";
}

/** Whether a search narrows anything (a query text or any filter). */
export function isFiltered(query: SearchQuery): boolean {
  return Boolean(
    query.q ||
    query.pii ||
    query.domain.length ||
    query.team.length ||
    query.archetype.length ||
    query.status.length ||
    query.tag.length ||
    query.kind.length,
  );
}

/** One row of the results: the catalog summary, with the fields whose names matched the query. */
export interface SearchHitDto extends ProductSummaryDto {
  matchingFields: string[];
}

export interface SearchPageDto {
  hits: SearchHitDto[];
  /** Cursor for the next page (`?after=`), null on the last page. */
  nextCursor: string | null;
  /** Cursor for the previous page (`?before=`), null on the first page. */
  previousCursor: string | null;
}

export interface FacetValueDto {
  value: string;
  label: string;
  count: number;
  selected: boolean;
  /** Nesting level in the domain facet (0 for top-level domains). */
  depth: number;
}

/** Counts of each facet value among the matches; a facet's own selection is left out of its counts. */
export interface SearchFacetsDto {
  /** Products matching the search and every filter (a lower bound when `capped`). */
  total: number;
  /**
   * The query text matched more than SEARCH_CANDIDATE_LIMIT products of a kind: the results and every count are
   * over the best-matching candidates only, so the total is "at least".
   */
  capped: boolean;
  /** The tag counts are estimated from a sample of the products (a search without a query text on a large mesh). */
  tagsEstimated: boolean;
  domain: FacetValueDto[];
  team: FacetValueDto[];
  archetype: FacetValueDto[];
  status: FacetValueDto[];
  tag: FacetValueDto[];
  kind: FacetValueDto[];
  pii: FacetValueDto[];
}

export interface DomainNode {
  id: string;
  name: string;
  displayName: string;
  parentId: string | null;
}

/** The domains in tree order (each parent before its children, siblings by display name) with their depth. */
export function domainTreeOrder(domains: DomainNode[]): (DomainNode & { depth: number })[] {
  const children = new Map<string | null, DomainNode[]>();
  const ids = new Set(domains.map((domain) => domain.id));
  for (const domain of domains) {
    const parent = domain.parentId && ids.has(domain.parentId) ? domain.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), domain]);
  }
  const ordered: (DomainNode & { depth: number })[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    const siblings = [...(children.get(parent) ?? [])].sort((a, b) => a.displayName.localeCompare(b.displayName));
    for (const domain of siblings) {
      if (seen.has(domain.id)) continue;
      seen.add(domain.id);
      ordered.push({ ...domain, depth });
      visit(domain.id, depth + 1);
    }
  };
  visit(null, 0);
  return ordered;
}

/** The ids of the named domains and all their sub-domains. */
export function domainIdsWithin(domains: DomainNode[], names: string[]): string[] {
  const parentOf = new Map(domains.map((domain) => [domain.id, domain.parentId]));
  const ids = new Set<string>();
  for (const domain of domains) {
    if (names.includes(domain.name)) for (const id of descendantIds(domain.id, parentOf)) ids.add(id);
  }
  return [...ids];
}
