// Applies prisma/migrations/*/migration.sql in order, each in its own transaction, and records them in
// `_prisma_migrations` exactly as `prisma migrate deploy` does, so that both tools accept the same history.
// Then graphile-worker's own schema (`graphile_worker`, the job queue of lib/jobs) is installed or upgraded.
// An advisory lock lets several app instances start at once.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export const MIGRATIONS_DIR = path.resolve("prisma/migrations");
const LOCK_ID = 72707369; // pg_advisory_lock key, the same for every Hexmesh instance

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(): Migration[] {
  if (!fs.existsSync(MIGRATIONS_DIR)) return [];
  return fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(MIGRATIONS_DIR, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

const HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export class MigrationError extends Error {
  name = "MigrationError";
}

/** Applies the pending migrations; returns the names of those it applied. */
export async function migrate(url: string, log: (line: string) => void = () => {}): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET client_min_messages = warning");
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_ID]);
    await client.query(HISTORY_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((row) => [row.migration_name, row]));
    const failed = rows.find((row) => row.finished_at === null);
    if (failed) {
      throw new MigrationError(
        `Migration ${failed.migration_name} started earlier but did not finish. Repair the database, then mark it ` +
          `rolled back in _prisma_migrations.`,
      );
    }
    const done: string[] = [];
    for (const migration of listMigrations()) {
      const previous = applied.get(migration.name);
      if (previous) {
        if (previous.checksum !== migration.checksum) {
          log(`warning: migration ${migration.name} was changed after it was applied`);
        }
        continue;
      }
      const id = crypto.randomUUID();
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [id, migration.checksum, migration.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`);
      }
      log(`applied migration ${migration.name}`);
      done.push(migration.name);
    }
    await migrateJobQueue(client, url, log);
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_ID]).catch(() => {});
    await client.end();
  }
}

/** Installs or upgrades graphile-worker's schema (it takes its own lock, so concurrent starts are safe). */
async function migrateJobQueue(client: pg.Client, url: string, log: (line: string) => void): Promise<void> {
  const version = async (): Promise<number | null> => {
    const { rows } = await client.query(`SELECT to_regclass('graphile_worker.migrations') IS NOT NULL AS installed`);
    if (!rows[0].installed) return null;
    return (await client.query(`SELECT max(id) AS id FROM graphile_worker.migrations`)).rows[0].id;
  };
  const before = await version();
  // Loaded here, not at start-up: scripts that fail before migrating do not pay for it.
  const { Logger, runMigrations } = await import("graphile-worker");
  // graphile-worker's messages, but only its warnings and errors.
  const logger = new Logger(() => (level, message) => {
    if (level === "error" || level === "warning") console.error(`[job queue] ${message}`);
  });
  try {
    await runMigrations({ connectionString: url, logger });
  } catch (error) {
    throw new MigrationError(`Installing the job queue (graphile-worker) failed: ${(error as Error).message}`);
  }
  const after = await version();
  if (after !== before) log(`installed the job queue schema graphile_worker (version ${after})`);
}
