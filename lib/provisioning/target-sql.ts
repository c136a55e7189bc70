// The statements run on a target database: a LOGIN role per consumer team, CONNECT on the database, USAGE on the
// schema and SELECT on the table (INSERT, UPDATE and DELETE too for a writing level); and their revocation. Every
// statement is idempotent.
import "server-only";
import pg from "pg";
import type { PostgresServer } from "./schemas";

const CONNECT_TIMEOUT_MS = 10_000;
const STATEMENT_TIMEOUT_MS = 15_000;

async function withTarget<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: adminUrl,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    lock_timeout: STATEMENT_TIMEOUT_MS,
    application_name: "hexmesh-provisioning",
  });
  // A connection lost mid-way surfaces as the failure of the query in progress.
  client.on("error", () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** What a writing level adds to SELECT. */
const WRITE_PRIVILEGES = "INSERT, UPDATE, DELETE";

function tableName(server: PostgresServer): string {
  return `${pg.escapeIdentifier(server.schema)}.${pg.escapeIdentifier(server.table)}`;
}

/**
 * Creates the role when it is missing (else makes sure it can log in), sets its password (so that a changed
 * AUTH_SECRET heals on the next provisioning) and grants CONNECT, USAGE and SELECT (and, when `writes`, INSERT,
 * UPDATE and DELETE), in one transaction.
 */
export async function grantOnTarget(
  adminUrl: string,
  server: PostgresServer,
  credentials: { role: string; password: string },
  writes = false,
): Promise<void> {
  const role = pg.escapeIdentifier(credentials.role);
  const password = pg.escapeLiteral(credentials.password);
  await withTarget(adminUrl, async (client) => {
    await client.query("BEGIN");
    try {
      // Two grants of one team provisioned at once must not both try to create its role.
      await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`hexmesh-role:${credentials.role}`]);
      const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [credentials.role]);
      await client.query(
        rowCount
          ? `ALTER ROLE ${role} WITH LOGIN PASSWORD ${password}`
          : `CREATE ROLE ${role} LOGIN PASSWORD ${password}`,
      );
      await client.query(`GRANT CONNECT ON DATABASE ${pg.escapeIdentifier(server.database)} TO ${role}`);
      await client.query(`GRANT USAGE ON SCHEMA ${pg.escapeIdentifier(server.schema)} TO ${role}`);
      await client.query(
        `GRANT ${writes ? `SELECT, ${WRITE_PRIVILEGES}` : "SELECT"} ON TABLE ${tableName(server)} TO ${role}`,
      );
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  });
}

/** What the team still needs on this database because of its other current grants. */
export interface StillGranted {
  database: boolean;
  schema: boolean;
  table: boolean;
  /** Another current grant on the same table writes. */
  tableWrites: boolean;
}

/** PostgreSQL's codes for a schema or table that does not exist: then there is nothing to revoke on it. */
const GONE = new Set(["3F000", "42P01"]);

/**
 * Revokes SELECT (and the write privileges) on the table, then USAGE on the schema and CONNECT on the database,
 * unless another current grant of the team still needs them; a remaining grant that only reads keeps SELECT. The
 * role itself stays (other grants, other databases of the server).
 */
export async function revokeOnTarget(
  adminUrl: string,
  server: PostgresServer,
  roleName: string,
  still: StillGranted,
): Promise<void> {
  const role = pg.escapeIdentifier(roleName);
  await withTarget(adminUrl, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [roleName]);
    if (!rowCount) return;
    const statements = [
      still.tableWrites
        ? null
        : `REVOKE ${still.table ? WRITE_PRIVILEGES : `SELECT, ${WRITE_PRIVILEGES}`} ON TABLE ${tableName(server)} FROM ${role}`,
      still.schema ? null : `REVOKE USAGE ON SCHEMA ${pg.escapeIdentifier(server.schema)} FROM ${role}`,
      still.database ? null : `REVOKE CONNECT ON DATABASE ${pg.escapeIdentifier(server.database)} FROM ${role}`,
    ];
    for (const statement of statements) {
      if (!statement) continue;
      try {
        await client.query(statement);
      } catch (error) {
        if (!GONE.has((error as { code?: string }).code ?? "")) throw error;
      }
    }
  });
}
