// Prisma's schema engine, as WebAssembly, driven through the pg driver adapter. Prisma's CLI would download a
// native engine for this, which cannot happen offline; the WASM build ships in an npm package.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import { listMigrations, MIGRATIONS_DIR } from "./migrate";

const SCHEMA_PATH = path.resolve("prisma/schema.prisma");

interface Engine {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
}

function pgConfig(url: string, database?: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: database ?? u.pathname.slice(1),
  };
}

type Field = { dataTypeID: number; charType?: boolean };
type Queryable = {
  client: { query(sql: string): Promise<unknown> };
  performIO(query: unknown): Promise<{ fields: Field[] }>;
  queryRaw(query: unknown): Promise<{ columnTypes: number[] }>;
  executeScript(script: string): Promise<void>;
};
const PG_CHAR = 18;
const PG_TEXT = 25;

/**
 * Two mends to @prisma/adapter-pg 7.10 for the schema engine: its catalog queries return pg's internal `"char"`
 * type (OID 18), which the adapter cannot map (report it as a Character column); and executeScript splits
 * scripts at every `;`, breaking function bodies (send the script whole: PostgreSQL's simple protocol runs
 * several statements).
 */
function mendAdapter<T>(adapter: T): T {
  const queryable = adapter as unknown as Queryable;
  queryable.executeScript = async (script) => {
    await queryable.client.query(script);
  };
  const charColumns = new WeakMap<object, number[]>();
  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    const indexes: number[] = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR) {
        field.dataTypeID = PG_TEXT;
        indexes.push(index);
      }
    });
    charColumns.set(query as object, indexes);
    return result;
  };
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumns.get(query as object) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  return adapter;
}

/**
 * A driver-adapter factory whose shadow databases are created on the same server and dropped only after their
 * connections are closed (the stock factory of @prisma/adapter-pg 7.10 drops first and fails).
 */
function adapterFactory(url: string) {
  const main = new PrismaPg(pgConfig(url));
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => mendAdapter(await main.connect()),
    async connectToShadowDb() {
      const name = `hexmesh_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
      const admin = await main.connect();
      await admin.executeScript(`CREATE DATABASE "${name}"`);
      const shadow = mendAdapter(await new PrismaPg(pgConfig(url, name)).connect());
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await admin.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.dispose();
      };
      return shadow;
    },
  };
}

let panicMessage = "";
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
  set_message: (message: string) => {
    panicMessage = message;
  },
};

type Bindings = { SchemaEngine: { new: (...args: unknown[]) => Promise<Engine> } };
let bindings: Promise<Bindings> | undefined;

/** The WASM module, instantiated once per process (a second instance corrupts the bindings' shared state). */
function loadBindings(): Promise<Bindings> {
  bindings ??= (async () => {
    const dir = path.resolve("node_modules/@prisma/schema-engine-wasm");
    const bindingsModule = await import(path.join(dir, "schema_engine_bg.js"));
    const wasm = fs.readFileSync(path.join(dir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(wasm, { "./schema_engine_bg.js": bindingsModule });
    bindingsModule.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    return bindingsModule as Bindings;
  })();
  return bindings;
}

async function loadEngine(url: string, schema: string): Promise<Engine> {
  const { SchemaEngine } = await loadBindings();
  const factory = bindMigrationAwareSqlAdapterFactory(adapterFactory(url) as never);
  return SchemaEngine.new({ datamodels: [["schema.prisma", schema]] }, () => {}, factory);
}

/**
 * SQL that takes a database from the state of the migrations folder to the state of schema.prisma; empty when
 * they agree. `url` names a server where a temporary shadow database may be created.
 */
export async function diffMigrationsToSchema(
  url: string,
  schema = fs.readFileSync(SCHEMA_PATH, "utf8"),
): Promise<string> {
  const engine = await loadEngine(url, schema);
  const migrations = listMigrations();
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  const result = await engine
    .diff({
      from: {
        tag: "migrations",
        baseDir: MIGRATIONS_DIR,
        lockfile: {
          path: "migration_lock.toml",
          content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
        },
        shadowDbInitScript: "",
        migrationDirectories: migrations.map((m) => ({
          path: m.name,
          migrationFile: {
            path: "migration.sql",
            content: { tag: "ok", value: m.sql },
          },
        })),
      },
      to: {
        tag: "schemaDatamodel",
        files: [{ path: "schema.prisma", content: schema }],
      },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    })
    .catch((error: Error) => {
      throw new Error(panicMessage ? `Prisma's schema engine failed: ${panicMessage}` : error.message);
    });
  engine.free();
  const sql = (result.stdout ?? "").trim();
  return sql === "-- This is an empty migration." ? "" : sql;
}
