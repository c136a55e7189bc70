import "server-only";
import { cache } from "react";
import { z } from "zod";
import { db } from "../db";
import { InvalidInputError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { Archetype, LifecycleStatus, OutputPortKind } from "../generated/prisma/enums";
import { sqlScopeFor, type Actor } from "../authz";
import { descendantIds } from "../domains/schemas";
import { productRef } from "../products/schemas";
import {
  NAME_SIMILARITY,
  SEARCH_PAGE_SIZE,
  SearchInput,
  TAG_FACET_LIMIT,
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
    kind: query.kind.length ? Prisma.sql`p.port_kinds && ${query.kind}::output_port_kind[]` : TRUE,
    pii: query.pii ? Prisma.sql`p.contains_pii` : TRUE,
  };
}

/** Runs raw SQL with the typo tolerance of name matching set for this transaction only. */
async function withNameSimilarity<T>(sql: Prisma.Sql): Promise<T> {
  const [, rows] = await db.$transaction([
    db.$queryRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(NAME_SIMILARITY)}, true)`,
    db.$queryRaw<T>(sql),
  ]);
  return rows as T;
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
 * Relevance of a match: the exact name first, then name matches (full text on names, or a name close to the query),
 * then the weighted full-text rank and the name's similarity. Deterministic, so a page cursor can hold it.
 */
function scoreOf(q: string): Prisma.Sql {
  const tsq = tsQuery(q);
  return Prisma.sql`(
    CASE WHEN lower(p.display_name) = lower(${q}) OR p.name = lower(${q}) THEN 4 ELSE 0 END
    + CASE WHEN ts_filter(p.search_vector, '{a}') @@ ${tsq} OR ${q} <% p.display_name THEN 2 ELSE 0 END
    + coalesce(ts_rank('{0.1, 0.2, 0.4, 1.0}', p.search_vector, ${tsq}), 0)::float8
    + word_similarity(${q}, p.display_name)::float8
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

  const rows = await withNameSimilarity<HitRow[]>(Prisma.sql`
    SELECT r.*,
           d.name AS "domainName", d.display_name AS "domainDisplayName",
           parent.name AS "parentName", parent.display_name AS "parentDisplayName",
           t.name AS "teamName", t.display_name AS "teamDisplayName"
    FROM (
      SELECT p.id, p.name, p.display_name AS "displayName", p.description,
             replace(p.archetype::text, '-', '_') AS archetype, p.status::text AS status, p.tags,
             p.domain_id, p.owning_team_id,
             ${ranked ? scoreOf(query.q) : Prisma.sql`NULL::float8`} AS score
      FROM data_products p
      WHERE ${sqlScopeFor(actor, "product.read")}
        AND ${Prisma.join(
          Object.values(where).map((condition) => Prisma.sql`${condition}`),
          " AND ",
        )}
    ) r
    JOIN domains d ON d.id = r.domain_id
    LEFT JOIN domains parent ON parent.id = d.parent_id
    JOIN teams t ON t.id = r.owning_team_id
    WHERE ${keysetCondition(after ?? before, ranked, backwards)}
    ORDER BY ${order}
    LIMIT ${SEARCH_PAGE_SIZE + 1}`);

  const more = rows.length > SEARCH_PAGE_SIZE;
  const page = rows.slice(0, SEARCH_PAGE_SIZE);
  if (backwards) page.reverse();
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
  const cursorOf = (row: HitRow | undefined) =>
    row ? encodeCursor({ score: row.score, name: row.name, id: row.id }) : null;
  return {
    hits,
    nextCursor: backwards || more ? cursorOf(page.at(-1)) : null,
    previousCursor: backwards ? (more ? cursorOf(page[0]) : null) : after ? cursorOf(page[0]) : null,
  };
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
  const allBut = (facet: Facet | null) =>
    Prisma.join(
      FACETS.filter((other) => other !== facet).map((other) => Prisma.sql`m.f_${Prisma.raw(other)}`),
      " AND ",
    );

  const rows = await withNameSimilarity<FacetRow[]>(Prisma.sql`
    WITH m AS MATERIALIZED (
      SELECT p.domain_id, p.owning_team_id, replace(p.archetype::text, '-', '_') AS archetype,
             p.status::text AS status, p.tags, p.port_kinds, p.contains_pii,
             ${Prisma.join(
               FACETS.map((facet) => Prisma.sql`${where[facet]} AS f_${Prisma.raw(facet)}`),
               ", ",
             )}
      FROM data_products p
      WHERE ${sqlScopeFor(actor, "product.read")} AND ${where.text}
    )
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
    SELECT 'kind', kind::text, NULL, count(*) FROM m, unnest(m.port_kinds) AS kind WHERE ${allBut("kind")} GROUP BY kind
    UNION ALL
    SELECT 'pii', 'true', NULL, count(*) FROM m WHERE ${allBut("pii")} AND m.contains_pii`);

  const facets: SearchFacetsDto = {
    total: 0,
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
