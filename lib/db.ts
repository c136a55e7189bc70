import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "./generated/prisma/client";
import { env } from "./env";
import { NAME_SIMILARITY } from "./search/schemas";

// One pool and one Prisma client per process, kept across hot reloads in development. Nothing connects at module
// load: `next build` imports this file without a database.
const globalForDb = globalThis as unknown as { hexmeshPool?: pg.Pool; hexmeshPrisma?: PrismaClient };

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

function client(): PrismaClient {
  globalForDb.hexmeshPrisma ??= new PrismaClient({ adapter: new PrismaPg(pool()) });
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
