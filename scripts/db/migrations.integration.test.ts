import crypto from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { listMigrations, migrate } from "./migrate";
import { diffMigrationsToSchema } from "./schema-engine";

const adminUrl = (() => {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = "/postgres";
  return url.toString();
})();

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

const created: string[] = [];
async function freshDatabase(): Promise<string> {
  const name = `hexmesh_migrate_${crypto.randomUUID().slice(0, 8)}`;
  await admin(`CREATE DATABASE "${name}"`);
  created.push(name);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

afterAll(async () => {
  for (const name of created) await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

describe("schema.prisma and the migrations", () => {
  it("agree: replaying prisma/migrations yields exactly the schema (run `npm run db:diff -- <name>` if not)", async () => {
    expect(await diffMigrationsToSchema(adminUrl)).toBe("");
  });

  it("a disagreement is noticed (the check above is not vacuous)", async () => {
    const schema = fs
      .readFileSync("prisma/schema.prisma", "utf8")
      .replace(/model Team \{\n/, "model Team {\n  motto String?\n");
    expect(await diffMigrationsToSchema(adminUrl, schema)).toMatch(/ALTER TABLE "teams" ADD COLUMN\s+"motto" TEXT/);
  });
});

describe("npm run db:migrate", () => {
  it("applies every migration once and records it as prisma migrate deploy does", async () => {
    const url = await freshDatabase();
    const first = await migrate(url);
    expect(first).toEqual(listMigrations().map((m) => m.name));
    expect(await migrate(url)).toEqual([]);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(
      `SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    await client.end();
    expect(rows).toHaveLength(listMigrations().length);
    for (const [index, migration] of listMigrations().entries()) {
      expect(rows[index].migration_name).toBe(migration.name);
      expect(rows[index].checksum).toBe(crypto.createHash("sha256").update(migration.sql).digest("hex"));
      expect(rows[index].finished_at).toBeInstanceOf(Date);
      expect(rows[index].rolled_back_at).toBeNull();
    }
  });

  it("is safe when several instances start at once", async () => {
    const url = await freshDatabase();
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    expect(results.flat().sort()).toEqual(listMigrations().map((m) => m.name));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
    await client.end();
    expect(rows[0].n).toBe(listMigrations().length);
  });
});
