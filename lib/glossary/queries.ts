import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { requireActor, scopeFor } from "../authz";
import { productRef } from "../products/schemas";
import type { PolysemeDetailDto, PolysemeProductGroupDto, PolysemeSummaryDto } from "./schemas";

function visibleFields(scope: Prisma.DataProductWhereInput): Prisma.SchemaFieldWhereInput {
  return { outputPort: { product: scope } };
}

/** Every polyseme with the number of fields (of visible products) that carry it. */
export async function listPolysemes(): Promise<PolysemeSummaryDto[]> {
  const actor = await requireActor();
  const scope = scopeFor(actor, "product.read");
  const rows = await db.polyseme.findMany({
    orderBy: { displayName: "asc" },
    select: {
      name: true,
      displayName: true,
      definition: true,
      ownerTeam: { select: { name: true, displayName: true } },
      _count: { select: { fields: { where: visibleFields(scope) } } },
    },
  });
  return rows.map((row) => ({
    name: row.name,
    displayName: row.displayName,
    definition: row.definition,
    ownerTeam: row.ownerTeam,
    fieldCount: row._count.fields,
  }));
}

/** One polyseme with every visible field carrying it, grouped by product, and the domains involved. */
export async function getPolysemeDetail(name: string): Promise<PolysemeDetailDto> {
  const actor = await requireActor();
  const scope = scopeFor(actor, "product.read");
  const row = await db.polyseme.findUnique({
    where: { name },
    select: {
      name: true,
      displayName: true,
      definition: true,
      ownerTeam: { select: { name: true, displayName: true } },
      fields: {
        where: visibleFields(scope),
        orderBy: [
          { outputPort: { product: { domain: { name: "asc" } } } },
          { outputPort: { product: { name: "asc" } } },
        ],
        select: {
          name: true,
          type: true,
          position: true,
          outputPort: {
            select: {
              name: true,
              displayName: true,
              product: {
                select: {
                  id: true,
                  name: true,
                  displayName: true,
                  domain: { select: { name: true, displayName: true } },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!row) throw new NotFoundError(`Polyseme ${name} not found`);

  const groups = new Map<string, PolysemeProductGroupDto>();
  const domains = new Map<string, { name: string; displayName: string }>();
  for (const field of row.fields) {
    const product = field.outputPort.product;
    let group = groups.get(product.id);
    if (!group) {
      group = {
        ref: productRef(product.domain.name, product.name),
        domain: product.domain,
        name: product.name,
        displayName: product.displayName,
        fields: [],
      };
      groups.set(product.id, group);
    }
    group.fields.push({
      port: { name: field.outputPort.name, displayName: field.outputPort.displayName },
      name: field.name,
      type: field.type,
    });
    domains.set(product.domain.name, product.domain);
  }

  return {
    name: row.name,
    displayName: row.displayName,
    definition: row.definition,
    ownerTeam: row.ownerTeam,
    fieldCount: row.fields.length,
    products: [...groups.values()],
    domains: [...domains.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}
