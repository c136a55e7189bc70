// Writes a synthetic mesh of N products into the bench database `hexmesh_bench` (never the demo or test one):
//
//   npm run bench:seed -- [--products 100000] [--seed 42] [--batch 1000] [--reset]
//
// The database is created and migrated like the others (scripts/db/migrate.ts); the embedded server is started
// when it is not running and stopped again afterwards. Rows go in with one multi-row INSERT ... SELECT FROM
// unnest(...) per table and batch, one transaction per batch, so the search triggers fire once per statement.
import { parseArgs } from "node:util";
import pg from "pg";
import { hashPassword } from "../lib/auth/password";
import { withDatabaseServer } from "../scripts/db/server";
import { migrate } from "../scripts/db/migrate";
import { BENCH_DATABASE, benchMeshSize, benchUrlOf, withClient } from "./bench-db";
import {
  BENCH_PASSWORD,
  generateProductBatches,
  generateSkeleton,
  type ProductBatch,
  type Skeleton,
} from "./mesh-generator";
import { SEARCH_TERMS } from "./vocabulary";

const { values: args } = parseArgs({
  options: {
    products: { type: "string", default: "100000" },
    seed: { type: "string", default: "42" },
    batch: { type: "string", default: "1000" },
    jobs: { type: "string", default: "2" },
    reset: { type: "boolean", default: false },
  },
});
const products = Number(args.products);
const seed = Number(args.seed);
const batchSize = Number(args.batch);
const jobs = Number(args.jobs);
if (![products, seed, batchSize, jobs].every((n) => Number.isInteger(n) && n > 0)) {
  console.error("usage: npm run bench:seed -- [--products N] [--seed N] [--batch N] [--jobs N] [--reset]");
  process.exit(2);
}

const say = (line: string) => console.log(`[bench:seed] ${line}`);
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

async function prepareDatabase(adminUrl: string): Promise<string> {
  const url = benchUrlOf(adminUrl);
  const size = await benchMeshSize(adminUrl);
  if (size && size.products > 0 && !args.reset) {
    throw new Error(
      `${BENCH_DATABASE} already holds ${size.products} products. Run with --reset to drop and seed it again.`,
    );
  }
  await withClient(adminUrl, async (client) => {
    if (args.reset) {
      await client.query(`DROP DATABASE IF EXISTS "${BENCH_DATABASE}" WITH (FORCE)`);
      say(`dropped ${BENCH_DATABASE}`);
    }
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [BENCH_DATABASE]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE "${BENCH_DATABASE}"`);
      say(`created ${BENCH_DATABASE}`);
    }
  });
  await migrate(url, say);
  return url;
}

/**
 * A writer connection. Index scans only: the search triggers' plans are made while the tables are still nearly
 * empty and would otherwise scan whole tables for every product of a batch.
 */
async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, options: "-c enable_seqscan=off" });
  await client.connect();
  return client;
}

async function insertSkeleton(client: pg.Client, skeleton: Skeleton, now: string): Promise<void> {
  const { teams, domains, sourceSystems, polysemes, users } = skeleton;
  await client.query(
    `INSERT INTO teams (id, name, display_name, description, updated_at)
     SELECT *, $5::timestamptz FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])`,
    [
      teams.map((t) => t.id),
      teams.map((t) => t.name),
      teams.map((t) => t.displayName),
      teams.map((t) => t.description),
      now,
    ],
  );
  // Parents come before their children in the list, and the FK is checked at the end of the statement.
  await client.query(
    `INSERT INTO domains (id, name, display_name, description, parent_id, owning_team_id, updated_at)
     SELECT *, $7::timestamptz FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::uuid[])`,
    [
      domains.map((d) => d.id),
      domains.map((d) => d.name),
      domains.map((d) => d.displayName),
      domains.map((d) => d.description),
      domains.map((d) => d.parentId),
      domains.map((d) => d.owningTeamId),
      now,
    ],
  );
  await client.query(
    `INSERT INTO source_systems (id, domain_id, name, display_name, kind, updated_at)
     SELECT *, $6::timestamptz FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[])`,
    [
      sourceSystems.map((s) => s.id),
      sourceSystems.map((s) => s.domainId),
      sourceSystems.map((s) => s.name),
      sourceSystems.map((s) => s.displayName),
      sourceSystems.map((s) => s.kind),
      now,
    ],
  );
  await client.query(
    `INSERT INTO polysemes (id, name, display_name, definition, owner_team_id, updated_at)
     SELECT *, $6::timestamptz FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[])`,
    [
      polysemes.map((p) => p.id),
      polysemes.map((p) => p.name),
      polysemes.map((p) => p.displayName),
      polysemes.map((p) => p.definition),
      polysemes.map((p) => p.ownerTeamId),
      now,
    ],
  );
  const hash = await hashPassword(BENCH_PASSWORD);
  for (const user of users) {
    await client.query(
      `INSERT INTO users (id, email, name, password_hash, role, updated_at) VALUES ($1, $2, $3, $4, $5::global_role, $6)`,
      [user.id, user.email, user.name, hash, user.role, now],
    );
    if (user.team) {
      await client.query(`INSERT INTO team_memberships (team_id, user_id, role) VALUES ($1, $2, $3::team_role)`, [
        user.team.id,
        user.id,
        user.team.role,
      ]);
    }
  }
}

async function insertBatch(client: pg.Client, batch: ProductBatch): Promise<void> {
  const { products: p, ports: o, fields: f, inputs: i, slos: s } = batch;
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO data_products (id, domain_id, name, display_name, owning_team_id, archetype, status, description,
         purpose, limitations, usage, tags, version, deprecation_note, sunset_at, created_at, updated_at)
       SELECT id, domain_id, name, display_name, owning_team_id, archetype::archetype, status::lifecycle_status,
              description, purpose, limitations, usage, string_to_array(tags, ','), version, deprecation_note,
              sunset_at, created_at, updated_at
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[],
                   $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::timestamptz[],
                   $16::timestamptz[], $17::timestamptz[])
         AS t(id, domain_id, name, display_name, owning_team_id, archetype, status, description, purpose,
              limitations, usage, tags, version, deprecation_note, sunset_at, created_at, updated_at)`,
      [
        p.id,
        p.domainId,
        p.name,
        p.displayName,
        p.owningTeamId,
        p.archetype,
        p.status,
        p.description,
        p.purpose,
        p.limitations,
        p.usage,
        p.tags,
        p.version,
        p.deprecationNote,
        p.sunsetAt,
        p.createdAt,
        p.updatedAt,
      ],
    );
    await client.query(
      `INSERT INTO output_ports (id, product_id, name, display_name, description, kind, format, server, position,
         created_at, updated_at)
       SELECT id, product_id, name, display_name, description, kind::output_port_kind, format, server::jsonb,
              position, created_at, created_at
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                   $9::int[], $10::timestamptz[])
         AS t(id, product_id, name, display_name, description, kind, format, server, position, created_at)`,
      [o.id, o.productId, o.name, o.displayName, o.description, o.kind, o.format, o.server, o.position, o.createdAt],
    );
    await client.query(
      `INSERT INTO schema_fields (id, output_port_id, position, name, type, description, required, primary_key,
         classification, pii, polyseme_id)
       SELECT id, output_port_id, position, name, type, description, required, primary_key,
              classification::classification, pii, polyseme_id
       FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::bool[], $8::bool[],
                   $9::text[], $10::bool[], $11::uuid[])
         AS t(id, output_port_id, position, name, type, description, required, primary_key, classification, pii,
              polyseme_id)`,
      [
        f.id,
        f.outputPortId,
        f.position,
        f.name,
        f.type,
        f.description,
        f.required,
        f.primaryKey,
        f.classification,
        f.pii,
        f.polysemeId,
      ],
    );
    if (i.id.length > 0) {
      await client.query(
        `INSERT INTO input_ports (id, product_id, source_output_port_id, source_system_id, created_at)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::timestamptz[])`,
        [i.id, i.productId, i.sourceOutputPortId, i.sourceSystemId, i.createdAt],
      );
    }
    if (s.id.length > 0) {
      await client.query(
        `INSERT INTO slos (id, output_port_id, kind, name, objective, threshold, unit, target, created_at, updated_at)
         SELECT id, output_port_id, kind::slo_kind, name, objective, threshold, unit, target, created_at, created_at
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::text[],
                     $8::float8[], $9::timestamptz[])
           AS t(id, output_port_id, kind, name, objective, threshold, unit, target, created_at)`,
        [s.id, s.outputPortId, s.kind, s.name, s.objective, s.threshold, s.unit, s.target, s.createdAt],
      );
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

async function seedMesh(url: string): Promise<void> {
  const now = new Date();
  const skeleton = generateSkeleton();
  await withClient(url, async (client) => {
    await insertSkeleton(client, skeleton, now.toISOString());
    say(
      `${skeleton.teams.length} teams, ${skeleton.domains.length} domains ` +
        `(${skeleton.domains.filter((d) => d.parentId).length} sub-domains), ` +
        `${skeleton.sourceSystems.length} source systems, ${skeleton.polysemes.length} polysemes, ` +
        `${skeleton.users.length} users (password ${BENCH_PASSWORD}: ${skeleton.users.map((u) => u.email).join(", ")})`,
    );
    let done = 0;
    let batches = 0;
    let nextAnalyze = 1;
    let lastReport = Date.now();
    const totals = { ports: 0, fields: 0, inputs: 0, slos: 0 };
    // Up to `jobs` batches in flight, each on its own connection. A batch consumes only ports of batches that
    // have committed (the generator's upstreamLag), else the foreign-key check would not see them.
    const writers = await Promise.all(Array.from({ length: jobs }, () => connect(url)));
    const inFlight: Promise<pg.Client>[] = [];
    try {
      for (const batch of generateProductBatches(skeleton, { products, seed, batchSize, now, upstreamLag: jobs })) {
        // The batch `jobs` back must have committed: this one may consume its ports.
        const writer = inFlight.length < jobs ? writers[inFlight.length] : await inFlight.shift()!;
        inFlight.push(
          insertBatch(writer, batch).then(async () => {
            done += batch.products.id.length;
            totals.ports += batch.ports.id.length;
            totals.fields += batch.fields.id.length;
            totals.inputs += batch.inputs.id.length;
            totals.slos += batch.slos.id.length;
            batches++;
            // Fresh statistics while the tables grow, so that the search triggers' plans use the indexes.
            if (batches >= nextAnalyze) {
              nextAnalyze *= 3;
              await writer.query("ANALYZE data_products, output_ports, schema_fields, input_ports");
            }
            if (Date.now() - lastReport > 5000) {
              lastReport = Date.now();
              const rate = Math.round(done / ((Date.now() - started) / 1000));
              say(`${done}/${products} products (${totals.fields} fields) after ${elapsed()}, ${rate} products/s`);
            }
            return writer;
          }),
        );
      }
      await Promise.all(inFlight);
    } finally {
      await Promise.all(writers.map((writer) => writer.end()));
    }
    say(
      `wrote ${done} products, ${totals.ports} output ports, ${totals.fields} schema fields, ` +
        `${totals.inputs} input ports, ${totals.slos} SLOs in ${elapsed()}`,
    );
    await client.query("VACUUM (ANALYZE)");
    say(`vacuumed and analysed after ${elapsed()}`);
    const { rows } = await client.query<{ kind: string; term: string; products: number }>(
      `SELECT kind, term, (SELECT count(*)::int FROM data_products WHERE name LIKE '%' || term || '%') AS products
       FROM unnest($1::text[], $2::text[]) AS t(kind, term)`,
      [Object.keys(SEARCH_TERMS), Object.values(SEARCH_TERMS).map((t) => t.term)],
    );
    say("search terms (products with the term in their name; more match through fields and texts):");
    for (const row of rows) say(`  ${row.kind.padEnd(7)} ${row.term.padEnd(10)} ${row.products}`);
  });
}

try {
  await withDatabaseServer(async (adminUrl) => {
    const url = await prepareDatabase(adminUrl);
    say(`seeding ${products} products into ${BENCH_DATABASE} (seed ${seed}, batches of ${batchSize})`);
    await seedMesh(url);
  });
  say(`done in ${elapsed()}`);
} catch (error) {
  console.error(`[bench:seed] ${(error as Error).message}`);
  process.exit(1);
}
