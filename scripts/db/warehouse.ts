// The demo warehouse: the database `hexmesh_warehouse` on the catalog's own server, holding the table behind the
// output port podcasts/podcast-listeners-demographic#listeners-demographic, so that an approved access request in
// the demo becomes a real grant (lib/provisioning). Idempotent and safe when several processes run it at once.
import crypto from "node:crypto";
import pg from "pg";
import { DEMO_WAREHOUSE_DATABASE } from "../../lib/provisioning/schemas";

export const DEMO_WAREHOUSE_SCHEMA = "podcasts";
export const DEMO_WAREHOUSE_TABLE = "listeners_demographic";
const LISTENERS = 260;
const PODCASTS = [
  "The Daily Mix",
  "Deep Cuts",
  "Football Weekly Extra",
  "Science Vs Everything",
  "Sleepy Stories",
  "Crime Junkies Club",
  "Startup Diaries",
  "Language Lab: Spanish",
  "History on Tape",
  "The Comedy Hour",
  "Mindful Mornings",
  "Indie Charts Unplugged",
];
const AGE_BANDS: [string, number][] = [
  ["13-17", 4],
  ["18-24", 22],
  ["25-34", 28],
  ["35-44", 18],
  ["45-54", 11],
  ["55-64", 6],
  ["65+", 3],
  ["unknown", 8],
];
const COUNTRIES: [string, number][] = [
  ["DE", 18],
  ["GB", 16],
  ["FR", 11],
  ["NL", 8],
  ["SE", 7],
  ["ES", 9],
  ["IT", 7],
  ["PL", 6],
  ["IE", 4],
  ["US", 10],
  ["BR", 4],
];

/** The warehouse's URL on the server of `catalogUrl`, with the same credentials. */
export function demoWarehouseUrl(catalogUrl: string): string {
  const url = new URL(catalogUrl);
  url.pathname = `/${DEMO_WAREHOUSE_DATABASE}`;
  return url.toString();
}

/** A UUID made from a name, so that the demo rows are the same on every machine. */
function uuidOf(name: string): string {
  const hex = crypto.createHash("sha256").update(name).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A small deterministic pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, weighted: [T, number][]): T {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = next() * total;
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return weighted[weighted.length - 1][0];
}

export interface ListenerRow {
  listener_id: string;
  podcast_id: string;
  age_band: string;
  country: string;
  first_listened_at: Date;
  episodes_played_30d: number;
  minutes_listened_30d: number;
  follows_podcast: boolean;
  computed_on: string;
}

/** A few hundred listener-podcast rows as of `today` (a UTC date), the same for the same day. */
export function demoListenerRows(today: Date): ListenerRow[] {
  const next = random(20261125);
  const computedOn = today.toISOString().slice(0, 10);
  const rows: ListenerRow[] = [];
  for (let i = 0; i < LISTENERS; i++) {
    const listener = uuidOf(`listener-${i}`);
    const ageBand = pick(next, AGE_BANDS);
    const country = pick(next, COUNTRIES);
    const shows = 1 + Math.floor(next() * next() * 4);
    const chosen = new Set<number>();
    while (chosen.size < shows) chosen.add(Math.floor(next() * next() * PODCASTS.length));
    for (const podcast of chosen) {
      const episodes = 1 + Math.floor(next() * next() * 20);
      rows.push({
        listener_id: listener,
        podcast_id: uuidOf(`podcast-${PODCASTS[podcast]}`),
        age_band: ageBand,
        country,
        first_listened_at: new Date(today.getTime() - Math.floor(next() * 500 * 24 * 60) * 60_000 - 86_400_000),
        episodes_played_30d: episodes,
        minutes_listened_30d: Math.round(episodes * (18 + next() * 40)),
        follows_podcast: next() < 0.25 + episodes / 40,
        computed_on: computedOn,
      });
    }
  }
  return rows;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET client_min_messages = warning");
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates the demo warehouse on the server of `catalogUrl` when it is missing: the database (closed to PUBLIC, so
 * that only granted roles connect), the schema `podcasts` and the table `listeners_demographic` with its rows.
 * Returns true when it created anything.
 */
export async function ensureDemoWarehouse(catalogUrl: string, log: (line: string) => void = () => {}) {
  let created = false;
  await withClient(catalogUrl, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DEMO_WAREHOUSE_DATABASE]);
    if (rowCount) return;
    try {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(DEMO_WAREHOUSE_DATABASE)}`);
      created = true;
    } catch (error) {
      // Another process created it meanwhile.
      if (!["42P04", "23505"].includes((error as { code?: string }).code ?? "")) throw error;
    }
  });
  await withClient(demoWarehouseUrl(catalogUrl), async (client) => {
    const schema = pg.escapeIdentifier(DEMO_WAREHOUSE_SCHEMA);
    const table = `${schema}.${pg.escapeIdentifier(DEMO_WAREHOUSE_TABLE)}`;
    await client.query("BEGIN");
    try {
      await client.query("SELECT pg_advisory_xact_lock(hashtext('hexmesh-demo-warehouse'))");
      if (created) {
        await client.query(
          `REVOKE CONNECT, TEMPORARY ON DATABASE ${pg.escapeIdentifier(DEMO_WAREHOUSE_DATABASE)} FROM PUBLIC`,
        );
      }
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query(`CREATE TABLE IF NOT EXISTS ${table} (
        listener_id          uuid        NOT NULL,
        podcast_id           uuid        NOT NULL,
        age_band             text        NOT NULL,
        country              char(2)     NOT NULL,
        first_listened_at    timestamptz,
        episodes_played_30d  integer     NOT NULL,
        minutes_listened_30d integer     NOT NULL,
        follows_podcast      boolean,
        computed_on          date        NOT NULL,
        PRIMARY KEY (listener_id, podcast_id)
      )`);
      await client.query(
        `COMMENT ON TABLE ${table} IS 'Output port podcasts/podcast-listeners-demographic#listeners-demographic (Hexmesh demo)'`,
      );
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      if (rows[0].n === 0) {
        const listeners = demoListenerRows(new Date(new Date().toISOString().slice(0, 10)));
        const column = <K extends keyof ListenerRow>(key: K) => listeners.map((row) => row[key]);
        await client.query(
          `INSERT INTO ${table} SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[],
             $6::int[], $7::int[], $8::boolean[], $9::date[])`,
          [
            column("listener_id"),
            column("podcast_id"),
            column("age_band"),
            column("country"),
            column("first_listened_at"),
            column("episodes_played_30d"),
            column("minutes_listened_30d"),
            column("follows_podcast"),
            column("computed_on"),
          ],
        );
        log(`created the demo warehouse ${DEMO_WAREHOUSE_DATABASE} (${listeners.length} rows in ${table})`);
        created = true;
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  });
  return created;
}
