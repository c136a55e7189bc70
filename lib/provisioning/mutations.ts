import "server-only";
import { writeAudit } from "../audit";
import { db, type Tx } from "../db";
import type { ProvisioningState } from "../generated/prisma/enums";
import { levelWrites } from "../access/schemas";
import { enqueueJob } from "../jobs";
import { parsePostgresServer, targetKey, type PostgresServer } from "./schemas";
import { grantOnTarget, revokeOnTarget, type StillGranted } from "./target-sql";
import { adminUrlFor, teamDatabaseCredentials } from "./targets";

/** Longest error text kept on a grant. */
const MAX_ERROR_LENGTH = 2000;

export class ProvisioningError extends Error {
  name = "ProvisioningError";
}

const grantSelect = {
  id: true,
  status: true,
  accessLevel: true,
  startsAt: true,
  endsAt: true,
  consumerTeamId: true,
  provisioningState: true,
  provisioningError: true,
  provisioningAttempts: true,
  provisionedRole: true,
  consumerTeam: { select: { name: true } },
  outputPort: {
    select: {
      name: true,
      server: true,
      contract: true,
      product: { select: { name: true, domain: { select: { name: true } } } },
    },
  },
} as const;

/** A grant gives access now: active, started and not yet ended. */
function inEffect(grant: { status: string; startsAt: Date; endsAt: Date }, now: Date): boolean {
  return grant.status === "active" && grant.startsAt <= now && grant.endsAt > now;
}

/** What the team's other grants in effect still need on the same database, so that revoking one spares them. */
async function stillGranted(
  tx: Tx,
  grant: { id: string; consumerTeamId: string },
  server: PostgresServer,
  now: Date,
): Promise<StillGranted> {
  const others = await tx.grant.findMany({
    where: {
      consumerTeamId: grant.consumerTeamId,
      id: { not: grant.id },
      status: "active",
      startsAt: { lte: now },
      endsAt: { gt: now },
    },
    select: { accessLevel: true, outputPort: { select: { server: true, contract: true } } },
  });
  const same = others
    .map((other) => ({
      server: parsePostgresServer(other.outputPort.server),
      writes: levelWrites(other.outputPort.contract, other.accessLevel),
    }))
    .filter(
      (other): other is { server: PostgresServer; writes: boolean } =>
        other.server !== null && targetKey(other.server) === targetKey(server),
    );
  const sameTable = same.filter(
    (other) => other.server.schema === server.schema && other.server.table === server.table,
  );
  return {
    database: same.length > 0,
    schema: same.some((other) => other.server.schema === server.schema),
    table: sameTable.length > 0,
    tableWrites: sameTable.some((other) => other.writes),
  };
}

type Outcome = { failed: false } | { failed: true; error: Error };

/**
 * Brings the target database in line with one grant: a grant in effect gets its team's role CONNECT, USAGE and
 * SELECT on the output port's table (and INSERT, UPDATE, DELETE when its level's ODCS role writes); any other
 * grant has them revoked. Records the provisioning state, attempts,
 * time and role on the grant with an audit event (actor null) in one transaction. Idempotent. A failure is recorded
 * as `failed` with the error and then thrown, so that the job queue retries with backoff. A grant that starts
 * later is scheduled for its start. Ports that are not PostgreSQL tables are left alone.
 */
export async function reconcileGrant(grantId: string, now: Date = new Date()): Promise<void> {
  const outcome = await db.$transaction(
    async (tx): Promise<Outcome> => {
      // One reconciliation of a grant at a time, across app instances; it then reads the grant's latest state.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`hexmesh-grant:${grantId}`}))`;
      const grant = await tx.grant.findUnique({ where: { id: grantId }, select: grantSelect });
      if (!grant) return { failed: false };
      const server = parsePostgresServer(grant.outputPort.server);
      if (!server) return { failed: false };
      const wanted = inEffect(grant, now);
      if (!wanted && grant.provisioningState === "not_required") return { failed: false };
      if (grant.status === "active" && grant.startsAt > now) {
        // The same job key as lib/access uses for the grant, so the grant never has two queued jobs.
        const jobKey = `grant:${grantId}`;
        await enqueueJob(tx, "grant.provisioning", { grantId }, { runAt: grant.startsAt, jobKey });
        if (grant.provisioningState !== "provisioned") return { failed: false };
      }

      const entityRef = `grant:${grant.id}`;
      const port = `output-port:${grant.outputPort.product.domain.name}/${grant.outputPort.product.name}#${grant.outputPort.name}`;
      const target = `${targetKey(server)} ${server.schema}.${server.table}`;
      const credentials = teamDatabaseCredentials(grant.consumerTeam.name);
      // A level whose ODCS role writes gets INSERT, UPDATE and DELETE besides SELECT.
      const writes = levelWrites(grant.outputPort.contract, grant.accessLevel);
      const role = wanted ? credentials.role : (grant.provisionedRole ?? credentials.role);
      const retrying = grant.provisioningState === "pending" || grant.provisioningState === "failed";
      const attempts = retrying ? grant.provisioningAttempts + 1 : 1;

      try {
        const adminUrl = adminUrlFor(server);
        if (!adminUrl) {
          throw new ProvisioningError(
            `No credentials are configured for ${targetKey(server)}: add it to PROVISIONING_TARGETS.`,
          );
        }
        if (wanted) await grantOnTarget(adminUrl, server, credentials, writes);
        else await revokeOnTarget(adminUrl, server, role, await stillGranted(tx, grant, server, now));
      } catch (error) {
        const message = `${wanted ? "Granting" : "Revoking"} access on ${target} failed: ${
          (error as Error).message || String(error)
        }`.slice(0, MAX_ERROR_LENGTH);
        await tx.grant.update({
          where: { id: grant.id },
          data: { provisioningState: "failed", provisioningError: message, provisioningAttempts: attempts },
        });
        await writeAudit(tx, {
          actor: null,
          action: "grant.provisioning_failed",
          entityRef,
          before: { provisioningState: grant.provisioningState },
          after: { provisioningState: "failed", error: message, attempt: attempts, role, target, outputPort: port },
        });
        return { failed: true, error: new ProvisioningError(message, { cause: error }) };
      }

      const state: ProvisioningState = wanted ? "provisioned" : "deprovisioned";
      const unchanged =
        grant.provisioningState === state && grant.provisioningError === null && grant.provisionedRole === role;
      if (unchanged) return { failed: false };
      await tx.grant.update({
        where: { id: grant.id },
        data: {
          provisioningState: state,
          provisioningError: null,
          provisioningAttempts: attempts,
          provisionedRole: role,
          ...(wanted ? { provisionedAt: now } : {}),
        },
      });
      await writeAudit(tx, {
        actor: null,
        action: wanted ? "grant.provisioned" : "grant.deprovisioned",
        entityRef,
        before: { provisioningState: grant.provisioningState },
        after: {
          provisioningState: state,
          role,
          target,
          outputPort: port,
          access: writes ? "write" : "read",
          attempt: attempts,
        },
      });
      return { failed: false };
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
  if (outcome.failed) throw outcome.error;
}
