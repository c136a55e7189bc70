import "server-only";
import { can, type Actor } from "../authz";
import { db } from "../db";
import type { LifecycleStatus } from "../generated/prisma/enums";
import type { ProductValues } from "../products/input";
import { readProductValues } from "../products/values";
import type { ProductLocator } from "../products/mutations";

export interface ProductState {
  kind: "found";
  id: string;
  status: LifecycleStatus;
  revision: number;
  owningTeamId: string;
  updatedAt: string;
  /** The ODPS document last imported for the product, if any. */
  descriptor: Record<string, unknown> | null;
  /** The ODCS documents last imported, by output port name. */
  contracts: Map<string, Record<string, unknown>>;
  values: ProductValues;
}

/** A product as the API reads and writes it; "hidden" when it exists but the actor may not see it (a 404 too). */
export async function loadProductState(
  actor: Actor,
  locator: ProductLocator,
): Promise<ProductState | { kind: "missing" } | { kind: "hidden" }> {
  const row = await db.dataProduct.findFirst({
    where: { name: locator.name, domain: { name: locator.domain } },
    select: {
      id: true,
      status: true,
      revision: true,
      owningTeamId: true,
      updatedAt: true,
      descriptor: true,
      outputPorts: { select: { name: true, contract: true } },
    },
  });
  if (!row) return { kind: "missing" };
  if (!can(actor, "product.read", row)) return { kind: "hidden" };
  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === "object" && value !== null && !Array.isArray(value);
  return {
    kind: "found",
    id: row.id,
    status: row.status,
    revision: row.revision,
    owningTeamId: row.owningTeamId,
    updatedAt: row.updatedAt.toISOString(),
    descriptor: isObject(row.descriptor) ? row.descriptor : null,
    contracts: new Map(
      row.outputPorts.flatMap((port) => (isObject(port.contract) ? [[port.name, port.contract] as const] : [])),
    ),
    values: await readProductValues(db, row.id),
  };
}

/** The name of the team owning a domain, or null when there is no such domain. */
export async function domainOwningTeam(domain: string): Promise<string | null> {
  const row = await db.domain.findUnique({
    where: { name: domain },
    select: { owningTeam: { select: { name: true } } },
  });
  return row?.owningTeam.name ?? null;
}

export async function teamExists(name: string): Promise<boolean> {
  if (!name) return false;
  return (await db.team.findUnique({ where: { name }, select: { id: true } })) !== null;
}
