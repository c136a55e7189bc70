import "server-only";
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "./generated/prisma/client";
import { env } from "./env";
import { NAME_SIMILARITY } from "./search/schemas";

// One pool and one Prisma client per process, kept across hot reloads in development. Nothing connects at module
// load: `next build` imports this file without a database.
const globalForDb = globalThis as unknown as {
  hexmeshPool?: pg.Pool;
  hexmeshPrisma?: PrismaClient;
  hexmeshStatementNames?: Map<string, string>;
};

export function pool(): pg.Pool {
  globalForDb.hexmeshPool ??= new pg.Pool({
    connectionString: env().DATABASE_URL,
    max: 10,
    // Typo tolerance of catalog search (`q <% display_name`, lib/search): set once per connection instead of a
    // transaction per search; PostgreSQL keeps it as a placeholder until pg_trgm loads, then applies it. Scans
    // start at the first block (not where a concurrent scan is), so search candidates capped with LIMIT are the
    // same on every page of a search.
    options: `-c pg_trgm.word_similarity_threshold=${NAME_SIMILARITY} -c synchronize_seqscans=off`,
  });
  return globalForDb.hexmeshPool;
}

// SQL texts marked with `prepared`, by the name of their prepared statement (kept with the client it names them for).
const statementNames = (globalForDb.hexmeshStatementNames ??= new Map<string, string>());

/**
 * Marks a raw query to run as a named prepared statement: each connection parses it once, and after a few runs
 * PostgreSQL reuses one generic plan instead of planning it again on every call. For hot lookups by key whose plan
 * does not depend on the values, e.g. the product page's read, which takes longer to plan (about 1.6 ms) than to
 * run (0.6 ms). Not for searches, where the best plan depends on the words searched.
 */
export function prepared(query: Prisma.Sql): Prisma.Sql {
  const text = query.text;
  if (!statementNames.has(text)) {
    statementNames.set(text, `hexmesh_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`);
  }
  return query;
}

function client(): PrismaClient {
  globalForDb.hexmeshPrisma ??= new PrismaClient({
    adapter: new PrismaPg(pool(), {
      // pg runs a query without a name as an unnamed statement, parsed and planned each time.
      statementNameGenerator: ((query) => statementNames.get(query.sql)) as (query: { sql: string }) => string,
    }),
  });
  return globalForDb.hexmeshPrisma;
}

/** The Prisma client. Only lib/db.ts and lib/<module>/{queries,mutations}.ts use it. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const real = client();
    const value = Reflect.get(real, property);
    return typeof value === "function" ? value.bind(real) : value;
  },
});

/** The client inside `db.$transaction(async (tx) => ...)`. */
export type Tx = Prisma.TransactionClient;
