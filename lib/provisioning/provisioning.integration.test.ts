import crypto from "node:crypto";
import { Logger, run, type Runner } from "graphile-worker";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDomain, createProduct, createTeam, createUser, unique } from "@/scripts/test/factories";

// A scratch target database of this test file on the test server, and a target whose credentials are wrong. The
// settings are read once through lib/env; after PROVISIONING_TARGETS is stubbed the modules are loaded afresh, so
// that lib/env reads it.
const databaseUrl = (await import("@/lib/env")).env().DATABASE_URL!;
const catalogUrl = new URL(databaseUrl);
const suffix = crypto.randomUUID().slice(0, 8);
const TARGET_DB = `hx_target_${suffix}`;
const BROKEN_DB = `hx_broken_${suffix}`;
const urlOf = (database: string, user?: string, password?: string) => {
  const url = new URL(catalogUrl);
  url.pathname = `/${database}`;
  if (user) url.username = user;
  if (password !== undefined) url.password = password;
  return url.toString();
};
const host = catalogUrl.hostname;
const port = Number(catalogUrl.port || 5432);
vi.stubEnv(
  "PROVISIONING_TARGETS",
  JSON.stringify({
    [`${host}:${port}/${TARGET_DB}`]: urlOf(TARGET_DB),
    [`${host}:${port}/${BROKEN_DB}`]: urlOf(BROKEN_DB, undefined, "not-the-password"),
  }),
);
vi.resetModules();

// lib/jobs/worker imports lib/access, whose authorization imports the next-auth config; no session is needed.
vi.mock("@/lib/auth/session", () => ({ sessionUserId: async () => null }));

const { db } = await import("@/lib/db");
const { reconcileGrant, teamDatabaseCredentials, isProvisionable, connectionDetailsFor } = await import("./index");
const { createTaskList } = await import("@/lib/jobs/worker");
const { enqueueJob } = await import("@/lib/jobs");

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const rolesMade: string[] = [];
const grantsMade: string[] = [];

beforeAll(async () => {
  await db.$queryRaw`SELECT 1`;
  await withClient(urlOf("postgres"), (client) => client.query(`CREATE DATABASE ${TARGET_DB}`));
  await withClient(urlOf(TARGET_DB), async (client) => {
    await client.query(`REVOKE CONNECT, TEMPORARY ON DATABASE ${TARGET_DB} FROM PUBLIC`);
    await client.query(`CREATE SCHEMA sales`);
    await client.query(`CREATE TABLE sales.orders (id int PRIMARY KEY, amount numeric NOT NULL)`);
    await client.query(`INSERT INTO sales.orders SELECT i, i * 10 FROM generate_series(1, 25) i`);
    await client.query(`CREATE TABLE sales.refunds (id int PRIMARY KEY, order_id int NOT NULL)`);
    await client.query(`INSERT INTO sales.refunds VALUES (1, 3), (2, 7)`);
    // A name that needs quoting.
    await client.query(`CREATE TABLE sales."Order Lines" (order_id int, sku text)`);
  });
});

afterAll(async () => {
  // The scratch targets go away: their grants end here, so that no later job (expiry, a worker of another run)
  // tries to reach them.
  await db.grant.updateMany({
    where: { id: { in: grantsMade } },
    data: { status: "revoked", revokedAt: new Date(), provisioningState: "deprovisioned" },
  });
  for (const id of grantsMade) await db.$executeRaw`SELECT FROM graphile_worker.remove_job(${`grant:${id}`})`;
  vi.unstubAllEnvs();
  await withClient(urlOf("postgres"), async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${TARGET_DB} WITH (FORCE)`);
    for (const role of rolesMade) await client.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(role)}`);
  });
});

/** An active grant of a new consumer team on a new product's port served by `server`. */
async function grantOn(
  server: object,
  options: { startsAt?: Date; consumerTeamId?: string; contract?: object; accessLevel?: string } = {},
) {
  const owner = await createUser();
  const team = await createTeam([{ userId: owner.id, role: "owner" }]);
  const domain = await createDomain(team.id);
  const product = await createProduct({ domainId: domain.id, owningTeamId: team.id });
  const requester = await createUser();
  const consumer = options.consumerTeamId
    ? await db.team.findUniqueOrThrow({ where: { id: options.consumerTeamId } })
    : await createTeam([{ userId: requester.id, role: "member" }]);
  const outputPort = await db.outputPort.create({
    data: {
      productId: product.id,
      name: unique("port"),
      displayName: "Orders",
      kind: "table",
      format: "postgres",
      server,
      ...(options.contract ? { contract: options.contract } : {}),
    },
  });
  const startsAt = options.startsAt ?? new Date(Date.now() - 60_000);
  // Far in the future: lib/access's expiry test ends every grant due before its own grant's end.
  const endsAt = new Date(Date.now() + 20 * 365 * 24 * 60 * 60 * 1000);
  const request = await db.accessRequest.create({
    data: {
      outputPortId: outputPort.id,
      requesterId: requester.id,
      consumerTeamId: consumer.id,
      purpose: "Revenue dashboard",
      use: "analytics",
      ...(options.accessLevel ? { accessLevel: options.accessLevel } : {}),
      startsAt,
      endsAt,
      status: "approved",
    },
  });
  const grant = await db.grant.create({
    data: {
      accessRequestId: request.id,
      outputPortId: outputPort.id,
      consumerTeamId: consumer.id,
      startsAt,
      endsAt,
      provisioningState: "pending",
      ...(options.accessLevel ? { accessLevel: options.accessLevel } : {}),
    },
  });
  rolesMade.push(teamDatabaseCredentials(consumer.name).role);
  grantsMade.push(grant.id);
  return { grant, team: consumer };
}

const serverOf = (table: string, database = TARGET_DB) => ({
  type: "postgres",
  host,
  port,
  database,
  schema: "sales",
  table,
});

/** Connects as the team's role with its derived password and runs `sql`. */
function selectAs(teamName: string, sql: string) {
  const { role, password } = teamDatabaseCredentials(teamName);
  return withClient(urlOf(TARGET_DB, role, password), async (client) => (await client.query(sql)).rows);
}

const grantRow = (id: string) =>
  db.grant.findUniqueOrThrow({
    where: { id },
    select: {
      provisioningState: true,
      provisioningError: true,
      provisioningAttempts: true,
      provisionedAt: true,
      provisionedRole: true,
    },
  });
const auditOf = (grantId: string) =>
  db.auditEvent.findMany({
    where: { entityRef: `grant:${grantId}` },
    orderBy: { id: "asc" },
    select: { action: true, actorId: true, after: true },
  });

/** Ends a grant the way lib/access does: another status, provisioning pending again. */
const revoke = (id: string) =>
  db.grant.update({
    where: { id },
    data: { status: "revoked", revokedAt: new Date(), provisioningState: "pending", provisioningAttempts: 0 },
  });

describe("configuration", () => {
  it("knows which servers are provisionable", () => {
    expect(isProvisionable(serverOf("orders"))).toBe(true);
    expect(isProvisionable({ ...serverOf("orders"), host: host.toUpperCase() })).toBe(true);
    expect(isProvisionable(serverOf("orders", "hx_unknown"))).toBe(false);
    expect(isProvisionable({ type: "s3", location: "s3://x/" })).toBe(false);
    expect(isProvisionable(null)).toBe(false);
  });

  it("gives the consumer what it needs to connect", () => {
    const details = connectionDetailsFor(serverOf("orders"), "marketing-analytics");
    expect(details).toMatchObject({
      host,
      port,
      database: TARGET_DB,
      schema: "sales",
      table: "orders",
      role: "hx_marketing_analytics",
    });
    expect(details?.password).toBe(teamDatabaseCredentials("marketing-analytics").password);
    expect(connectionDetailsFor({ type: "s3" }, "marketing-analytics")).toBeNull();
  });
});

describe("reconcileGrant", () => {
  it("provisions a grant: the team's role connects and SELECTs; revoking refuses the same SELECT", async () => {
    const { grant, team } = await grantOn(serverOf("orders"));
    await expect(selectAs(team.name, "SELECT count(*)::int AS n FROM sales.orders")).rejects.toThrow();

    await reconcileGrant(grant.id);
    const provisioned = await grantRow(grant.id);
    expect(provisioned).toMatchObject({
      provisioningState: "provisioned",
      provisioningError: null,
      provisioningAttempts: 1,
      provisionedRole: teamDatabaseCredentials(team.name).role,
    });
    expect(provisioned.provisionedAt).toBeInstanceOf(Date);
    expect(await selectAs(team.name, "SELECT count(*)::int AS n FROM sales.orders")).toEqual([{ n: 25 }]);
    // Only the granted table.
    await expect(selectAs(team.name, "SELECT * FROM sales.refunds")).rejects.toThrow(/permission denied/);

    // A session opened while the grant held loses access with the revocation.
    const { role, password } = teamDatabaseCredentials(team.name);
    const open = new pg.Client({ connectionString: urlOf(TARGET_DB, role, password) });
    await open.connect();
    try {
      await revoke(grant.id);
      await reconcileGrant(grant.id);
      await expect(open.query("SELECT count(*) FROM sales.orders")).rejects.toThrow(/permission denied/);
    } finally {
      await open.end();
    }
    await expect(selectAs(team.name, "SELECT count(*) FROM sales.orders")).rejects.toThrow(
      /permission denied for database/,
    );
    expect(await grantRow(grant.id)).toMatchObject({ provisioningState: "deprovisioned", provisioningAttempts: 1 });
    expect(await auditOf(grant.id)).toEqual([
      expect.objectContaining({ action: "grant.provisioned", actorId: null }),
      expect.objectContaining({ action: "grant.deprovisioned", actorId: null }),
    ]);
  });

  it("is idempotent: reconciling again changes nothing and audits nothing", async () => {
    const { grant, team } = await grantOn(serverOf("orders"));
    await reconcileGrant(grant.id);
    await reconcileGrant(grant.id);
    expect(await grantRow(grant.id)).toMatchObject({ provisioningState: "provisioned", provisioningAttempts: 1 });
    expect((await auditOf(grant.id)).map((e) => e.action)).toEqual(["grant.provisioned"]);
    expect(await selectAs(team.name, "SELECT count(*)::int AS n FROM sales.orders")).toEqual([{ n: 25 }]);
  });

  it("quotes identifiers: a table name with a space and capitals", async () => {
    const { grant, team } = await grantOn(serverOf("Order Lines"));
    await reconcileGrant(grant.id);
    expect(await selectAs(team.name, `SELECT count(*)::int AS n FROM sales."Order Lines"`)).toEqual([{ n: 0 }]);
  });

  it("revoking one grant keeps what the team's other grant on the same schema needs", async () => {
    const first = await grantOn(serverOf("orders"));
    const second = await grantOn(serverOf("refunds"), { consumerTeamId: first.team.id });
    await reconcileGrant(first.grant.id);
    await reconcileGrant(second.grant.id);
    await revoke(first.grant.id);
    await reconcileGrant(first.grant.id);
    await expect(selectAs(first.team.name, "SELECT * FROM sales.orders")).rejects.toThrow(/permission denied/);
    expect(await selectAs(first.team.name, "SELECT count(*)::int AS n FROM sales.refunds")).toEqual([{ n: 2 }]);
  });

  it("a level whose ODCS role writes may also insert, update and delete; revoking it leaves a reading grant SELECT", async () => {
    const contract = {
      roles: [
        { role: "analyst", access: "read" },
        { role: "loader", access: "write" },
      ],
    };
    const writer = await grantOn(serverOf("orders"), { contract, accessLevel: "loader" });
    const reader = await grantOn(serverOf("orders"), {
      contract,
      accessLevel: "analyst",
      consumerTeamId: writer.team.id,
    });
    await reconcileGrant(writer.grant.id);
    await reconcileGrant(reader.grant.id);
    const team = writer.team.name;
    await selectAs(team, "INSERT INTO sales.orders VALUES (1001, 5)");
    await selectAs(team, "UPDATE sales.orders SET amount = 6 WHERE id = 1001");
    await selectAs(team, "DELETE FROM sales.orders WHERE id = 1001");
    expect((await auditOf(writer.grant.id)).at(-1)?.after).toMatchObject({ access: "write" });

    await revoke(writer.grant.id);
    await reconcileGrant(writer.grant.id);
    await expect(selectAs(team, "INSERT INTO sales.orders VALUES (1002, 5)")).rejects.toThrow(/permission denied/);
    expect(await selectAs(team, "SELECT count(*)::int AS n FROM sales.orders")).toEqual([{ n: 25 }]);

    // A reading level alone never writes.
    const alone = await grantOn(serverOf("orders"), { contract, accessLevel: "analyst" });
    await reconcileGrant(alone.grant.id);
    await expect(selectAs(alone.team.name, "DELETE FROM sales.orders")).rejects.toThrow(/permission denied/);
  });

  it("records a failure with its error and throws, so that the job is retried", async () => {
    const { grant } = await grantOn(serverOf("orders", BROKEN_DB));
    await expect(reconcileGrant(grant.id)).rejects.toThrow(/password authentication failed/);
    await expect(reconcileGrant(grant.id)).rejects.toThrow();
    const failed = await grantRow(grant.id);
    expect(failed).toMatchObject({ provisioningState: "failed", provisioningAttempts: 2, provisionedAt: null });
    expect(failed.provisioningError).toMatch(
      new RegExp(`^Granting access on .*/${BROKEN_DB} sales\\.orders failed: password authentication failed`),
    );
    expect(failed.provisioningError).not.toContain("not-the-password");
    const audit = await auditOf(grant.id);
    expect(audit.map((e) => e.action)).toEqual(["grant.provisioning_failed", "grant.provisioning_failed"]);
    expect(audit[0]).toMatchObject({ actorId: null, after: { provisioningState: "failed", attempt: 1 } });
  });

  it("a grant that starts later is scheduled for its start, not provisioned now", async () => {
    const startsAt = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000);
    const { grant } = await grantOn(serverOf("orders"), { startsAt });
    await reconcileGrant(grant.id);
    expect(await grantRow(grant.id)).toMatchObject({ provisioningState: "pending", provisioningAttempts: 0 });
    const jobs = await db.$queryRaw<{ task: string; run_at: Date }[]>`
      SELECT task_identifier AS task, run_at FROM graphile_worker.jobs WHERE key = ${`grant:${grant.id}`}`;
    expect(jobs).toEqual([{ task: "grant.provisioning", run_at: startsAt }]);
    await db.$executeRaw`SELECT FROM graphile_worker.remove_job(${`grant:${grant.id}`})`;
  });
});

describe("expiry", () => {
  it("a grant past its end is expired by the grants.expire task, which queues its deprovisioning", async () => {
    const { grant, team } = await grantOn(serverOf("refunds"));
    await reconcileGrant(grant.id);
    expect(await selectAs(team.name, "SELECT count(*)::int AS n FROM sales.refunds")).toEqual([{ n: 2 }]);
    await db.grant.update({ where: { id: grant.id }, data: { endsAt: new Date(Date.now() - 1000) } });

    const tasks = createTaskList();
    await tasks["grants.expire"]({}, {} as never);
    expect(await db.grant.findUniqueOrThrow({ where: { id: grant.id }, select: { status: true } })).toEqual({
      status: "expired",
    });
    // The payload is only in graphile-worker's private table (its `jobs` view leaves it out).
    const [job] = await db.$queryRaw<{ task: string; payload: { grantId: string } }[]>`
      SELECT t.identifier AS task, j.payload
      FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
      WHERE j.key = ${`grant:${grant.id}`}`;
    expect(job).toEqual({ task: "grant.provisioning", payload: { grantId: grant.id } });

    // What the queued job runs:
    await tasks["grant.provisioning"](job!.payload, {} as never);
    expect(await grantRow(grant.id)).toMatchObject({ provisioningState: "deprovisioned" });
    await expect(selectAs(team.name, "SELECT count(*) FROM sales.refunds")).rejects.toThrow(/permission denied/);
    expect((await auditOf(grant.id)).map((event) => event.action)).toEqual([
      "grant.provisioned",
      "grant.expired",
      "grant.deprovisioned",
    ]);
  });
});

describe("the grant.provisioning task", () => {
  let runner: Runner | undefined;
  afterAll(() => runner?.stop());

  it("provisions a grant whose job was committed, right after the commit", async () => {
    const { grant, team } = await grantOn(serverOf("orders"));
    // The real task under a name of this test alone, so that the worker runs no job of other tests.
    const task = `test.grant-provisioning-${suffix}`;
    let done!: () => void;
    const ran = new Promise<void>((resolve) => (done = resolve));
    const real = createTaskList()["grant.provisioning"];
    runner = await run({
      connectionString: databaseUrl,
      concurrency: 1,
      noHandleSignals: true,
      logger: new Logger(() => () => {}),
      taskList: {
        [task]: async (payload, helpers) => {
          await real(payload, helpers);
          done();
        },
      },
    });
    const started = performance.now();
    await db.$transaction((tx) => enqueueJob(tx, task as "grant.provisioning", { grantId: grant.id }));
    await ran;
    const took = performance.now() - started;
    console.log(`[provisioning] commit -> provisioned grant: ${took.toFixed(0)} ms`);
    expect(await grantRow(grant.id)).toMatchObject({ provisioningState: "provisioned" });
    expect(await selectAs(team.name, "SELECT count(*)::int AS n FROM sales.orders")).toEqual([{ n: 25 }]);
  });
});
