// The benchmark's own database, `hexmesh_bench`, on the server the scripts use (the embedded PostgreSQL unless
// DATABASE_URL names another one): never the demo or test database.
import pg from "pg";
import { isLocalDatabaseUrl } from "../prisma/seed";

export const BENCH_DATABASE = "hexmesh_bench";

/** The URL of the bench database on the server whose maintenance URL is `adminUrl`. */
export function benchUrlOf(adminUrl: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  if (!isLocalDatabaseUrl(url.toString())) {
    throw new Error(`Refusing to benchmark on ${url.host}: the bench database must be on this machine.`);
  }
  return url.toString();
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function benchDatabaseExists(adminUrl: string): Promise<boolean> {
  return withClient(adminUrl, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [BENCH_DATABASE]);
    return rowCount === 1;
  });
}

/** Counts of the bench mesh, or null when the bench database does not exist or holds no products table. */
export async function benchMeshSize(
  adminUrl: string,
): Promise<{ products: number; ports: number; fields: number; inputs: number } | null> {
  if (!(await benchDatabaseExists(adminUrl))) return null;
  return withClient(benchUrlOf(adminUrl), async (client) => {
    const { rows } = await client.query<{ exists: boolean }>(
      "SELECT to_regclass('public.data_products') IS NOT NULL AS exists",
    );
    if (!rows[0].exists) return null;
    const counts = await client.query<{ products: number; ports: number; fields: number; inputs: number }>(`
      SELECT (SELECT count(*)::int FROM data_products) AS products,
             (SELECT count(*)::int FROM output_ports) AS ports,
             (SELECT count(*)::int FROM schema_fields) AS fields,
             (SELECT count(*)::int FROM input_ports) AS inputs`);
    return counts.rows[0];
  });
}
