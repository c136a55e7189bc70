// The access request measurements of `npm run bench` (issue 5), against the production build bench/run.ts starts:
//  - creation: POST /api/v1/access-requests under autocannon (each request for another output port, since a team
//    may have one open request per port), as the bench member on behalf of their team;
//  - approval to provisioned grant: an admin approves requests for a port served from the demo warehouse
//    (`hexmesh_warehouse` on the bench database's server), one at a time; the time from sending the approval to the
//    grant's `provisioned_at`, which the job worker in the server sets once the privileges are granted.
import autocannon from "autocannon";
import { withClient } from "./bench-db";

export interface Latency {
  p50: number;
  p95: number;
  mean: number;
  samples: number;
}

export interface AccessBenchResult {
  create: Latency & { reqPerSec: number; requests: number; created: number; non2xx: number; errors: number };
  provisioning: Latency & { timeouts: number };
}

const PORT_POOL = 20_000;
const APPROVALS = 20;
const PROVISIONING_TIMEOUT_MS = 30_000;

function summarise(values: number[]): Latency {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const round = (n: number) => Math.round(n * 10) / 10;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
  return { p50: round(at(0.5)), p95: round(at(0.95)), mean: round(mean), samples: sorted.length };
}

/**
 * Closes what earlier runs of the requester left open, so that every run asks for ports its team has no request for:
 * pending requests are withdrawn, active grants revoked (and queued for deprovisioning, which the server's job worker
 * does).
 */
async function resetEarlierRuns(url: string, requesterId: string): Promise<void> {
  await withClient(url, async (client) => {
    await client.query(
      `UPDATE access_requests SET status = 'withdrawn', decided_at = now(), version = version + 1
       WHERE requester_id = $1 AND status = 'pending'`,
      [requesterId],
    );
    await client.query(
      `WITH ended AS (
         UPDATE grants g SET status = 'revoked', revoked_at = now(), revoke_reason = 'benchmark',
                version = g.version + 1,
                provisioning_state = CASE WHEN g.provisioning_state = 'not-required' THEN g.provisioning_state
                                          ELSE 'pending' END
         FROM access_requests r WHERE r.id = g.access_request_id AND r.requester_id = $1 AND g.status = 'active'
         RETURNING g.id, g.provisioning_state)
       SELECT graphile_worker.add_job('grant.provisioning', json_build_object('grantId', id), job_key => 'grant:' || id)
       FROM ended WHERE provisioning_state = 'pending'`,
      [requesterId],
    );
  });
}

/** Request bodies for ports of active products of other teams, in a stable spread. */
async function requestBodies(url: string, consumerTeam: { id: string; name: string }) {
  const today = new Date().toISOString().slice(0, 10);
  const end = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ product: string; port: string }>(
      `SELECT d.name || '/' || p.name AS product, op.name AS port
       FROM output_ports op JOIN data_products p ON p.id = op.product_id JOIN domains d ON d.id = p.domain_id
       WHERE p.status = 'active' AND p.owning_team_id <> $1 AND NOT op.auto_approve
       ORDER BY md5(op.id::text) LIMIT $2`,
      [consumerTeam.id, PORT_POOL],
    );
    return rows.map((row) =>
      JSON.stringify({
        ...row,
        consumerTeam: consumerTeam.name,
        purpose: "Benchmark: churn analysis of the last quarter.",
        use: "analytics",
        startsAt: today,
        endsAt: end,
      }),
    );
  });
}

async function measureCreation(
  base: string,
  cookie: string,
  bodies: string[],
  connections: number,
  durationS: number,
  warmupS: number,
): Promise<AccessBenchResult["create"]> {
  let next = 0;
  const options = {
    url: base,
    connections,
    timeout: 30,
    headers: { cookie, "content-type": "application/json" },
    requests: [
      {
        method: "POST" as const,
        path: "/api/v1/access-requests",
        setupRequest: (request: Record<string, unknown>) => {
          if (next >= bodies.length) throw new Error(`more than ${bodies.length} requests: raise PORT_POOL`);
          return { ...request, body: bodies[next++] };
        },
      },
    ],
  };
  await autocannon({ ...options, duration: warmupS });
  const latencies: number[] = [];
  let created = 0;
  const instance = autocannon({ ...options, duration: durationS });
  instance.on("response", (_client: unknown, status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    if (status === 201) created++;
  });
  const result = await instance;
  return {
    ...summarise(latencies),
    reqPerSec: Math.round(result.requests.total / result.duration),
    requests: result.requests.total,
    created,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/**
 * Points one port of the bench mesh at the demo warehouse table and makes APPROVALS pending requests for it, from as
 * many teams; returns their ids.
 */
async function provisionableRequests(url: string, requesterId: string): Promise<string[]> {
  const catalog = new URL(url);
  const server = {
    type: "postgres",
    host: catalog.hostname,
    port: Number(catalog.port || 5432),
    database: "hexmesh_warehouse",
    schema: "podcasts",
    table: "listeners_demographic",
  };
  return withClient(url, async (client) => {
    const { rows: ports } = await client.query<{ id: string; owning_team_id: string }>(
      `SELECT op.id, p.owning_team_id FROM output_ports op JOIN data_products p ON p.id = op.product_id
       WHERE p.status = 'active' ORDER BY md5(op.id::text) LIMIT 1`,
    );
    const port = ports[0]!;
    await client.query("UPDATE output_ports SET server = $2 WHERE id = $1", [port.id, JSON.stringify(server)]);
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO access_requests (id, output_port_id, requester_id, consumer_team_id, purpose, use, starts_at, ends_at,
                                    updated_at)
       SELECT gen_random_uuid(), $1, $2, t.id, 'Benchmark: approval to provisioned grant.', 'analytics', now(),
              now() + interval '30 days', now()
       FROM teams t WHERE t.id <> $3
         AND NOT EXISTS (SELECT 1 FROM access_requests r
                         WHERE r.output_port_id = $1 AND r.consumer_team_id = t.id AND r.status = 'pending')
       ORDER BY t.name LIMIT $4
       RETURNING id`,
      [port.id, requesterId, port.owning_team_id, APPROVALS],
    );
    return rows.map((row) => row.id);
  });
}

async function measureProvisioning(
  base: string,
  url: string,
  adminCookie: string,
  requestIds: string[],
): Promise<AccessBenchResult["provisioning"]> {
  const times: number[] = [];
  let timeouts = 0;
  await withClient(url, async (client) => {
    for (const id of requestIds) {
      const sent = Date.now();
      const response = await fetch(`${base}/api/v1/access-requests/${id}/approve`, {
        method: "POST",
        headers: { cookie: adminCookie, "content-type": "application/json" },
        body: "{}",
      });
      if (response.status !== 200) throw new Error(`approve answered ${response.status}: ${await response.text()}`);
      const deadline = sent + PROVISIONING_TIMEOUT_MS;
      for (;;) {
        const { rows } = await client.query<{ state: string; at: Date | null; error: string | null }>(
          `SELECT provisioning_state::text AS state, provisioned_at AS at, provisioning_error AS error
           FROM grants WHERE access_request_id = $1`,
          [id],
        );
        const grant = rows[0];
        if (grant?.state === "provisioned" && grant.at) {
          times.push(grant.at.getTime() - sent);
          break;
        }
        if (grant?.state === "failed") throw new Error(`provisioning failed: ${grant.error}`);
        if (Date.now() > deadline) {
          timeouts++;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
  });
  return { ...summarise(times), timeouts };
}

export async function measureAccess(options: {
  base: string;
  url: string;
  requester: { id: string; teams: { id: string; name: string }[] };
  requesterCookie: string;
  adminCookie: string;
  connections: number;
  durationS: number;
  warmupS: number;
  say: (line: string) => void;
}): Promise<AccessBenchResult> {
  const team = options.requester.teams[0];
  if (!team) throw new Error("the requester belongs to no team");
  await resetEarlierRuns(options.url, options.requester.id);
  const bodies = await requestBodies(options.url, team);
  const create = await measureCreation(
    options.base,
    options.requesterCookie,
    bodies,
    options.connections,
    options.durationS,
    options.warmupS,
  );
  options.say(
    `  access-create  p50 ${create.p50} ms, p95 ${create.p95} ms, ${create.reqPerSec} req/s (${create.created} created)`,
  );
  const ids = await provisionableRequests(options.url, options.requester.id);
  const provisioning = await measureProvisioning(options.base, options.url, options.adminCookie, ids);
  options.say(
    `  access-provision approval -> provisioned p50 ${provisioning.p50} ms, p95 ${provisioning.p95} ms ` +
      `(${provisioning.samples} grants, one at a time)`,
  );
  await resetEarlierRuns(options.url, options.requester.id);
  return { create, provisioning };
}
