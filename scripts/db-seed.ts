// `npm run db:seed [-- --reset] [--allow-remote]`: seeds the demo mesh into DATABASE_URL's database, or into the
// embedded one. Only an empty database is seeded; --reset first drops and recreates the `public` schema (local
// databases only). A database on another machine is refused unless --allow-remote or
// HEXMESH_ALLOW_REMOTE_SEED=1 says otherwise.
import fs from "node:fs";
import pg from "pg";
import { isLocalDatabaseUrl, seedDemoMesh } from "../prisma/seed";
import { migrate } from "./db/migrate";
import { describeDatabaseError, openDatabase, type OpenDatabase } from "./db/server";

const USAGE = "usage: npm run db:seed [-- --reset] [--allow-remote]";
const COUNTED_TABLES = [
  "users",
  "teams",
  "domains",
  "source_systems",
  "data_products",
  "output_ports",
  "schema_fields",
  "slos",
  "input_ports",
  "polysemes",
  "global_policies",
  "access_requests",
  "grants",
  "notifications",
  "audit_events",
];

if (fs.existsSync(".env")) process.loadEnvFile(".env");

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== "--reset" && arg !== "--allow-remote");
if (unknown.length > 0) {
  console.error(`Unknown argument ${unknown.join(" ")}.\n${USAGE}`);
  process.exit(1);
}
const reset = args.includes("--reset");
const allowRemote = args.includes("--allow-remote") || process.env.HEXMESH_ALLOW_REMOTE_SEED === "1";

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Refuses what must not be touched; returns an explanation, or null when the database may be seeded. */
function refusal(url: string): string | null {
  const local = isLocalDatabaseUrl(url);
  const host = new URL(url).host || "a Unix socket";
  if (reset && !local) {
    return `Refusing --reset on ${host}: it drops every table, so it only runs against a local database.`;
  }
  if (!local && !allowRemote) {
    return (
      `Refusing to seed the demo mesh into ${host}, which is not a local database. If that is really what you ` +
      `want, pass --allow-remote or set HEXMESH_ALLOW_REMOTE_SEED=1.`
    );
  }
  return null;
}

let database: OpenDatabase | undefined;
let exitCode = 0;
try {
  // Checked before openDatabase, which would already migrate DATABASE_URL's database.
  const configured = process.env.DATABASE_URL;
  const refused = configured ? refusal(configured) : null;
  if (refused) throw new Error(refused);

  database = await openDatabase({ log: (line) => console.log(line) });
  const { url } = database;
  const name = new URL(url).pathname.slice(1);
  const again = refusal(url);
  if (again) throw new Error(again);

  if (reset) {
    await withClient(url, async (client) => {
      await client.query("SET client_min_messages = warning");
      await client.query("DROP SCHEMA public CASCADE");
      await client.query("CREATE SCHEMA public");
    });
    console.log(`dropped and recreated the public schema of ${name}`);
    await migrate(url, (line) => console.log(line));
  }

  const users = await withClient(url, async (client) => {
    const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM users");
    return rows[0].n;
  });
  if (users > 0) {
    console.log(`The database ${name} already holds data (${users} users); nothing seeded. Use --reset to start over.`);
  } else {
    const started = Date.now();
    await seedDemoMesh(url, { allowRemote });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const counts = await withClient(url, async (client) => {
      const { rows } = await client.query<Record<string, number>>(
        `SELECT ${COUNTED_TABLES.map((table) => `(SELECT count(*)::int FROM "${table}") AS "${table}"`).join(", ")}`,
      );
      return rows[0];
    });
    console.log(`Seeded the demo mesh into ${name} in ${seconds} s:`);
    console.log(COUNTED_TABLES.map((table) => `  ${table.padEnd(16)} ${counts[table]}`).join("\n"));
  }
} catch (error) {
  const message =
    error instanceof Error && error.message.startsWith("Refusing") ? error.message : describeDatabaseError(error);
  console.error(message);
  exitCode = 1;
} finally {
  await database?.close();
}
process.exit(exitCode);
