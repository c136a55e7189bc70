// Direct database access for end-to-end tests: arrange data the UI cannot (yet) create, and prove what a flow
// stored. Uses DATABASE_URL, set by `tsx scripts/with-db.ts --test`.
import crypto from "node:crypto";
import pg from "pg";
import { hashPassword } from "../lib/auth/password";
import type { GlobalRole } from "./personas";

let shared: pg.Pool | undefined;

function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  const local = ["localhost", "127.0.0.1", "::1", "[::1]"].includes(host);
  if (!local && process.env.HEXMESH_E2E_ALLOW_REMOTE_DB !== "1") {
    throw new Error(
      `The end-to-end tests write to the database and refuse the non-local host ${host}. ` +
        "Set HEXMESH_E2E_ALLOW_REMOTE_DB=1 to run them there anyway.",
    );
  }
}

function pool(): pg.Pool {
  if (!shared) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: run the tests through `tsx scripts/with-db.ts --test`.");
    assertLocal(url);
    shared = new pg.Pool({ connectionString: url, max: 3, allowExitOnIdle: true });
  }
  return shared;
}

export async function query<T extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  return (await pool().query<T>(text, params)).rows;
}

export async function queryOne<T extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  params: unknown[] = [],
): Promise<T> {
  const rows = await query<T>(text, params);
  if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}: ${text}`);
  return rows[0];
}

/** A unique, recognisable string for names and emails made by one test. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${crypto.randomBytes(3).toString("hex")}`;
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
  role: GlobalRole;
}

/** A local account of the test's own, e.g. `e2e-role-<suffix>@example.test`. */
export async function createUser(options: { label: string; role?: GlobalRole; name?: string }): Promise<TestUser> {
  const suffix = uniqueSuffix();
  const email = `e2e-${options.label}-${suffix}@example.test`;
  const name = options.name ?? `E2E ${options.label} ${suffix}`;
  const password = `pw-${crypto.randomBytes(9).toString("base64url")}`;
  const role = options.role ?? "member";
  const { id } = await queryOne<{ id: string }>(
    `insert into users (id, email, name, password_hash, role, updated_at)
     values (gen_random_uuid(), $1, $2, $3, $4::global_role, now()) returning id`,
    [email, name, await hashPassword(password), role],
  );
  return { id, email, name, password, role };
}

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: GlobalRole;
  disabled_at: Date | null;
  version: number;
}

export function userByEmail(email: string): Promise<UserRow | undefined> {
  return query<UserRow>("select id, email, name, role, disabled_at, version from users where email = $1", [
    email.toLowerCase(),
  ]).then((rows) => rows[0]);
}

export interface AuditRow {
  id: string;
  at: Date;
  actor_email: string | null;
  action: string;
  entity_ref: string;
  before: unknown;
  after: unknown;
  request_id: string | null;
}

export function auditEventsFor(entityRef: string): Promise<AuditRow[]> {
  return query<AuditRow>(
    `select id::text, at, actor_email, action, entity_ref, before, after, request_id
       from audit_events where entity_ref = $1 order by id`,
    [entityRef],
  );
}

/** The persona's display name and teams as the user menu should show them. */
export async function profileOf(email: string): Promise<{ name: string; role: GlobalRole; teams: string[] }> {
  const user = await queryOne<{ name: string; role: GlobalRole }>("select name, role from users where email = $1", [
    email,
  ]);
  const teams = await query<{ name: string; display_name: string }>(
    `select t.name, t.display_name from team_memberships m join teams t on t.id = m.team_id
      join users u on u.id = m.user_id where u.email = $1 order by t.name`,
    [email],
  );
  return { ...user, teams: teams.map((t) => t.display_name) };
}

/**
 * Active products of team podcasts, made for one test and recognisable by a tag of their own (search filters on
 * it); returns their refs in name order.
 */
export async function createTaggedProducts(
  tag: string,
  count: number,
  options: { status?: "active" | "retired" } = {},
): Promise<string[]> {
  const rows = await query<{ name: string }>(
    `insert into data_products (id, domain_id, name, display_name, owning_team_id, archetype, status, tags, updated_at)
     select gen_random_uuid(), d.id, $1 || '-' || lpad(i::text, 3, '0'), 'E2E ' || $1 || ' ' || i, t.id,
            'aggregate', $3::lifecycle_status, array[$1], now()
       from domains d, teams t, generate_series(1, $2::int) i
      where d.name = 'podcasts' and t.name = 'podcasts'
     returning name`,
    [tag, count, options.status ?? "active"],
  );
  return rows.map((row) => `podcasts/${row.name}`).sort();
}

/**
 * Deletes the products createTaggedProducts made with `tag`, so that the test database does not grow by them on
 * every run (past 300 products in podcasts, the mesh graph of that domain no longer draws the demo product).
 */
export async function deleteTaggedProducts(tag: string): Promise<void> {
  await query(`delete from data_products where $1 = any(tags) and name like $1 || '-%'`, [tag]);
}

/**
 * A top-level domain of team podcasts with `count` active products named `item-001`, `item-002`… (displayed
 * "Item 1"…), made for one test; deleteDomainWithProducts removes it.
 */
export async function createDomainWithProducts(name: string, displayName: string, count: number): Promise<void> {
  await queryOne(
    `insert into domains (id, name, display_name, owning_team_id, updated_at)
     select gen_random_uuid(), $1, $2, t.id, now() from teams t where t.name = 'podcasts' returning id`,
    [name, displayName],
  );
  await query(
    `insert into data_products (id, domain_id, name, display_name, owning_team_id, archetype, status, updated_at)
     select gen_random_uuid(), d.id, 'item-' || lpad(i::text, 3, '0'), 'Item ' || i, d.owning_team_id,
            'aggregate', 'active', now()
       from domains d, generate_series(1, $2::int) i
      where d.name = $1`,
    [name, count],
  );
}

export async function deleteDomainWithProducts(name: string): Promise<void> {
  await query(`delete from data_products where domain_id = (select id from domains where name = $1)`, [name]);
  await query(`delete from domains where name = $1`, [name]);
}

/** Makes product `consumer` read output port `port` of product `upstream` (refs `<domain>/<name>`). */
export async function addConsumer(consumer: string, upstream: string, port: string): Promise<void> {
  const [consumerDomain, consumerName] = consumer.split("/");
  const [upstreamDomain, upstreamName] = upstream.split("/");
  await queryOne(
    `insert into input_ports (id, product_id, source_output_port_id, created_at)
     select gen_random_uuid(), c.id, op.id, now()
       from data_products c join domains cd on cd.id = c.domain_id,
            output_ports op join data_products u on u.id = op.product_id join domains ud on ud.id = u.domain_id
      where cd.name = $1 and c.name = $2 and ud.name = $3 and u.name = $4 and op.name = $5
     returning id`,
    [consumerDomain, consumerName, upstreamDomain, upstreamName, port],
  );
}
