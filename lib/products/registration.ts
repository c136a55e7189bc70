import "server-only";
import { db } from "../db";
import { ForbiddenError, InvalidInputError, NotFoundError } from "../errors";
import { authorize, can, type Actor } from "../authz";
import type { LifecycleStatus } from "../generated/prisma/enums";
import { searchProducts } from "../search/queries";
import { diffProducts, uncoveredBreakingChanges, type ProductChange } from "./changes";
import { ProductInput, errorsByPath, type ProductValues } from "./input";
import { productRef } from "./schemas";
import { readProductValues } from "./values";

// Reads behind the registration form, the history page and the breaking-change preview. Explicit actor.

export interface RegistrationOptionsDto {
  /** Domains the actor may register products in (owned by one of their teams; every domain for admins). */
  domains: { name: string; displayName: string; sourceSystems: { name: string; displayName: string }[] }[];
  /** Teams the actor may make owners (their own; every team for admins). */
  teams: { name: string; displayName: string }[];
  polysemes: { name: string; displayName: string }[];
}

export async function getRegistrationOptions(actor: Actor): Promise<RegistrationOptionsDto> {
  const isAdmin = actor.role === "admin";
  const teamIds = actor.teams.map((team) => team.id);
  const [domains, teams, polysemes] = await Promise.all([
    db.domain.findMany({
      where: isAdmin ? {} : { owningTeamId: { in: teamIds } },
      orderBy: { displayName: "asc" },
      select: {
        name: true,
        displayName: true,
        sourceSystems: { orderBy: { displayName: "asc" }, select: { name: true, displayName: true } },
      },
    }),
    db.team.findMany({
      where: isAdmin ? {} : { id: { in: teamIds } },
      orderBy: { displayName: "asc" },
      select: { name: true, displayName: true },
    }),
    db.polyseme.findMany({ orderBy: { displayName: "asc" }, select: { name: true, displayName: true } }),
  ]);
  return { domains, teams, polysemes };
}

export interface ProductForEditDto {
  ref: string;
  status: LifecycleStatus;
  revision: number;
  values: ProductValues;
}

async function findProduct(actor: Actor, domain: string, name: string) {
  const product = await db.dataProduct.findFirst({
    where: { name, domain: { name: domain } },
    select: {
      id: true,
      status: true,
      revision: true,
      owningTeamId: true,
      owningTeam: { select: { displayName: true } },
    },
  });
  if (!product || !can(actor, "product.read", product)) throw new NotFoundError("There is no such data product.");
  return product;
}

/** The stored registration of a product, for its edit form: 404 if the actor may not see it, 403 if not change it. */
export async function getProductForEdit(actor: Actor, domain: string, name: string): Promise<ProductForEditDto> {
  const product = await findProduct(actor, domain, name);
  if (!can(actor, "product.update", product)) {
    throw new ForbiddenError(
      `Only members of team ${product.owningTeam.displayName} and admins can edit this product.`,
    );
  }
  return {
    ref: productRef(domain, name),
    status: product.status,
    revision: product.revision,
    values: await readProductValues(db, product.id),
  };
}

export interface ConsumersDto {
  products: { ref: string; displayName: string; port: string }[];
  grantHolders: { team: string; port: string }[];
}

export interface ChangePreviewDto {
  changes: ProductChange[];
  /** Ports whose breaking changes need a new major contract version first. */
  uncovered: { port: string; requiredVersion: string }[];
  /** Who the breaking changes affect: downstream products and teams with active grants on those ports. */
  affected: ConsumersDto;
}

/** What saving `input` over the stored product would change, and whom breaking changes would affect. */
export async function previewProductChanges(
  actor: Actor,
  locator: { domain: string; name: string },
  input: unknown,
): Promise<ChangePreviewDto> {
  const parsed = ProductInput.safeParse(input);
  if (!parsed.success) throw new InvalidInputError("Some fields need attention.", errorsByPath(parsed.error.issues));
  const product = await findProduct(actor, locator.domain, locator.name);
  authorize(actor, "product.update", product);
  const before = await readProductValues(db, product.id);
  const changes = diffProducts(before, parsed.data);
  const published = product.status === "active" || product.status === "deprecated";
  const ports = [...new Set(changes.filter((change) => change.breaking && change.port).map((change) => change.port!))];
  const uncovered = published
    ? uncoveredBreakingChanges(before, parsed.data, changes).map(({ port, requiredVersion }) => ({
        port,
        requiredVersion,
      }))
    : [];
  return { changes, uncovered, affected: await consumersOf(product.id, ports) };
}

/** Products consuming the given output ports, and teams holding active grants on them. */
async function consumersOf(productId: string, ports: string[]): Promise<ConsumersDto> {
  if (ports.length === 0) return { products: [], grantHolders: [] };
  const [inputs, grants] = await Promise.all([
    db.inputPort.findMany({
      where: { sourceOutputPort: { productId, name: { in: ports } } },
      select: {
        sourceOutputPort: { select: { name: true } },
        product: { select: { name: true, displayName: true, domain: { select: { name: true } } } },
      },
    }),
    db.grant.findMany({
      where: { outputPort: { productId, name: { in: ports } }, status: "active", endsAt: { gt: new Date() } },
      select: { outputPort: { select: { name: true } }, consumerTeam: { select: { displayName: true } } },
    }),
  ]);
  return {
    products: inputs.map((input) => ({
      ref: productRef(input.product.domain.name, input.product.name),
      displayName: input.product.displayName,
      port: input.sourceOutputPort!.name,
    })),
    grantHolders: grants.map((grant) => ({ team: grant.consumerTeam.displayName, port: grant.outputPort.name })),
  };
}

export interface ProductVersionDto {
  revision: number;
  status: LifecycleStatus;
  createdAt: Date;
  author: string | null;
  breaking: boolean;
  changes: ProductChange[];
}

/** Every recorded version of a product the actor may see, newest first. */
export async function listProductVersions(actor: Actor, domain: string, name: string): Promise<ProductVersionDto[]> {
  const product = await findProduct(actor, domain, name);
  const versions = await db.productVersion.findMany({
    where: { productId: product.id },
    orderBy: { revision: "desc" },
    select: {
      revision: true,
      status: true,
      createdAt: true,
      breaking: true,
      changes: true,
      author: { select: { name: true } },
    },
  });
  return versions.map((version) => ({
    revision: version.revision,
    status: version.status,
    createdAt: version.createdAt,
    author: version.author?.name ?? null,
    breaking: version.breaking,
    changes: version.changes as unknown as ProductChange[],
  }));
}

/** The differences between two recorded versions of a product (by revision). */
export async function compareProductVersions(
  actor: Actor,
  locator: { domain: string; name: string },
  from: number,
  to: number,
): Promise<ProductChange[]> {
  const product = await findProduct(actor, locator.domain, locator.name);
  const versions = await db.productVersion.findMany({
    where: { productId: product.id, revision: { in: [from, to] } },
    select: { revision: true, snapshot: true },
  });
  const snapshot = (revision: number) => {
    const version = versions.find((candidate) => candidate.revision === revision);
    if (!version) throw new NotFoundError(`There is no version ${revision} of this product.`);
    return version.snapshot as unknown as ProductValues;
  };
  return diffProducts(snapshot(from), snapshot(to));
}

export interface UpstreamPortDto {
  product: { ref: string; displayName: string; status: LifecycleStatus };
  port: { name: string; displayName: string; kind: string };
}

/** Output ports of visible products matching a search, for the input-port picker. */
export async function findUpstreamPorts(actor: Actor, q: string): Promise<UpstreamPortDto[]> {
  const page = await searchProducts(actor, { q });
  if (page.hits.length === 0) return [];
  const ports = await db.outputPort.findMany({
    where: { productId: { in: page.hits.map((hit) => hit.id) } },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { productId: true, name: true, displayName: true, kind: true },
  });
  return page.hits.flatMap((hit) =>
    ports
      .filter((port) => port.productId === hit.id)
      .map((port) => ({
        product: { ref: hit.ref, displayName: hit.displayName, status: hit.status },
        port: { name: port.name, displayName: port.displayName, kind: port.kind },
      })),
  );
}
