import "server-only";
import { cache } from "react";
import { db } from "../db";
import { NotFoundError, parseInput } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { requireActor, sqlScopeFor, type Actor } from "../authz";
import { decodeNameCursor, encodeNameCursor, keysetPage } from "../keyset";
import { productRef } from "../products/schemas";
import {
  POLYSEME_PAGE_SIZE,
  PolysemeQuery,
  type PolysemeDetailDto,
  type PolysemeDomainDto,
  type PolysemeFieldDto,
  type PolysemeInput,
  type PolysemeSummaryDto,
} from "./schemas";

const polysemeSelect = {
  id: true,
  name: true,
  displayName: true,
  definition: true,
  ownerTeam: { select: { name: true, displayName: true } },
} satisfies Prisma.PolysemeSelect;

/**
 * The products the actor may see, retired ones aside (as in the catalog), over `p`: data_products or
 * polyseme_product_counts, which have the same status and owning_team_id columns.
 */
function visibleProducts(actor: Actor): Prisma.Sql {
  return Prisma.sql`p.status <> 'retired' AND ${sqlScopeFor(actor, "product.read")}`;
}

/** Every polyseme with the number of visible products carrying it (counted by triggers, not per request). */
export async function listPolysemes(): Promise<PolysemeSummaryDto[]> {
  const actor = await requireActor();
  const [rows, counts] = await Promise.all([
    db.polyseme.findMany({ orderBy: { displayName: "asc" }, select: polysemeSelect }),
    db.$queryRaw<{ id: string; products: number }[]>(Prisma.sql`
      SELECT p.polyseme_id AS id, sum(p.products)::int AS products
      FROM polyseme_product_counts p WHERE ${visibleProducts(actor)}
      GROUP BY p.polyseme_id`),
  ]);
  const productCounts = new Map(counts.map((row) => [row.id, row.products]));
  return rows.map(({ id, ...row }) => ({ ...row, productCount: productCounts.get(id) ?? 0 }));
}

interface ProductRow {
  id: string;
  name: string;
  displayName: string;
  domainName: string;
  domainDisplayName: string;
}

/**
 * One polyseme: the domains whose visible products carry it, and one page of those products (by name, keyset
 * pagination; narrowed to `domain` when given) with their fields that carry it. For an explicit actor (the page
 * through getPolysemeDetail, and the benchmark).
 */
export async function loadPolysemeDetail(
  actor: Actor,
  name: string,
  input: PolysemeInput = {},
): Promise<PolysemeDetailDto> {
  const query = parseInput(PolysemeQuery, input);
  const polyseme = await db.polyseme.findUnique({ where: { name }, select: polysemeSelect });
  if (!polyseme) throw new NotFoundError(`Polyseme ${name} not found`);

  const domainRows = await db.$queryRaw<{ id: string; name: string; displayName: string; products: number }[]>(
    Prisma.sql`
      SELECT d.id, d.name, d.display_name AS "displayName", sum(p.products)::int AS products
      FROM polyseme_product_counts p JOIN domains d ON d.id = p.domain_id
      WHERE p.polyseme_id = ${polyseme.id}::uuid AND ${visibleProducts(actor)}
      GROUP BY d.id
      ORDER BY d.display_name, d.name`,
  );
  const selected = query.domain ? domainRows.find((domain) => domain.name === query.domain) : undefined;
  const domains: PolysemeDomainDto[] = domainRows.map((domain) => ({
    name: domain.name,
    displayName: domain.displayName,
    productCount: domain.products,
    selected: domain === selected,
  }));

  const after = decodeNameCursor(query.after);
  const before = after ? undefined : decodeNameCursor(query.before);
  const cursor = after ?? before;
  const direction = before ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  // A domain that carries none of it (or a mistyped one) lists nothing rather than everything.
  const rows =
    query.domain && !selected
      ? []
      : await db.$queryRaw<ProductRow[]>(Prisma.sql`
          SELECT p.id, p.name, p.display_name AS "displayName",
                 d.name AS "domainName", d.display_name AS "domainDisplayName"
          FROM data_products p JOIN domains d ON d.id = p.domain_id
          WHERE p.polyseme_ids @> ARRAY[${polyseme.id}]::uuid[] AND ${visibleProducts(actor)}
            AND ${selected ? Prisma.sql`p.domain_id = ${selected.id}::uuid` : Prisma.sql`TRUE`}
            AND ${
              cursor
                ? Prisma.sql`(p.name, p.id) ${before ? Prisma.sql`<` : Prisma.sql`>`} (${cursor.name}, ${cursor.id}::uuid)`
                : Prisma.sql`TRUE`
            }
          ORDER BY p.name ${direction}, p.id ${direction}
          LIMIT ${POLYSEME_PAGE_SIZE + 1}`);
  const { page, nextCursor, previousCursor } = keysetPage(
    rows,
    POLYSEME_PAGE_SIZE,
    { after: Boolean(after), backwards: Boolean(before) },
    encodeNameCursor,
  );

  const fields = new Map<string, PolysemeFieldDto[]>();
  if (page.length > 0) {
    const fieldRows = await db.$queryRaw<(PolysemeFieldDto & { productId: string })[]>(Prisma.sql`
      SELECT op.product_id AS "productId", json_build_object('name', op.name, 'displayName', op.display_name) AS port,
             f.name, f.type
      FROM output_ports op JOIN schema_fields f ON f.output_port_id = op.id
      WHERE op.product_id = ANY(${page.map((row) => row.id)}::uuid[]) AND f.polyseme_id = ${polyseme.id}::uuid
      ORDER BY op.position, op.name, f.position`);
    for (const { productId, ...field } of fieldRows) {
      const list = fields.get(productId) ?? [];
      list.push(field);
      fields.set(productId, list);
    }
  }

  return {
    name: polyseme.name,
    displayName: polyseme.displayName,
    definition: polyseme.definition,
    ownerTeam: polyseme.ownerTeam,
    productCount: domainRows.reduce((sum, domain) => sum + domain.products, 0),
    domains,
    products: page.map((row) => ({
      ref: productRef(row.domainName, row.name),
      domain: { name: row.domainName, displayName: row.domainDisplayName },
      name: row.name,
      displayName: row.displayName,
      fields: fields.get(row.id) ?? [],
    })),
    nextCursor,
    previousCursor,
  };
}

/**
 * loadPolysemeDetail for the signed-in user, cached per request (the page and its metadata share one read: hence
 * the query as separate strings, which the cache compares by value).
 */
export const getPolysemeDetail = cache(
  async (name: string, domain?: string, after?: string, before?: string): Promise<PolysemeDetailDto> =>
    loadPolysemeDetail(await requireActor(), name, { domain, after, before }),
);
