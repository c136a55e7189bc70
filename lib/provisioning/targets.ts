import "server-only";
import { env } from "../env";
import {
  connectionDetails,
  defaultTargets,
  derivePassword,
  normaliseTargets,
  parsePostgresServer,
  roleNameForTeam,
  targetKey,
  type ConnectionDetails,
  type PostgresServer,
} from "./schemas";

let cached: { source: Record<string, string> | string; targets: Map<string, string> } | undefined;

/** The admin connection URL of each provisioning target, by `host:port/database` (PROVISIONING_TARGETS). */
function configuredTargets(): Map<string, string> {
  const { PROVISIONING_TARGETS, DATABASE_URL } = env();
  const source = PROVISIONING_TARGETS ?? DATABASE_URL;
  if (cached?.source !== source) {
    cached = {
      source,
      targets: PROVISIONING_TARGETS ? normaliseTargets(PROVISIONING_TARGETS) : defaultTargets(DATABASE_URL),
    };
  }
  return cached.targets;
}

/** The admin connection URL for the server's database, or null when no credentials are configured for it. */
export function adminUrlFor(server: PostgresServer): string | null {
  return configuredTargets().get(targetKey(server)) ?? null;
}

/** True for a PostgreSQL table or view whose host, port and database have configured credentials. */
export function isProvisionable(server: unknown): boolean {
  const parsed = parsePostgresServer(server);
  return parsed !== null && adminUrlFor(parsed) !== null;
}

/** The LOGIN role of a consumer team and its password, derived from AUTH_SECRET (never stored). */
export function teamDatabaseCredentials(teamName: string): { role: string; password: string } {
  const role = roleNameForTeam(teamName);
  return { role, password: derivePassword(env().AUTH_SECRET, role) };
}

/**
 * What the consumer team needs to connect to a provisionable output port: host, port, database, schema, table,
 * role, password and a connection URL. Null when the port is not provisionable. Show it only to members of the
 * team with an active, provisioned grant.
 */
export function connectionDetailsFor(server: unknown, teamName: string): ConnectionDetails | null {
  const parsed = parsePostgresServer(server);
  if (!parsed || adminUrlFor(parsed) === null) return null;
  return connectionDetails(parsed, teamDatabaseCredentials(teamName));
}
