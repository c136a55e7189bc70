import "server-only";
import type { Tx } from "../db";
import type { ProductValues } from "./input";

/** The columns of a schema field and of an SLO that a registration holds (the product page adds its own). */
export const FIELD_VALUES_SELECT = {
  name: true,
  type: true,
  description: true,
  required: true,
  primaryKey: true,
  classification: true,
  pii: true,
} as const;
export const SLO_VALUES_SELECT = {
  kind: true,
  name: true,
  objective: true,
  threshold: true,
  unit: true,
  target: true,
  windowDays: true,
} as const;

/** The registration of a product as it is stored: what the edit form starts from and each version records. */
export async function readProductValues(tx: Tx, productId: string): Promise<ProductValues> {
  const product = await tx.dataProduct.findUniqueOrThrow({
    where: { id: productId },
    select: {
      name: true,
      displayName: true,
      archetype: true,
      description: true,
      purpose: true,
      limitations: true,
      usage: true,
      tags: true,
      version: true,
      domain: { select: { name: true } },
      owningTeam: { select: { name: true } },
      outputPorts: {
        orderBy: [{ position: "asc" }, { name: "asc" }],
        select: {
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
            select: { ...FIELD_VALUES_SELECT, polyseme: { select: { name: true } } },
          },
          slos: { orderBy: { name: "asc" }, select: SLO_VALUES_SELECT },
        },
      },
      inputPorts: {
        orderBy: { createdAt: "asc" },
        select: {
          description: true,
          sourceOutputPort: {
            select: { name: true, product: { select: { name: true, domain: { select: { name: true } } } } },
          },
          sourceSystem: { select: { name: true } },
        },
      },
    },
  });
  return {
    name: product.name,
    displayName: product.displayName,
    domain: product.domain.name,
    owningTeam: product.owningTeam.name,
    archetype: product.archetype,
    description: product.description,
    purpose: product.purpose,
    limitations: product.limitations,
    usage: product.usage,
    tags: product.tags,
    version: product.version,
    outputPorts: product.outputPorts.map(({ fields, server, ...port }) => ({
      ...port,
      server: (server ?? {}) as Record<string, string | number | boolean>,
      fields: fields.map(({ polyseme, ...field }) => ({ ...field, polyseme: polyseme?.name ?? null })),
    })),
    inputPorts: product.inputPorts.flatMap((input): ProductValues["inputPorts"] => {
      if (input.sourceOutputPort) {
        const upstream = input.sourceOutputPort.product;
        return [
          {
            source: "product",
            product: `${upstream.domain.name}/${upstream.name}`,
            port: input.sourceOutputPort.name,
            description: input.description,
          },
        ];
      }
      return input.sourceSystem
        ? [{ source: "source-system", sourceSystem: input.sourceSystem.name, description: input.description }]
        : [];
    }),
  };
}
