// Measures the discovery queries on the bench mesh (`npm run bench:seed` first), in one run:
//  (a) SQL: the lib query functions called directly with an explicit actor, N iterations after a warm-up;
//  (b) HTTP: the same work through a production build (`next build` in a staging copy of the app, then
//      `next start`) under autocannon with 8 connections, signed in with a minted session cookie.
//
//   npm run bench -- [--only search-common,product-page] [--duration 10] [--iterations 30] [--connections 8]
//                    [--as member|admin|consumer] [--no-http] [--no-build] [--port 3200]
//
// Runs under `tsx --conditions=react-server` so that `server-only` is a no-op. Results go to
// bench/results/<date>-<products>.{json,md}.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import Module, { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { encode } from "next-auth/jwt";
import * as prettier from "prettier";
import type { Actor } from "../lib/authz/policy";
import { migrate } from "../scripts/db/migrate";
import { withDatabaseServer } from "../scripts/db/server";
import { ensureDemoWarehouse } from "../scripts/db/warehouse";
import { measureAccess, type AccessBenchResult } from "./access";
import { benchMeshSize, benchUrlOf, withClient } from "./bench-db";
import { BENCH_USERS } from "./mesh-generator";
import { SEARCH_TERMS } from "./vocabulary";

const { values: args } = parseArgs({
  options: {
    only: { type: "string" },
    duration: { type: "string", default: "10" },
    iterations: { type: "string", default: "30" },
    connections: { type: "string", default: "8" },
    as: { type: "string", default: "member" },
    port: { type: "string", default: "3200" },
    "no-http": { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
  },
});
const DURATION_S = Number(args.duration);
const ITERATIONS = Number(args.iterations);
const CONNECTIONS = Number(args.connections);
const PORT = Number(args.port);
const WARMUP_ITERATIONS = 3;
/** A slow SQL scenario stops after this long (at least MIN_ITERATIONS). */
const SQL_BUDGET_MS = 20_000;
const MIN_ITERATIONS = 5;
/** Per scenario, before measuring: V8 optimises a page's code over several seconds of traffic (a server runs for hours). */
const WARMUP_HTTP_S = 5;
const SAMPLE_PRODUCTS = 50;
const STAGING_DIR = path.join(os.tmpdir(), "hexmesh-bench-app");
const APP_ENTRIES = [
  "app",
  "components",
  "lib",
  "prisma",
  "public",
  // prisma/seed.ts imports scripts/db (the demo warehouse), and `next build` type-checks the seed.
  "scripts",
  "proxy.ts",
  "instrumentation.ts",
  "instrumentation-node.ts",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package.json",
  "next-env.d.ts",
  "prisma.config.ts",
];
const SESSION_COOKIE = "authjs.session-token";

const say = (line: string) => console.log(`[bench] ${line}`);
const role = args.as as keyof typeof BENCH_USERS;
if (!(role in BENCH_USERS) || ![DURATION_S, ITERATIONS, CONNECTIONS, PORT].every((n) => n > 0)) {
  console.error(
    "usage: npm run bench -- [--only a,b] [--duration S] [--iterations N] [--connections N] " +
      "[--as member|admin|consumer] [--no-http] [--no-build] [--port N]",
  );
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------------------
// Statistics
// ---------------------------------------------------------------------------------------------------------

interface Latency {
  p50: number;
  p95: number;
  mean: number;
  max: number;
  samples: number;
}

function summarise(values: number[]): Latency {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
    max: round(sorted[sorted.length - 1]),
    samples: sorted.length,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------------------

interface Target {
  /** Which measurement the target applies to. */
  on: "sql" | "http";
  p95Ms: number;
}

interface Scenario {
  name: string;
  description: string;
  /** One call of the lib function; `i` picks the sample product for per-product scenarios. */
  sql: (i: number) => Promise<unknown>;
  /** The HTTP paths requested in turn, or null when the work has no page or route of its own. */
  http: string[] | null;
  targets: Target[];
}

interface ScenarioResult {
  name: string;
  description: string;
  sql: Latency;
  http: (Latency & { reqPerSec: number; requests: number; non2xx: number; errors: number; paths: string[] }) | null;
  /** Why HTTP was not measured, when it failed. */
  httpError: string | null;
  /** HTTP p95 / SQL p95. */
  ratio: number | null;
  targets: (Target & { actualMs: number | null; met: boolean | null })[];
}

type Lib = Awaited<ReturnType<typeof loadLib>>;

/**
 * lib/authz imports `redirect` from next/navigation (for requireActor, which the benchmark never calls). Outside
 * Next, under the react-server condition, that module fails to load (it needs client React), so it is replaced
 * by a stub in the CommonJS module cache before the lib is loaded.
 */
function stubNextNavigation(): void {
  const require = createRequire(import.meta.url);
  const filename = require.resolve("next/navigation");
  const stub = new Module(filename);
  stub.filename = filename;
  stub.loaded = true;
  stub.exports = {
    redirect: () => {
      throw new Error("redirect() is not available in the benchmark");
    },
    notFound: () => {
      throw new Error("notFound() is not available in the benchmark");
    },
  };
  require.cache[filename] = stub;
}

async function loadLib() {
  stubNextNavigation();
  const search = await import("../lib/search/queries");
  const graph = await import("../lib/graph/queries");
  const products = await import("../lib/products/queries");
  const glossary = await import("../lib/glossary/queries");
  const domains = await import("../lib/domains/queries");
  const teams = await import("../lib/teams/queries");
  const mesh = await import("../lib/mesh/queries");
  return { ...search, ...graph, ...products, ...glossary, ...domains, ...teams, ...mesh };
}

/** The pages named by the fixtures: the largest domain, its owning team and the most carried polyseme. */
interface Fixtures {
  sample: { domain: string; name: string }[];
  bigDomain: string;
  bigTeam: string;
  polyseme: string;
}

function scenarios(lib: Lib, actor: Actor, { sample, bigDomain, bigTeam, polyseme }: Fixtures): Scenario[] {
  const at = (i: number) => sample[i % sample.length];
  const refPath = ({ domain, name }: { domain: string; name: string }) => `${domain}/${name}`;
  const searchScenario = (kind: keyof typeof SEARCH_TERMS, description: string): Scenario => ({
    name: `search-${kind}`,
    description: `${description} "${SEARCH_TERMS[kind].term}": /products?q= vs searchProducts`,
    sql: () => lib.searchProducts(actor, { q: SEARCH_TERMS[kind].term }),
    http: [`/products?q=${encodeURIComponent(SEARCH_TERMS[kind].term)}`],
    targets: [
      { on: "sql", p95Ms: 50 },
      { on: "http", p95Ms: 250 },
    ],
  });
  return [
    searchScenario("rare", "rare term"),
    searchScenario("medium", "medium term"),
    searchScenario("common", "common term"),
    searchScenario("typo", "misspelt name"),
    {
      name: "facets",
      description:
        "facet counts over every visible product: /products (first page by name + facets) vs countProductFacets",
      sql: () => lib.countProductFacets(actor, {}),
      http: ["/products"],
      targets: [
        { on: "sql", p95Ms: 50 },
        { on: "http", p95Ms: 250 },
      ],
    },
    {
      name: "facets-common",
      description: `facet counts of the common term "${SEARCH_TERMS.common.term}" (part of its search page): countProductFacets`,
      sql: () => lib.countProductFacets(actor, { q: SEARCH_TERMS.common.term }),
      http: null,
      targets: [{ on: "sql", p95Ms: 50 }],
    },
    {
      name: "product-page",
      description: `product page of ${sample.length} sample products in turn: /products/<domain>/<name> vs loadProductDetail`,
      sql: (i) => lib.loadProductDetail(actor, at(i).domain, at(i).name),
      http: sample.map((p) => `/products/${refPath(p)}`),
      targets: [{ on: "http", p95Ms: 100 }],
    },
    {
      name: "domain-graph",
      description: "domain overview graph: GET /api/v1/graph/domains vs getDomainGraph",
      sql: () => lib.getDomainGraph(actor),
      http: ["/api/v1/graph/domains"],
      targets: [{ on: "http", p95Ms: 200 }],
    },
    {
      name: "neighbourhood",
      description: `one product's neighbourhood, ${sample.length} sample products in turn: GET /api/v1/graph/products?product= vs getProductNeighbourhood`,
      sql: (i) => lib.getProductNeighbourhood(actor, at(i).domain, at(i).name),
      http: sample.map((p) => `/api/v1/graph/products?product=${encodeURIComponent(refPath(p))}`),
      targets: [{ on: "http", p95Ms: 200 }],
    },
    {
      name: "domain-expand",
      description: `the largest domain (${bigDomain}) with its neighbours, as /mesh expands it: GET /api/v1/graph/products?domain= vs getProductGraph`,
      sql: () => lib.getProductGraph(actor, bigDomain),
      http: [`/api/v1/graph/products?domain=${bigDomain}`],
      targets: [{ on: "http", p95Ms: 200 }],
    },
    {
      name: "mesh-metrics",
      description:
        "mesh metrics over every visible product: getMeshMetrics; HTTP is the whole /mesh page (metrics, domain list)",
      sql: () => lib.getMeshMetrics(actor),
      http: ["/mesh"],
      targets: [],
    },
    // Pages whose lists grow with the mesh (no target in issue 3: they are here so that none grows unbounded again).
    {
      name: "home",
      description: "the home page's overview of the mesh: / vs loadMeshOverview",
      sql: () => lib.loadMeshOverview(actor),
      http: ["/"],
      targets: [],
    },
    {
      name: "domain-page",
      description: `the largest domain's page (${bigDomain}): /domains/<name> vs loadDomainDetail`,
      sql: () => lib.loadDomainDetail(actor, bigDomain),
      http: [`/domains/${bigDomain}`],
      targets: [],
    },
    {
      name: "team-page",
      description: `the page of the team owning it (${bigTeam}): /teams/<name> vs loadTeamDetail`,
      sql: () => lib.loadTeamDetail(actor, bigTeam),
      http: [`/teams/${bigTeam}`],
      targets: [],
    },
    {
      name: "polyseme-page",
      description: `the most carried polyseme (${polyseme}): /glossary/<name> vs loadPolysemeDetail`,
      sql: () => lib.loadPolysemeDetail(actor, polyseme),
      http: [`/glossary/${polyseme}`],
      targets: [],
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------
// SQL measurement
// ---------------------------------------------------------------------------------------------------------

async function measureSql(scenario: Scenario): Promise<Latency> {
  for (let i = 0; i < WARMUP_ITERATIONS; i++) await scenario.sql(i);
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < ITERATIONS; i++) {
    const t = performance.now();
    await scenario.sql(i);
    times.push(performance.now() - t);
    if (times.length >= MIN_ITERATIONS && performance.now() - started > SQL_BUDGET_MS) break;
  }
  return summarise(times);
}

// ---------------------------------------------------------------------------------------------------------
// HTTP: a production build in a staging copy, `next start`, autocannon
// ---------------------------------------------------------------------------------------------------------

/**
 * Copies the app into a staging folder and builds it there, so that the benchmark's build never collides with
 * the `.next` of the working tree (which `npm run dev` and the e2e tests use). node_modules is hard-linked.
 */
async function buildApp(): Promise<void> {
  const started = Date.now();
  fs.rmSync(STAGING_DIR, { recursive: true, force: true });
  fs.mkdirSync(STAGING_DIR, { recursive: true });
  for (const entry of APP_ENTRIES) {
    if (!fs.existsSync(entry)) continue;
    // Tests stay behind: they import test helpers the app does not ship, which `next build` would type-check.
    fs.cpSync(entry, path.join(STAGING_DIR, entry), {
      recursive: true,
      filter: (source) => !/\.test\.tsx?$/.test(source),
    });
  }
  await runCommand("cp", ["-al", path.resolve("node_modules"), path.join(STAGING_DIR, "node_modules")], ".");
  say(`building the app in ${STAGING_DIR} (next build)...`);
  await runCommand(
    process.execPath,
    ["node_modules/next/dist/bin/next", "build"],
    STAGING_DIR,
    "/tmp/hexmesh-bench-build.log",
  );
  say(`built in ${((Date.now() - started) / 1000).toFixed(0)} s (log: /tmp/hexmesh-bench-build.log)`);
}

function runCommand(command: string, commandArgs: string[], cwd: string, logFile?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = logFile ? fs.openSync(logFile, "w") : "ignore";
    const child = spawn(command, commandArgs, { cwd, stdio: ["ignore", out, out], env: appEnv() });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (typeof out === "number") fs.closeSync(out);
      if (code === 0) resolve();
      else
        reject(
          new Error(`${command} ${commandArgs.join(" ")} failed (exit ${code})${logFile ? `: see ${logFile}` : ""}`),
        );
    });
  });
}

function appEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_TRUST_HOST: "true",
    AUTH_URL: `http://localhost:${PORT}`,
  };
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

let appServer: ChildProcess | null = null;

/** Stops the `next start` we started (its whole process group). Safe to call twice. */
function stopApp(): void {
  if (appServer?.pid && appServer.exitCode === null) {
    try {
      process.kill(-appServer.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  appServer = null;
}
process.on("exit", stopApp);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    stopApp();
    process.exit(130);
  });
}

async function startApp(): Promise<string> {
  if (!(await portFree(PORT))) {
    throw new Error(`Port ${PORT} is in use; stop that program or choose another with --port.`);
  }
  const log = fs.openSync("/tmp/hexmesh-bench-app.log", "w");
  // As `npm start` runs it (package.json): with a larger young generation.
  appServer = spawn(
    process.execPath,
    ["--max-semi-space-size=64", "node_modules/next/dist/bin/next", "start", "-p", String(PORT)],
    {
      cwd: STAGING_DIR,
      env: appEnv(),
      stdio: ["ignore", log, log],
      detached: true,
    },
  );
  const base = `http://localhost:${PORT}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (appServer.exitCode !== null) throw new Error("next start exited: see /tmp/hexmesh-bench-app.log");
    try {
      const response = await fetch(`${base}/signin`);
      if (response.ok) return base;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error("next start did not answer within 60 s: see /tmp/hexmesh-bench-app.log");
}

/**
 * Waits until no query runs in the bench database: when autocannon stops, the server still works off the requests
 * in flight (seconds each for the slow scenarios), which would otherwise slow down the next scenario.
 */
async function waitForIdleDatabase(url: string): Promise<void> {
  await withClient(url, async (client) => {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ busy: number }>(
        `SELECT count(*)::int AS busy FROM pg_stat_activity
         WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
      );
      if (rows[0].busy === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  });
  // The server may still render and send the last answers.
  await new Promise((resolve) => setTimeout(resolve, 1000));
}

async function measureHttp(
  base: string,
  cookie: string,
  paths: string[],
): Promise<NonNullable<ScenarioResult["http"]>> {
  // Every path once: it must answer 200 to the signed-in user (not a redirect to /signin, not a 404).
  // The server may still be working off the queue of the previous scenario: a few tries, a few seconds apart.
  for (const p of paths) {
    for (let attempt = 1; ; attempt++) {
      const response = await fetch(`${base}${p}`, { headers: { cookie }, redirect: "manual" });
      await response.arrayBuffer();
      if (response.status === 200) break;
      if (attempt === 3) throw new Error(`GET ${p} answered ${response.status}, not 200 (3 tries)`);
      await new Promise((resolve) => setTimeout(resolve, 5000));
    }
  }
  const requests = paths.map((p) => ({ method: "GET", path: p }));
  const options = { url: base, connections: CONNECTIONS, headers: { cookie }, requests, timeout: 30 };
  await autocannon({ ...options, duration: WARMUP_HTTP_S });
  const latencies: number[] = [];
  const instance = autocannon({ ...options, duration: DURATION_S });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
  });
  const result = await instance;
  if (latencies.length === 0) {
    throw new Error(`no response completed within ${DURATION_S} s with ${CONNECTIONS} connections`);
  }
  return {
    ...summarise(latencies),
    reqPerSec: Math.round(result.requests.total / result.duration),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    paths: paths.length > 3 ? [...paths.slice(0, 3), `... (${paths.length} paths)`] : paths,
  };
}

/** A next-auth session cookie for the user, as the app's jwt callback writes it (`uid`). */
async function sessionCookie(secret: string, actor: Actor): Promise<string> {
  const token = await encode({
    token: { sub: actor.id, uid: actor.id, email: actor.email, name: actor.name },
    secret,
    salt: SESSION_COOKIE,
    maxAge: 8 * 60 * 60,
  });
  return `${SESSION_COOKIE}=${token}`;
}

// ---------------------------------------------------------------------------------------------------------
// Fixtures from the bench database
// ---------------------------------------------------------------------------------------------------------

async function loadActor(url: string, email: string): Promise<Actor> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<Omit<Actor, "teams">>(
      "SELECT id, email, name, role::text AS role FROM users WHERE email = $1",
      [email],
    );
    if (!rows[0])
      throw new Error(`${email} is missing: seed the bench database again (npm run bench:seed -- --reset).`);
    const teams = await client.query<Actor["teams"][number]>(
      `SELECT t.id, t.name, t.display_name AS "displayName", m.role::text AS role
       FROM team_memberships m JOIN teams t ON t.id = m.team_id WHERE m.user_id = $1 ORDER BY t.name`,
      [rows[0].id],
    );
    return { ...rows[0], teams: teams.rows };
  });
}

async function loadFixtures(url: string) {
  return withClient(url, async (client) => {
    // A stable spread of active products (visible to everyone), by a hash of their id.
    const sample = await client.query<{ domain: string; name: string }>(
      `SELECT d.name AS domain, p.name FROM data_products p JOIN domains d ON d.id = p.domain_id
       WHERE p.status = 'active' ORDER BY md5(p.id::text) LIMIT $1`,
      [SAMPLE_PRODUCTS],
    );
    const big = await client.query<{ name: string; team: string }>(
      `SELECT d.name, t.name AS team FROM domains d JOIN teams t ON t.id = d.owning_team_id
       JOIN data_products p ON p.domain_id = d.id
       GROUP BY d.name, t.name ORDER BY count(*) DESC, d.name LIMIT 1`,
    );
    const polyseme = await client.query<{ name: string }>(
      `SELECT pol.name FROM polysemes pol JOIN polyseme_product_counts c ON c.polyseme_id = pol.id
       GROUP BY pol.name ORDER BY sum(c.products) DESC, pol.name LIMIT 1`,
    );
    const pg = await client.query<{ server_version: string }>("SHOW server_version");
    const fixtures: Fixtures = {
      sample: sample.rows,
      bigDomain: big.rows[0].name,
      bigTeam: big.rows[0].team,
      polyseme: polyseme.rows[0].name,
    };
    return { fixtures, postgres: pg.rows[0].server_version };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------------------

/** The commit measured (with "+ changes" when the working tree differs from it), or "unknown" outside git. */
function currentCommit(): string {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" }).trim();
    return dirty ? `${commit} + changes` : commit;
  } catch {
    return "unknown";
  }
}

const ms = (n: number | null | undefined) => (n === null || n === undefined || Number.isNaN(n) ? "–" : `${n}`);

function markdown(
  meta: Record<string, string | number>,
  results: ScenarioResult[],
  access: AccessBenchResult | null,
): string {
  const lines = [
    `# Hexmesh benchmark, ${meta.date}: ${meta.products} products`,
    "",
    Object.entries(meta)
      .map(([key, value]) => `- ${key}: ${value}`)
      .join("\n"),
    "",
    "Times in ms. SQL: the lib function called in process, one at a time. HTTP: production build, " +
      `${meta.connections} connections for ${meta.durationSeconds} s. Ratio: HTTP p95 / SQL p95.`,
    "",
    "| Scenario | SQL p50 | SQL p95 | SQL mean | HTTP p50 | HTTP p95 | req/s | HTTP/SQL p95 | Target (p95) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  ];
  for (const r of results) {
    const targets = r.targets
      .map(
        (t) => `${t.on.toUpperCase()} < ${t.p95Ms}: ${t.met === null ? "not measured" : t.met ? "met" : "**missed**"}`,
      )
      .join("; ");
    lines.push(
      `| ${r.name} | ${ms(r.sql.p50)} | ${ms(r.sql.p95)} | ${ms(r.sql.mean)} | ${ms(r.http?.p50)} | ${ms(r.http?.p95)} | ` +
        `${ms(r.http?.reqPerSec)} | ${r.ratio === null ? "–" : r.ratio.toFixed(1)} | ${targets || "–"} |`,
    );
  }
  lines.push("", "Scenarios:", "");
  for (const r of results) {
    const problems =
      r.http && (r.http.non2xx || r.http.errors) ? ` (${r.http.non2xx} non-2xx, ${r.http.errors} errors)` : "";
    const failure = r.httpError ? ` HTTP failed: ${r.httpError}.` : "";
    lines.push(`- **${r.name}**: ${r.description}${problems}${failure}`);
  }
  if (access) {
    const { create, provisioning } = access;
    lines.push(
      "",
      "## Access requests",
      "",
      "| Measure | p50 | p95 | mean | samples | req/s |",
      "| --- | ---: | ---: | ---: | ---: | ---: |",
      `| POST /api/v1/access-requests (${meta.connections} connections) | ${create.p50} | ${create.p95} | ${create.mean} | ` +
        `${create.samples} | ${create.reqPerSec} |`,
      `| approval sent → grant provisioned in PostgreSQL (one at a time) | ${provisioning.p50} | ${provisioning.p95} | ` +
        `${provisioning.mean} | ${provisioning.samples} | – |`,
      "",
      `- **creation**: each request for another output port of an active product, on behalf of the bench member's ` +
        `team; ${create.created} created (201), ${create.non2xx} non-2xx, ${create.errors} errors.`,
      "- **provisioning**: an admin approves pending requests of different teams for one port pointed at the demo " +
        "warehouse table; from sending the approval to the grant's `provisioned_at`, set by the server's job worker " +
        `after granting the privileges` +
        (provisioning.timeouts ? `; ${provisioning.timeouts} not provisioned within 30 s.` : "."),
    );
  }
  return `${lines.join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------------------

async function main(adminUrl: string): Promise<void> {
  const url = benchUrlOf(adminUrl);
  const size = await benchMeshSize(adminUrl);
  if (!size || size.products === 0) {
    throw new Error("The bench database is empty: run `npm run bench:seed` first.");
  }
  await migrate(url, say);
  say(
    `bench mesh: ${size.products} products, ${size.ports} output ports, ${size.fields} fields, ${size.inputs} input ports`,
  );

  // The lib reads its settings through lib/env.ts: point it at the bench database before it is loaded.
  const secret = crypto.randomBytes(32).toString("base64url");
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET = secret;
  const lib = await loadLib();
  const actor = await loadActor(url, BENCH_USERS[role]);
  const { fixtures, postgres } = await loadFixtures(url);
  const only = args.only?.split(",").map((name) => name.trim());
  const all = scenarios(lib, actor, fixtures);
  const chosen = only ? all.filter((s) => only.includes(s.name)) : all;
  // `access`: the access request measurements (HTTP only), bench/access.ts.
  const wantsAccess = !only || only.includes("access");
  if (chosen.length === 0 && !wantsAccess)
    throw new Error(`No scenario named ${args.only}; there are: ${all.map((s) => s.name).join(", ")}, access`);

  say(`SQL as ${actor.email}: ${ITERATIONS} iterations after ${WARMUP_ITERATIONS} warm-up calls`);
  const sqlResults = new Map<string, Latency>();
  for (const scenario of chosen) {
    const latency = await measureSql(scenario);
    sqlResults.set(scenario.name, latency);
    say(
      `  ${scenario.name.padEnd(14)} p50 ${latency.p50} ms, p95 ${latency.p95} ms, mean ${latency.mean} ms (${latency.samples} runs)`,
    );
  }

  const httpResults = new Map<string, ScenarioResult["http"]>();
  const httpErrors = new Map<string, string>();
  const withHttp = chosen.filter((s) => s.http);
  let access: AccessBenchResult | null = null;
  if (!args["no-http"] && (withHttp.length > 0 || wantsAccess)) {
    if (!args["no-build"] || !fs.existsSync(path.join(STAGING_DIR, ".next", "BUILD_ID"))) await buildApp();
    try {
      const base = await startApp();
      const cookie = await sessionCookie(secret, actor);
      say(
        `HTTP on ${base} (next start): ${CONNECTIONS} connections, ${DURATION_S} s per scenario after ${WARMUP_HTTP_S} s`,
      );
      for (const scenario of withHttp) {
        try {
          await waitForIdleDatabase(url);
          const result = await measureHttp(base, cookie, scenario.http!);
          httpResults.set(scenario.name, result);
          say(`  ${scenario.name.padEnd(14)} p50 ${result.p50} ms, p95 ${result.p95} ms, ${result.reqPerSec} req/s`);
        } catch (error) {
          httpErrors.set(scenario.name, (error as Error).message);
          say(`  ${scenario.name.padEnd(14)} failed: ${(error as Error).message}`);
        }
      }
      if (wantsAccess) {
        // The provisioning measurement grants on the demo warehouse table, beside the bench database.
        await ensureDemoWarehouse(url, say);
        await waitForIdleDatabase(url);
        const requester = await loadActor(url, BENCH_USERS.member);
        const admin = await loadActor(url, BENCH_USERS.admin);
        access = await measureAccess({
          base,
          url,
          requester,
          requesterCookie: await sessionCookie(secret, requester),
          adminCookie: await sessionCookie(secret, admin),
          connections: CONNECTIONS,
          durationS: DURATION_S,
          warmupS: WARMUP_HTTP_S,
          say,
        });
      }
    } finally {
      stopApp();
    }
  }

  const results: ScenarioResult[] = chosen.map((scenario) => {
    const sql = sqlResults.get(scenario.name)!;
    const http = httpResults.get(scenario.name) ?? null;
    return {
      name: scenario.name,
      description: scenario.description,
      sql,
      http,
      httpError: httpErrors.get(scenario.name) ?? null,
      ratio: http && sql.p95 > 0 ? Math.round((http.p95 / sql.p95) * 10) / 10 : null,
      targets: scenario.targets.map((target) => {
        const actualMs = target.on === "sql" ? sql.p95 : (http?.p95 ?? null);
        // An HTTP scenario that failed (no answer within the run) missed its target.
        const failed = target.on === "http" && httpErrors.has(scenario.name);
        return { ...target, actualMs, met: failed ? false : actualMs === null ? null : actualMs < target.p95Ms };
      }),
    };
  });
  const date = new Date().toISOString().slice(0, 10);
  const meta = {
    date,
    commit: currentCommit(),
    products: size.products,
    outputPorts: size.ports,
    schemaFields: size.fields,
    inputPorts: size.inputs,
    actor: `${actor.email} (${actor.role}${actor.teams.length ? `, team ${actor.teams.map((t) => t.name).join(", ")}` : ""})`,
    connections: CONNECTIONS,
    durationSeconds: DURATION_S,
    sqlIterations: ITERATIONS,
    node: process.version,
    postgres,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}`,
    loadAverageAtEnd: os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(" "),
  };
  // Runs with other settings than the standard ones get their own file, so they never replace a standard run.
  const standard = !args.only && !args["no-http"] && CONNECTIONS === 8 && DURATION_S === 10;
  // A second run on the same day gets `-2` (and so on): a kept run is never overwritten.
  const base = path.join("bench", "results", `${date}-${size.products}${standard ? "" : "-custom"}`);
  let file = base;
  for (let n = 2; fs.existsSync(`${file}.json`) || fs.existsSync(`${file}.md`); n++) file = `${base}-${n}`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written as Prettier would, so that the kept results pass `prettier --check`.
  const config = (await prettier.resolveConfig(`${file}.md`)) ?? {};
  fs.writeFileSync(
    `${file}.json`,
    await prettier.format(JSON.stringify({ meta, results, access }), { ...config, parser: "json" }),
  );
  const table = await prettier.format(markdown(meta, results, access), { ...config, parser: "markdown" });
  fs.writeFileSync(`${file}.md`, table);
  console.log(`\n${table}`);
  say(`results written to ${file}.json and ${file}.md`);
}

try {
  await withDatabaseServer(main);
  process.exit(0);
} catch (error) {
  stopApp();
  console.error(`[bench] ${(error as Error).message ?? error}`);
  process.exit(1);
}
