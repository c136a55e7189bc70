import "server-only";
import { cache } from "react";
import { z } from "zod";
import { db } from "../db";
import { InvalidInputError } from "../errors";
import { keysetPage } from "../keyset";
import { escapeLike } from "../like";
import { Prisma } from "../generated/prisma/client";
import { Archetype, LifecycleStatus, OutputPortKind } from "../generated/prisma/enums";
import { sqlScopeFor, type Actor } from "../authz";
import { descendantIds } from "../domains/schemas";
import { productRef } from "../products/schemas";
import {
  NAME_SIMILARITY,
  SEARCH_CANDIDATE_LIMIT,
  SEARCH_PAGE_SIZE,
  SearchInput,
  TAG_FACET_LIMIT,
  TAG_SAMPLE_SIZE,
  decodeCursor,
  domainIdsWithin,
  domainTreeOrder,
  encodeCursor,
  type DomainNode,
  type FacetValueDto,
  type SearchCursor,
  type SearchFacetsDto,
  type SearchHitDto,
  type SearchPageDto,
  type SearchQuery,
} from "./schemas";

// Every function takes the actor explicitly: the page passes requireActor(), the API its token's owner.

/** All domains (a few hundred at most): the domain filter takes sub-domains along, the facet rolls counts up. */
const loadDomains = cache((): Promise<DomainNode[]> =>
  db.domain.findMany({ select: { id: true, name: true, displayName: true, parentId: true } }),
);

function parseQuery(input: SearchInput): SearchQuery {
  const parsed = SearchInput.safeParse(input);
  if (!parsed.success)
    throw new InvalidInputError("The search is not valid.", z.flattenError(parsed.error).fieldErrors);
  return parsed.data;
}

/** One SQL condition (over `data_products p`) per filter; an unused filter is TRUE. */
interface Conditions {
  text: Prisma.Sql;
  domain: Prisma.Sql;
  team: Prisma.Sql;
  archetype: Prisma.Sql;
  status: Prisma.Sql;
  tag: Prisma.Sql;
  kind: Prisma.Sql;
  pii: Prisma.Sql;
}
type Facet = Exclude<keyof Conditions, "text">;
const FACETS: Facet[] = ["domain", "team", "archetype", "status", "tag", "kind", "pii"];

function tsQuery(q: string): Prisma.Sql {
  return Prisma.sql`websearch_to_tsquery('english', ${q})`;
}

function conditionsFor(query: SearchQuery, domains: DomainNode[]): Conditions {
  const TRUE = Prisma.sql`TRUE`;
  return {
    // Full text over names, tags, polysemes, ports, fields and texts, or a display name close to the query (typos).
    text: query.q ? Prisma.sql`(p.search_vector @@ ${tsQuery(query.q)} OR ${query.q} <% p.display_name)` : TRUE,
    domain: query.domain.length
      ? Prisma.sql`p.domain_id = ANY(${domainIdsWithin(domains, query.domain)}::uuid[])`
      : TRUE,
    team: query.team.length
      ? Prisma.sql`p.owning_team_id IN (SELECT t.id FROM teams t WHERE t.name = ANY(${query.team}::text[]))`
      : TRUE,
    archetype: query.archetype.length
      ? Prisma.sql`replace(p.archetype::text, '-', '_') = ANY(${query.archetype}::text[])`
      : TRUE,
    // Retired products are hidden unless a status filter asks for them.
    status: query.status.length
      ? Prisma.sql`p.status::text = ANY(${query.status}::text[])`
      : Prisma.sql`p.status <> 'retired'`,
    tag: query.tag.length ? Prisma.sql`p.tags && ${query.tag}::text[]` : TRUE,
    // (product_facet_counts keeps the kinds as text: cast, which costs nothing on data_products' array.)
    kind: query.kind.length ? Prisma.sql`p.port_kinds::output_port_kind[] && ${query.kind}::output_port_kind[]` : TRUE,
    pii: query.pii ? Prisma.sql`p.contains_pii` : TRUE,
  };
}

/** Every filter but the query text (and but `except`), joined with AND. */
function filtersOf(where: Conditions, except: Facet | null = null): Prisma.Sql {
  return Prisma.join(
    FACETS.filter((facet) => facet !== except).map((facet) => where[facet]),
    " AND ",
  );
}

/** The product name a query text would be written as (`Customer Churn` → `customer-churn`), for exact matches. */
function slugOf(q: string): string {
  return q
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * CTEs `candidates(id, ...columns)` and `capped(capped)`: the products meeting `filter` (SQL over `p`) that a query
 * text can rank. Each kind of match stops at SEARCH_CANDIDATE_LIMIT, so a common term costs about what a rare one
 * does: names containing the query, then (only when those are fewer) names close to it despite typos (trigram
 * word similarity, the costly test), full-text matches, and the product named exactly like the query. The
 * candidates' `columns` (SQL over `p` and `s.similarity`, the name's word similarity) are read once, after the
 * kinds are merged. A deterministic scan order (the same candidates for every page) is set on every connection
 * (lib/db.ts).
 */
function candidateCtes(q: string, filter: Prisma.Sql, columns: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    exact AS (SELECT p.id FROM data_products p WHERE p.name = ${slugOf(q)} AND ${filter}),
    named AS MATERIALIZED (
      SELECT p.id FROM data_products p WHERE p.display_name ILIKE ${`%${escapeLike(q)}%`} AND ${filter}
      LIMIT ${SEARCH_CANDIDATE_LIMIT}
    ),
    fuzzy AS MATERIALIZED (
      SELECT p.id FROM data_products p
      WHERE (SELECT count(*) FROM named) < ${SEARCH_CANDIDATE_LIMIT} AND ${q} <% p.display_name AND ${filter}
      LIMIT ${SEARCH_CANDIDATE_LIMIT}
    ),
    texted AS MATERIALIZED (
      SELECT p.id FROM data_products p WHERE p.search_vector @@ ${tsQuery(q)} AND ${filter}
      LIMIT ${SEARCH_CANDIDATE_LIMIT}
    ),
    candidates AS MATERIALIZED (
      SELECT p.id, ${columns}
      FROM (SELECT id FROM exact UNION SELECT id FROM named UNION SELECT id FROM fuzzy UNION SELECT id FROM texted) c
      JOIN data_products p ON p.id = c.id
      CROSS JOIN LATERAL (SELECT word_similarity(${q}, p.display_name)::float8 AS similarity) s
    ),
    capped AS (
      SELECT (SELECT count(*) FROM named) >= ${SEARCH_CANDIDATE_LIMIT}
          OR (SELECT count(*) FROM fuzzy) >= ${SEARCH_CANDIDATE_LIMIT}
          OR (SELECT count(*) FROM texted) >= ${SEARCH_CANDIDATE_LIMIT} AS capped
    )`;
}

interface HitRow {
  id: string;
  name: string;
  displayName: string;
  description: string;
  archetype: Archetype;
  status: LifecycleStatus;
  tags: string[] | null;
  domainName: string;
  domainDisplayName: string;
  parentName: string | null;
  parentDisplayName: string | null;
  teamName: string;
  teamDisplayName: string;
  score: number | null;
}

/**
 * Relevance of a candidate: the exact name first, then name matches (full text on names, or a name close to the
 * query), then the weighted full-text rank and the name's similarity (`s.similarity`, see candidateCtes).
 * Deterministic, so a page cursor can hold it.
 */
function scoreOf(q: string): Prisma.Sql {
  const tsq = tsQuery(q);
  return Prisma.sql`(
    CASE WHEN lower(p.display_name) = lower(${q}) OR p.name = lower(${q}) THEN 4 ELSE 0 END
    + CASE WHEN s.similarity >= ${NAME_SIMILARITY} OR ts_filter(p.search_vector, '{a}') @@ ${tsq} THEN 2 ELSE 0 END
    + coalesce(ts_rank('{0.1, 0.2, 0.4, 1.0}', p.search_vector, ${tsq}), 0)::float8
    + s.similarity
  )`;
}

/** Rows strictly after (or, backwards, before) the cursor in the result order. */
function keysetCondition(cursor: SearchCursor | undefined, ranked: boolean, backwards: boolean): Prisma.Sql {
  if (!cursor) return Prisma.sql`TRUE`;
  const later = backwards ? Prisma.sql`<` : Prisma.sql`>`;
  const byName = Prisma.sql`(r.name, r.id) ${later} (${cursor.name}, ${cursor.id}::uuid)`;
  if (!ranked || cursor.score === null) return byName;
  const lower = backwards ? Prisma.sql`>` : Prisma.sql`<`;
  return Prisma.sql`(r.score ${lower} ${cursor.score}::float8 OR (r.score = ${cursor.score}::float8 AND ${byName}))`;
}

/**
 * One page of search results for the actor: ranked by relevance when there is a query text, by name otherwise.
 * Keyset pagination (`after` / `before` a cursor of the previous page), never OFFSET.
 */
export async function searchProducts(actor: Actor, input: SearchInput): Promise<SearchPageDto> {
  const query = parseQuery(input);
  const domains = await loadDomains();
  const where = conditionsFor(query, domains);
  const ranked = Boolean(query.q);
  const after = decodeCursor(query.after);
  const before = after ? undefined : decodeCursor(query.before);
  const backwards = Boolean(before);
  const direction = backwards ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const order = ranked
    ? Prisma.sql`r.score ${backwards ? Prisma.sql`ASC` : Prisma.sql`DESC`}, r.name ${direction}, r.id ${direction}`
    : Prisma.sql`r.name ${direction}, r.id ${direction}`;

  const scope = sqlScopeFor(actor, "product.read");
  const filter = Prisma.sql`${scope} AND ${filtersOf(where)}`;
  // With a query text, only the candidates are ranked (see candidateCtes) and the page is cut from them before
  // its rows are read; without, the name index pages.
  const keyset = keysetCondition(after ?? before, ranked, backwards);
  const pageIds = ranked
    ? Prisma.sql`WITH ${candidateCtes(query.q, filter, Prisma.sql`p.name, ${scoreOf(query.q)} AS score`)}
        SELECT r.id, r.score FROM candidates r WHERE ${keyset} ORDER BY ${order} LIMIT ${SEARCH_PAGE_SIZE + 1}`
    : Prisma.sql`SELECT r.id, r.score
        FROM (SELECT p.id, p.name, NULL::float8 AS score FROM data_products p WHERE ${filter}) r
        WHERE ${keyset} ORDER BY ${order} LIMIT ${SEARCH_PAGE_SIZE + 1}`;
  const rows = await db.$queryRaw<HitRow[]>(Prisma.sql`
    WITH page AS MATERIALIZED (${pageIds})
    SELECT r.*,
           d.name AS "domainName", d.display_name AS "domainDisplayName",
           parent.name AS "parentName", parent.display_name AS "parentDisplayName",
           t.name AS "teamName", t.display_name AS "teamDisplayName"
    FROM (
      SELECT p.id, p.name, p.display_name AS "displayName", p.description,
             replace(p.archetype::text, '-', '_') AS archetype, p.status::text AS status, p.tags,
             p.domain_id, p.owning_team_id, page.score
      FROM page JOIN data_products p ON p.id = page.id
    ) r
    JOIN domains d ON d.id = r.domain_id
    LEFT JOIN domains parent ON parent.id = d.parent_id
    JOIN teams t ON t.id = r.owning_team_id
    ORDER BY ${order}`);

  const { page, nextCursor, previousCursor } = keysetPage(
    rows,
    SEARCH_PAGE_SIZE,
    { after: Boolean(after), backwards },
    (row) => encodeCursor({ score: row.score, name: row.name, id: row.id }),
  );
  const matchingFields = ranked
    ? await findMatchingFields(
        query.q,
        page.map((row) => row.id),
      )
    : new Map();
  const hits: SearchHitDto[] = page.map((row) => ({
    id: row.id,
    ref: productRef(row.domainName, row.name),
    name: row.name,
    displayName: row.displayName,
    description: row.description,
    archetype: row.archetype,
    status: row.status,
    tags: row.tags ?? [],
    domain: {
      name: row.domainName,
      displayName: row.domainDisplayName,
      parent: row.parentName ? { name: row.parentName, displayName: row.parentDisplayName ?? row.parentName } : null,
    },
    owningTeam: { name: row.teamName, displayName: row.teamDisplayName },
    matchingFields: matchingFields.get(row.id) ?? [],
  }));
  return { hits, nextCursor, previousCursor };
}

/** Up to three field names per product that match the query text, so a result shows why it matched. */
async function findMatchingFields(q: string, productIds: string[]): Promise<Map<string, string[]>> {
  if (productIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ productId: string; name: string }[]>(Prisma.sql`
    SELECT op.product_id AS "productId", f.name
    FROM schema_fields f JOIN output_ports op ON op.id = f.output_port_id
    WHERE op.product_id = ANY(${productIds}::uuid[]) AND to_tsvector('english', f.name) @@ ${tsQuery(q)}
    ORDER BY op.position, op.name, f.position`);
  const fields = new Map<string, string[]>();
  for (const row of rows) {
    const names = fields.get(row.productId) ?? [];
    if (names.length < 3 && !names.includes(row.name)) names.push(row.name);
    fields.set(row.productId, names);
  }
  return fields;
}

interface FacetRow {
  facet: Facet | "total";
  value: string | null;
  label: string | null;
  count: bigint | number;
}

/**
 * The number of matching products per value of each facet. Each facet's counts apply every filter but its own
 * (values within a facet combine with OR), so picking one value shows what the others would add. A domain's count
 * includes its sub-domains. Also the total of matches with every filter.
 */
export async function countProductFacets(actor: Actor, input: SearchInput): Promise<SearchFacetsDto> {
  const query = parseQuery(input);
  const domains = await loadDomains();
  const where = conditionsFor(query, domains);
  const scope = sqlScopeFor(actor, "product.read");
  // Without a query text and a tag filter, every facet but the tags is summed from the groups of product_facet_counts.
  const { rows, capped, tagsEstimated } =
    !query.q && query.tag.length === 0
      ? await countWithoutText(scope, query, where)
      : { ...(await countMatches(scope, query, where)), tagsEstimated: false };

  const facets: SearchFacetsDto = {
    total: 0,
    capped,
    tagsEstimated,
    domain: [],
    team: [],
    archetype: [],
    status: [],
    tag: [],
    kind: [],
    pii: [],
  };
  const directDomainCounts = new Map<string, number>();
  for (const row of rows) {
    const count = Number(row.count);
    if (row.facet === "total") facets.total = count;
    else if (row.facet === "domain") directDomainCounts.set(row.value!, count);
    else {
      const selected = row.facet === "pii" ? query.pii : (query[row.facet] as string[]).includes(row.value!);
      if (count > 0 || selected) {
        facets[row.facet].push({ value: row.value!, label: row.label ?? row.value!, count, selected, depth: 0 });
      }
    }
  }
  facets.domain = domainFacet(domains, directDomainCounts, query.domain);
  for (const facet of ["team", "tag"] as const) {
    facets[facet].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  }
  for (const [facet, order] of [
    ["archetype", Object.values(Archetype)],
    ["status", Object.values(LifecycleStatus)],
    ["kind", Object.values(OutputPortKind)],
  ] as const) {
    facets[facet].sort((a, b) => order.indexOf(a.value as never) - order.indexOf(b.value as never));
  }
  // Selected values stay listed (with 0) so they can be cleared.
  for (const facet of ["team", "tag", "archetype", "status", "kind"] as const) {
    for (const value of query[facet]) {
      if (!facets[facet].some((entry) => entry.value === value)) {
        facets[facet].push({ value, label: value, count: 0, selected: true, depth: 0 });
      }
    }
  }
  return facets;
}

/**
 * Facet rows over the products matching the query text (its candidates when there is one, see candidateCtes) or
 * every product, with each facet's counts under every filter but its own.
 */
async function countMatches(
  scope: Prisma.Sql,
  query: SearchQuery,
  where: Conditions,
): Promise<{ rows: FacetRow[]; capped: boolean }> {
  const allBut = (facet: Facet | null) =>
    Prisma.join(
      FACETS.filter((other) => other !== facet).map((other) => Prisma.sql`m.f_${Prisma.raw(other)}`),
      " AND ",
    );
  const columns = Prisma.sql`
    p.domain_id, p.owning_team_id, replace(p.archetype::text, '-', '_') AS archetype, p.status::text AS status,
    p.tags, p.port_kinds, p.contains_pii,
    ${Prisma.join(
      FACETS.map((facet) => Prisma.sql`${where[facet]} AS f_${Prisma.raw(facet)}`),
      ", ",
    )}`;
  const rows = await db.$queryRaw<(FacetRow & { capped: boolean })[]>(Prisma.sql`
    WITH ${query.q ? Prisma.sql`${candidateCtes(query.q, scope, columns)},` : Prisma.empty}
    m AS MATERIALIZED (
      ${query.q ? Prisma.sql`SELECT * FROM candidates` : Prisma.sql`SELECT p.id, ${columns} FROM data_products p WHERE ${scope}`}
    ),
    counts AS (
      SELECT 'total' AS facet, NULL AS value, NULL AS label, count(*) AS count FROM m WHERE ${allBut(null)}
      UNION ALL
      SELECT 'domain', m.domain_id::text, NULL, count(*) FROM m WHERE ${allBut("domain")} GROUP BY m.domain_id
      UNION ALL
      SELECT 'team', t.name, t.display_name, c.count
      FROM (SELECT m.owning_team_id, count(*) FROM m WHERE ${allBut("team")} GROUP BY m.owning_team_id) c
      JOIN teams t ON t.id = c.owning_team_id
      UNION ALL
      SELECT 'archetype', m.archetype, NULL, count(*) FROM m WHERE ${allBut("archetype")} GROUP BY m.archetype
      UNION ALL
      SELECT 'status', m.status, NULL, count(*) FROM m WHERE ${allBut("status")} GROUP BY m.status
      UNION ALL
      SELECT 'tag', c.tag, NULL, c.count FROM (
        SELECT tag, count(*), row_number() OVER (ORDER BY count(*) DESC, tag) AS rank
        FROM m, unnest(m.tags) AS tag WHERE ${allBut("tag")} GROUP BY tag
      ) c WHERE c.rank <= ${TAG_FACET_LIMIT} OR c.tag = ANY(${query.tag}::text[])
      UNION ALL
      SELECT 'kind', kind::text, NULL, count(*)
      FROM m, unnest(m.port_kinds) AS kind WHERE ${allBut("kind")} GROUP BY kind
      UNION ALL
      SELECT 'pii', 'true', NULL, count(*) FROM m WHERE ${allBut("pii")} AND m.contains_pii
    )
    SELECT counts.*, ${query.q ? Prisma.sql`(SELECT capped FROM capped)` : Prisma.sql`FALSE`} AS capped
    FROM counts`);
  return { rows, capped: rows.some((row) => row.capped) };
}

/**
 * Facet rows without a query text or a tag filter: every facet but the tags from one grouped pass over the groups
 * of products that the triggers keep in product_facet_counts (its status and owning_team_id columns take the scope
 * as a product's do), each facet summed under every filter but its own; the tag counts from a sample of about
 * TAG_SAMPLE_SIZE products when there are more (and then flagged as estimates).
 */
async function countWithoutText(
  scope: Prisma.Sql,
  query: SearchQuery,
  where: Conditions,
): Promise<{ rows: FacetRow[]; capped: false; tagsEstimated: boolean }> {
  const facets = FACETS.filter((facet) => facet !== "tag");
  // (The tag condition is TRUE on this path, which runs only without a tag filter: the groups have no tags.)
  const sumUnder = (facet: Facet | null) =>
    Prisma.sql`coalesce(sum(p.products) FILTER (WHERE ${filtersOf(where, facet)}), 0)`;
  // GROUPING(domain_id, owning_team_id, archetype, status, port_kinds, contains_pii): a 1 bit per column summed
  // over, so 31 is the set (domain_id), 47 (owning_team_id) ... and 63 the total.
  const rows = await db.$queryRaw<FacetRow[]>(Prisma.sql`
    WITH g AS (
      SELECT GROUPING(p.domain_id, p.owning_team_id, p.archetype, p.status, p.port_kinds, p.contains_pii) AS set,
             p.domain_id, p.owning_team_id, replace(p.archetype::text, '-', '_') AS archetype, p.status::text AS status,
             p.port_kinds, p.contains_pii, ${sumUnder(null)} AS n_total,
             ${Prisma.join(
               facets.map((facet) => Prisma.sql`${sumUnder(facet)} AS n_${Prisma.raw(facet)}`),
               ", ",
             )}
      FROM product_facet_counts p
      WHERE ${scope}
      GROUP BY GROUPING SETS ((), (p.domain_id), (p.owning_team_id), (p.archetype), (p.status), (p.port_kinds),
                              (p.contains_pii))
    )
    SELECT 'total' AS facet, NULL AS value, NULL AS label, n_total AS count FROM g WHERE set = 63
    UNION ALL
    SELECT 'domain', domain_id::text, NULL, n_domain FROM g WHERE set = 31
    UNION ALL
    SELECT 'team', t.name, t.display_name, n_team FROM g JOIN teams t ON t.id = g.owning_team_id WHERE set = 47
    UNION ALL
    SELECT 'archetype', archetype, NULL, n_archetype FROM g WHERE set = 55
    UNION ALL
    SELECT 'status', status, NULL, n_status FROM g WHERE set = 59
    UNION ALL
    -- The kinds are kept as array text ('{table,files}'): one row per combination, summed per kind.
    SELECT 'kind', kind::text, NULL, sum(n_kind) FROM g, unnest(g.port_kinds::output_port_kind[]) AS kind
    WHERE set = 61 GROUP BY kind
    UNION ALL
    SELECT 'pii', 'true', NULL, n_pii FROM g WHERE set = 62 AND contains_pii`);
  const total = Number(rows.find((row) => row.facet === "total")?.count ?? 0);

  // The tags are in the wide rows: count them in a repeatable block sample when there are many products.
  const share = total > TAG_SAMPLE_SIZE ? (100 * TAG_SAMPLE_SIZE) / total : 100;
  const tags = await db.$queryRaw<{ tag: string; count: number }[]>(Prisma.sql`
    SELECT tag, count(*)::int AS count
    FROM data_products p ${
      share < 100 ? Prisma.sql`TABLESAMPLE SYSTEM (${share}::float4) REPEATABLE (42)` : Prisma.empty
    }, unnest(p.tags) AS tag
    WHERE ${scope} AND ${filtersOf(where, "tag")}
    GROUP BY tag ORDER BY count(*) DESC, tag LIMIT ${TAG_FACET_LIMIT}`);
  for (const { tag, count } of tags) {
    rows.push({
      facet: "tag",
      value: tag,
      label: null,
      count: share < 100 ? Math.round((count * 100) / share) : count,
    });
  }
  return { rows, capped: false, tagsEstimated: share < 100 };
}

/** The domain facet in tree order, counts rolled up from sub-domains; empty domains left out unless selected. */
function domainFacet(domains: DomainNode[], direct: Map<string, number>, selected: string[]): FacetValueDto[] {
  const parentOf = new Map(domains.map((domain) => [domain.id, domain.parentId]));
  return domainTreeOrder(domains)
    .map((domain) => {
      let count = 0;
      for (const id of descendantIds(domain.id, parentOf)) count += direct.get(id) ?? 0;
      return {
        value: domain.name,
        label: domain.displayName,
        count,
        selected: selected.includes(domain.name),
        depth: domain.depth,
      };
    })
    .filter((entry) => entry.count > 0 || entry.selected);
}
