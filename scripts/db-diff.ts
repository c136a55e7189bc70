// `npm run db:diff` prints the SQL that schema.prisma needs beyond the migrations folder;
// `npm run db:diff -- add_lineage` writes it as a new migration prisma/migrations/<timestamp>_add_lineage.
import fs from "node:fs";
import path from "node:path";
import { withDatabaseServer } from "./db/server";
import { diffMigrationsToSchema } from "./db/schema-engine";
import { MIGRATIONS_DIR } from "./db/migrate";

const name = process.argv[2];
if (name !== undefined && !/^[a-z0-9_]+$/.test(name)) {
  console.error("The migration name may hold only lower-case letters, digits and underscores, e.g. add_lineage.");
  process.exit(2);
}

const sql = await withDatabaseServer((adminUrl) => diffMigrationsToSchema(adminUrl));
if (!sql) {
  console.log("schema.prisma and prisma/migrations agree: nothing to do.");
} else if (!name) {
  console.log(sql);
} else {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql + "\n");
  console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}
process.exit(0); // the WASM engine keeps the event loop alive for seconds
