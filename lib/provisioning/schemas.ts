// Pure parts of grant provisioning: which output-port servers are PostgreSQL tables, how a server is keyed in the
// configuration, and the database role of a consumer team.
import crypto from "node:crypto";
import { z } from "zod";

/** The database of the demo warehouse, on the catalog's own server (scripts/db/warehouse.ts creates it). */
export const DEMO_WAREHOUSE_DATABASE = "hexmesh_warehouse";

/** PostgreSQL's limit on identifier length, in bytes. */
const MAX_IDENTIFIER_BYTES = 63;
const ROLE_PREFIX = "hx_";

/** An output port's `server` when it is a PostgreSQL table or view that Hexmesh can grant access to. */
export const PostgresServer = z.object({
  type: z.literal("postgres"),
  host: z.string().trim().min(1),
  port: z.coerce.number().int().min(1).max(65535).default(5432),
  database: z.string().min(1),
  schema: z.string().min(1).default("public"),
  table: z.string().min(1),
});
export type PostgresServer = z.infer<typeof PostgresServer>;

/** The server as a PostgreSQL table, or null for anything else (s3, kafka, a postgres server without a table). */
export function parsePostgresServer(server: unknown): PostgresServer | null {
  const parsed = PostgresServer.safeParse(server);
  return parsed.success ? parsed.data : null;
}

/** `host:port/database`, the key of PROVISIONING_TARGETS; the host in lower case. */
export function targetKey(server: { host: string; port: number; database: string }): string {
  return `${server.host.toLowerCase()}:${server.port}/${server.database}`;
}

/** The same key for a connection URL. */
export function targetKeyOfUrl(url: string): string {
  const parsed = new URL(url);
  return targetKey({
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    database: decodeURIComponent(parsed.pathname.slice(1)),
  });
}

/** Normalises the keys of configured targets (PROVISIONING_TARGETS) the way targetKey writes them. */
export function normaliseTargets(targets: Record<string, string>): Map<string, string> {
  return new Map(
    Object.entries(targets).map(([key, url]) => {
      const slash = key.indexOf("/");
      return [key.slice(0, slash).toLowerCase() + key.slice(slash), url] as const;
    }),
  );
}

/**
 * The targets used when PROVISIONING_TARGETS is unset: the demo warehouse on the catalog's server, reached with
 * the catalog's own credentials.
 */
export function defaultTargets(catalogUrl: string): Map<string, string> {
  const url = new URL(catalogUrl);
  url.pathname = `/${DEMO_WAREHOUSE_DATABASE}`;
  return new Map([[targetKeyOfUrl(url.toString()), url.toString()]]);
}

/**
 * The LOGIN role of a consumer team: `hx_` and the team name in lower case with every other character than a-z,
 * 0-9 and _ turned into _, e.g. `marketing-analytics` -> `hx_marketing_analytics`. A name too long for PostgreSQL
 * is cut and ends with a short hash of the full name, so that two long names stay apart.
 */
export function roleNameForTeam(teamName: string): string {
  const base = ROLE_PREFIX + teamName.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  if (base.length <= MAX_IDENTIFIER_BYTES) return base;
  const hash = crypto.createHash("sha256").update(teamName).digest("hex").slice(0, 8);
  return `${base.slice(0, MAX_IDENTIFIER_BYTES - hash.length - 1)}_${hash}`;
}

/** The password of a team's role: HMAC-SHA256 of the role name under the server secret, never stored. */
export function derivePassword(serverSecret: string, role: string): string {
  return crypto.createHmac("sha256", serverSecret).update(`hexmesh-database-role:${role}`).digest("base64url");
}

/** What a consumer team needs to connect to a provisioned output port. */
export interface ConnectionDetails {
  host: string;
  port: number;
  database: string;
  schema: string;
  table: string;
  role: string;
  password: string;
  /** A libpq connection URL with the role and password. */
  url: string;
}

export function connectionDetails(server: PostgresServer, credentials: { role: string; password: string }) {
  const url = new URL("postgresql://placeholder");
  url.hostname = server.host;
  url.port = String(server.port);
  url.username = credentials.role;
  url.password = credentials.password;
  url.pathname = `/${encodeURIComponent(server.database)}`;
  const details: ConnectionDetails = {
    host: server.host,
    port: server.port,
    database: server.database,
    schema: server.schema,
    table: server.table,
    role: credentials.role,
    password: credentials.password,
    url: url.toString(),
  };
  return details;
}
