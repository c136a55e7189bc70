// Which PostgreSQL server the scripts use: DATABASE_URL when set, otherwise the embedded one.
import pg from "pg";
import { embeddedUrl, startEmbeddedPostgres, type RunningServer } from "./embedded";
import { migrate } from "./migrate";

/** A connection string to the maintenance database of the server in use. */
function adminUrlOf(url: string): string {
  const u = new URL(url);
  u.pathname = "/postgres";
  return u.toString();
}

/** Runs `work` with the server's maintenance URL, starting the embedded server for the duration if needed. */
export async function withDatabaseServer<T>(work: (adminUrl: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return work(adminUrlOf(process.env.DATABASE_URL));
  const server = await startEmbeddedPostgres();
  try {
    return await work(server.adminUrl);
  } finally {
    if (server.ownedByUs) await server.stop();
  }
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export interface OpenDatabase {
  url: string;
  /** True when the embedded server was used. */
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * Makes a database ready: DATABASE_URL's server as it is, or the embedded server with the database `hexmesh`
 * (`hexmesh_test` for tests) created on demand, with the demo warehouse `hexmesh_warehouse` beside it. Pending
 * migrations are applied; an empty embedded database gets the demo mesh when `seedIfEmpty` is set.
 */
export async function openDatabase(options: {
  test?: boolean;
  seedIfEmpty?: boolean;
  log?: (line: string) => void;
}): Promise<OpenDatabase> {
  const log = options.log ?? (() => {});
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    await migrate(url, log);
    return { url, embedded: false, close: async () => {} };
  }
  const server: RunningServer = await startEmbeddedPostgres();
  try {
    const database = options.test ? "hexmesh_test" : "hexmesh";
    const exists = await query(server.adminUrl, "SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.length === 0) {
      await query(server.adminUrl, `CREATE DATABASE "${database}"`);
      // Consumer teams' roles (lib/provisioning) log in to this server: they have no business in the catalog.
      await query(server.adminUrl, `REVOKE CONNECT, TEMPORARY ON DATABASE "${database}" FROM PUBLIC`);
      log(`created database ${database}`);
    }
    const url = embeddedUrl(database);
    await migrate(url, log);
    // The demo warehouse beside the catalogs, where approved grants are provisioned for real (lib/provisioning).
    const { ensureDemoWarehouse } = await import("./warehouse");
    await ensureDemoWarehouse(url, log);
    if (options.seedIfEmpty) {
      const [{ n }] = await query<{ n: number }>(url, "SELECT count(*)::int AS n FROM users");
      if (n === 0) {
        log("seeding the demo mesh into the empty database");
        const { seedDemoMesh } = await import("../../prisma/seed");
        await seedDemoMesh(url);
      }
    }
    return { url, embedded: true, close: () => (server.ownedByUs ? server.stop() : Promise.resolve()) };
  } catch (error) {
    if (server.ownedByUs) await server.stop();
    throw error;
  }
}

/** The message to show for a failure to open the database, without a stack trace for the expected ones. */
export function describeDatabaseError(error: unknown): string {
  const { name, message, code } = error as { name?: string; message?: string; code?: string };
  if (name === "DatabaseStartError" || name === "MigrationError") return message ?? String(error);
  if (code === "ECONNREFUSED" || code === "ENOTFOUND")
    return `Cannot reach the database server of DATABASE_URL (${message}).`;
  if (code === "28P01") return "The database refused the user name or password of DATABASE_URL.";
  if (code === "3D000") return `The database named in DATABASE_URL does not exist (${message}).`;
  return `Could not prepare the database: ${(error as Error)?.stack ?? String(error)}`;
}
