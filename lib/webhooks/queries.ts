import "server-only";
import { db } from "../db";
import { authorize, type Actor } from "../authz";
import { NotFoundError } from "../errors";
import { DELIVERY_LOG_SIZE, type TeamWebhooksDto } from "./schemas";

/**
 * A team's webhooks with the latest deliveries of each, for those who manage the team (its owners and platform
 * admins): 404 for an unknown team, 403 for others (teams are visible to everyone).
 */
export async function listTeamWebhooks(actor: Actor, teamName: string): Promise<TeamWebhooksDto> {
  const team = await db.team.findUnique({
    where: { name: teamName },
    select: { id: true, name: true, displayName: true },
  });
  if (!team) throw new NotFoundError(`Team ${teamName} not found.`);
  authorize(actor, "team.manage", { teamId: team.id });
  const webhooks = await db.teamWebhook.findMany({
    where: { teamId: team.id },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      url: true,
      description: true,
      enabled: true,
      version: true,
      createdAt: true,
      createdBy: { select: { email: true } },
      deliveries: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: DELIVERY_LOG_SIZE,
        select: {
          id: true,
          eventId: true,
          eventType: true,
          status: true,
          attempts: true,
          responseStatus: true,
          lastError: true,
          createdAt: true,
          lastAttemptAt: true,
          deliveredAt: true,
        },
      },
    },
  });
  return {
    team: { name: team.name, displayName: team.displayName },
    webhooks: webhooks.map(({ createdBy, ...webhook }) => ({ ...webhook, createdBy: createdBy.email })),
  };
}
