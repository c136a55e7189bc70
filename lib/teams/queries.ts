import "server-only";
import { cache } from "react";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { can, requireActor, scopeFor, type Actor } from "../authz";
import { searchProducts } from "../search/queries";
import type { TeamDetailDto, TeamOptionDto } from "./schemas";

/**
 * A team: its members with their team roles, the domains it owns, the first page of the visible products it owns
 * (the catalog filtered by the team has the rest) and its active grants. For an explicit actor (the page through
 * getTeamDetail, and the benchmark).
 */
export async function loadTeamDetail(actor: Actor, name: string): Promise<TeamDetailDto> {
  const scope = scopeFor(actor, "product.read");
  const team = await db.team.findUnique({
    where: { name },
    select: {
      id: true,
      name: true,
      displayName: true,
      description: true,
      version: true,
      members: {
        orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
        select: { role: true, user: { select: { id: true, name: true, email: true } } },
      },
      domains: { orderBy: { displayName: "asc" }, select: { name: true, displayName: true } },
    },
  });
  if (!team) throw new NotFoundError(`Team ${name} not found`);

  const [products, productCount, grants] = await Promise.all([
    searchProducts(actor, { team: [team.name] }),
    db.dataProduct.count({ where: { AND: [scope, { owningTeamId: team.id, status: { not: "retired" } }] } }),
    db.grant.findMany({
      where: { consumerTeamId: team.id, status: "active", outputPort: { product: scope } },
      orderBy: { endsAt: "asc" },
      select: {
        id: true,
        accessLevel: true,
        endsAt: true,
        outputPort: {
          select: {
            name: true,
            displayName: true,
            product: { select: { name: true, displayName: true, domain: { select: { name: true } } } },
          },
        },
      },
    }),
  ]);

  return {
    name: team.name,
    displayName: team.displayName,
    description: team.description,
    version: team.version,
    manageable: can(actor, "team.manage", { teamId: team.id }),
    members: team.members.map((member) => ({
      userId: member.user.id,
      name: member.user.name,
      email: member.user.email,
      role: member.role,
    })),
    domains: team.domains,
    productCount,
    products: products.hits,
    grants: grants.map((grant) => ({
      id: grant.id,
      port: { name: grant.outputPort.name, displayName: grant.outputPort.displayName },
      product: {
        domain: grant.outputPort.product.domain.name,
        name: grant.outputPort.product.name,
        displayName: grant.outputPort.product.displayName,
      },
      accessLevel: grant.accessLevel,
      endsAt: grant.endsAt,
    })),
  };
}

/** loadTeamDetail for the signed-in user, cached per request (the page and its metadata share one read). */
export const getTeamDetail = cache(async (name: string): Promise<TeamDetailDto> =>
  loadTeamDetail(await requireActor(), name),
);

/** Every team by display name, for the owning-team picker of the domain forms. */
export async function listTeamOptions(): Promise<TeamOptionDto[]> {
  await requireActor();
  return db.team.findMany({ orderBy: { displayName: "asc" }, select: { name: true, displayName: true } });
}
