import "server-only";
import { cache } from "react";
import { db } from "../db";
import { NotFoundError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { authorize, can, requireActor, scopeFor, type Actor } from "../authz";
import {
  describeServer,
  productRef,
  type ConsumerDto,
  type InputPortDto,
  type ProductDetailDto,
  type ProductSummaryDto,
} from "./schemas";
import { FIELD_VALUES_SELECT, SLO_VALUES_SELECT } from "./values";

/** What a product list row shows (catalog, domain and team pages). */
export const productSummarySelect = {
  id: true,
  name: true,
  displayName: true,
  description: true,
  archetype: true,
  status: true,
  tags: true,
  domain: { select: { name: true, displayName: true, parent: { select: { name: true, displayName: true } } } },
  owningTeam: { select: { name: true, displayName: true } },
} satisfies Prisma.DataProductSelect;

type SummaryRow = Prisma.DataProductGetPayload<{ select: typeof productSummarySelect }>;

export function toProductSummary(row: SummaryRow): ProductSummaryDto {
  return {
    id: row.id,
    ref: productRef(row.domain.name, row.name),
    name: row.name,
    displayName: row.displayName,
    description: row.description,
    archetype: row.archetype,
    status: row.status,
    tags: row.tags,
    domain: { name: row.domain.name, displayName: row.domain.displayName, parent: row.domain.parent },
    owningTeam: row.owningTeam,
  };
}

const detailSelect = {
  id: true,
  name: true,
  displayName: true,
  archetype: true,
  status: true,
  description: true,
  purpose: true,
  limitations: true,
  usage: true,
  tags: true,
  version: true,
  revision: true,
  deprecationNote: true,
  sunsetAt: true,
  createdAt: true,
  updatedAt: true,
  owningTeamId: true,
  domain: {
    select: { name: true, displayName: true, parent: { select: { name: true, displayName: true } } },
  },
  owningTeam: { select: { name: true, displayName: true } },
  outputPorts: {
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      displayName: true,
      description: true,
      kind: true,
      format: true,
      server: true,
      contractVersion: true,
      maxGrantDays: true,
      autoApprove: true,
      fields: {
        orderBy: { position: "asc" },
        select: { position: true, ...FIELD_VALUES_SELECT, polyseme: { select: { name: true, displayName: true } } },
      },
      slos: {
        orderBy: [{ kind: "asc" }, { name: "asc" }],
        select: { id: true, ...SLO_VALUES_SELECT },
      },
    },
  },
  inputPorts: {
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      description: true,
      sourceOutputPort: {
        select: {
          name: true,
          displayName: true,
          product: {
            select: {
              name: true,
              displayName: true,
              status: true,
              owningTeamId: true,
              domain: { select: { name: true } },
            },
          },
        },
      },
      sourceSystem: {
        select: { name: true, displayName: true, kind: true, domain: { select: { name: true } } },
      },
    },
  },
} satisfies Prisma.DataProductSelect;

/**
 * Everything the product page shows about `<domain>/<name>`, for an explicit actor (the page, route handlers and
 * the benchmark). Throws NotFoundError when the product does not exist or the actor may not see it.
 */
export async function loadProductDetail(actor: Actor, domainName: string, name: string): Promise<ProductDetailDto> {
  const product = await db.dataProduct.findFirst({
    where: { name, domain: { name: domainName } },
    select: detailSelect,
  });
  if (!product) throw new NotFoundError();
  authorize(actor, "product.read", product);

  const scope = scopeFor(actor, "product.read");
  const [consumerRows, grantRows] = await Promise.all([
    db.inputPort.findMany({
      where: { sourceOutputPort: { productId: product.id }, product: scope },
      orderBy: [{ product: { domain: { name: "asc" } } }, { product: { name: "asc" } }],
      select: {
        sourceOutputPort: { select: { name: true } },
        product: {
          select: {
            name: true,
            displayName: true,
            status: true,
            domain: { select: { name: true } },
            owningTeam: { select: { name: true, displayName: true } },
          },
        },
      },
    }),
    db.grant.findMany({
      where: { outputPort: { productId: product.id }, status: "active", endsAt: { gt: new Date() } },
      orderBy: [{ consumerTeam: { name: "asc" } }, { outputPort: { name: "asc" } }],
      select: {
        accessLevel: true,
        endsAt: true,
        outputPort: { select: { name: true } },
        consumerTeam: { select: { name: true, displayName: true } },
      },
    }),
  ]);

  const consumers = new Map<string, ConsumerDto>();
  for (const row of consumerRows) {
    const ref = productRef(row.product.domain.name, row.product.name);
    const consumer = consumers.get(ref) ?? {
      product: {
        name: row.product.name,
        displayName: row.product.displayName,
        status: row.product.status,
        domainName: row.product.domain.name,
        ref,
        owningTeam: row.product.owningTeam,
      },
      ports: [],
    };
    if (row.sourceOutputPort && !consumer.ports.includes(row.sourceOutputPort.name)) {
      consumer.ports.push(row.sourceOutputPort.name);
    }
    consumers.set(ref, consumer);
  }

  const inputPorts: InputPortDto[] = [];
  for (const input of product.inputPorts) {
    const upstream = input.sourceOutputPort;
    if (upstream) {
      // An upstream product the actor may not see does not exist for them.
      if (!can(actor, "product.read", upstream.product)) continue;
      inputPorts.push({
        id: input.id,
        kind: "product",
        description: input.description,
        product: {
          name: upstream.product.name,
          displayName: upstream.product.displayName,
          status: upstream.product.status,
          domainName: upstream.product.domain.name,
          ref: productRef(upstream.product.domain.name, upstream.product.name),
        },
        port: { name: upstream.name, displayName: upstream.displayName },
      });
    } else if (input.sourceSystem) {
      inputPorts.push({
        id: input.id,
        kind: "source-system",
        description: input.description,
        sourceSystem: {
          name: input.sourceSystem.name,
          displayName: input.sourceSystem.displayName,
          kind: input.sourceSystem.kind,
          domainName: input.sourceSystem.domain.name,
        },
      });
    }
  }

  return {
    id: product.id,
    ref: productRef(product.domain.name, product.name),
    name: product.name,
    displayName: product.displayName,
    archetype: product.archetype,
    status: product.status,
    description: product.description,
    purpose: product.purpose,
    limitations: product.limitations,
    usage: product.usage,
    tags: product.tags,
    version: product.version,
    revision: product.revision,
    canEdit: can(actor, "product.update", product),
    deprecationNote: product.deprecationNote,
    sunsetAt: product.sunsetAt,
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
    domain: { name: product.domain.name, displayName: product.domain.displayName, parent: product.domain.parent },
    owningTeam: product.owningTeam,
    outputPorts: product.outputPorts.map((port) => ({
      id: port.id,
      name: port.name,
      displayName: port.displayName,
      description: port.description,
      kind: port.kind,
      format: port.format,
      server: describeServer(port.server),
      contractVersion: port.contractVersion,
      maxGrantDays: port.maxGrantDays,
      autoApprove: port.autoApprove,
      fields: port.fields,
      slos: port.slos,
    })),
    inputPorts,
    consumers: [...consumers.values()],
    grantHolders: grantRows.map((grant) => ({
      team: grant.consumerTeam,
      port: grant.outputPort.name,
      accessLevel: grant.accessLevel,
      endsAt: grant.endsAt,
    })),
  };
}

/**
 * The product page's read for the signed-in user (redirects to /signin without a session). Cached per request:
 * the page and its metadata share one read.
 */
export const getProductDetail = cache(async (domainName: string, name: string): Promise<ProductDetailDto> =>
  loadProductDetail(await requireActor(), domainName, name),
);
