import { describe, expect, it } from "vitest";
import { ConfigurationError, parseEnv } from "../env";
import {
  connectionDetails,
  defaultTargets,
  derivePassword,
  normaliseTargets,
  parsePostgresServer,
  roleNameForTeam,
  targetKey,
} from "./schemas";

describe("roleNameForTeam", () => {
  it("prefixes hx_ and keeps letters, digits and underscores", () => {
    expect(roleNameForTeam("marketing-analytics")).toBe("hx_marketing_analytics");
    expect(roleNameForTeam("Finance")).toBe("hx_finance");
    expect(roleNameForTeam('a"b; DROP ROLE x')).toBe("hx_a_b__drop_role_x");
  });

  it("keeps long names within PostgreSQL's 63 bytes and apart from each other", () => {
    const a = roleNameForTeam(`${"x".repeat(80)}-a`);
    const b = roleNameForTeam(`${"x".repeat(80)}-b`);
    expect(a.length).toBeLessThanOrEqual(63);
    expect(a).not.toBe(b);
    expect(a.startsWith("hx_xxx")).toBe(true);
  });
});

describe("derivePassword", () => {
  it("is stable for a secret and role, and changes with either", () => {
    const secret = "s".repeat(32);
    expect(derivePassword(secret, "hx_a")).toBe(derivePassword(secret, "hx_a"));
    expect(derivePassword(secret, "hx_a")).not.toBe(derivePassword(secret, "hx_b"));
    expect(derivePassword(`${secret}!`, "hx_a")).not.toBe(derivePassword(secret, "hx_a"));
    expect(derivePassword(secret, "hx_a")).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe("parsePostgresServer", () => {
  const table = { type: "postgres", host: "db", port: 5432, database: "w", schema: "s", table: "t" };

  it("accepts a PostgreSQL table, with the default port and schema", () => {
    expect(parsePostgresServer(table)).toEqual(table);
    expect(parsePostgresServer({ type: "postgres", host: "db", database: "w", table: "t" })).toEqual({
      ...table,
      schema: "public",
    });
    expect(parsePostgresServer({ ...table, port: "6543" })?.port).toBe(6543);
  });

  it("refuses anything else", () => {
    expect(parsePostgresServer({ type: "s3", location: "s3://x/" })).toBeNull();
    expect(parsePostgresServer({ ...table, table: undefined })).toBeNull();
    expect(parsePostgresServer({ ...table, host: "" })).toBeNull();
    expect(parsePostgresServer(null)).toBeNull();
    expect(parsePostgresServer("postgres")).toBeNull();
  });
});

describe("targets", () => {
  it("keys a server by host, port and database, the host in lower case", () => {
    expect(targetKey({ host: "DB.Example.com", port: 5432, database: "Sales" })).toBe("db.example.com:5432/Sales");
    expect([...normaliseTargets({ "DB.example.com:5432/Sales": "postgresql://a" }).keys()]).toEqual([
      "db.example.com:5432/Sales",
    ]);
  });

  it("defaults to the demo warehouse on the catalog's server with the catalog's credentials", () => {
    expect([...defaultTargets("postgresql://hexmesh:pw@127.0.0.1:54329/hexmesh_test?sslmode=disable")]).toEqual([
      [
        "127.0.0.1:54329/hexmesh_warehouse",
        "postgresql://hexmesh:pw@127.0.0.1:54329/hexmesh_warehouse?sslmode=disable",
      ],
    ]);
    expect([...defaultTargets("postgresql://u:p@db/hexmesh").keys()]).toEqual(["db:5432/hexmesh_warehouse"]);
  });
});

describe("connectionDetails", () => {
  it("gives host, port, database, schema, table, role, password and a URL", () => {
    const details = connectionDetails(
      { type: "postgres", host: "db", port: 5433, database: "ware house", schema: "s", table: "t" },
      { role: "hx_team", password: "p/w" },
    );
    expect(details).toMatchObject({ host: "db", port: 5433, database: "ware house", role: "hx_team", password: "p/w" });
    expect(details.url).toBe("postgresql://hx_team:p%2Fw@db:5433/ware%20house");
  });
});

describe("configuration of provisioning and jobs", () => {
  const valid = { DATABASE_URL: "postgresql://hexmesh:secret@localhost:5432/hexmesh", AUTH_SECRET: "a".repeat(32) };
  const messageOf = (source: Record<string, string>) => {
    try {
      parseEnv(source);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      return (error as Error).message;
    }
    throw new Error("expected a ConfigurationError");
  };

  it("reads PROVISIONING_TARGETS as a JSON object of host:port/database to connection URLs", () => {
    const targets = { "db.example.com:5432/warehouse": "postgresql://admin:pw@db.example.com:5432/warehouse" };
    expect(parseEnv({ ...valid, PROVISIONING_TARGETS: JSON.stringify(targets) }).PROVISIONING_TARGETS).toEqual(targets);
    expect(parseEnv(valid).PROVISIONING_TARGETS).toBeUndefined();
    expect(parseEnv({ ...valid, PROVISIONING_TARGETS: "{}" }).PROVISIONING_TARGETS).toEqual({});
  });

  it("names a malformed PROVISIONING_TARGETS", () => {
    expect(messageOf({ ...valid, PROVISIONING_TARGETS: "{not json" })).toMatch(/^PROVISIONING_TARGETS must be a JSON/m);
    expect(messageOf({ ...valid, PROVISIONING_TARGETS: "[]" })).toMatch(/^PROVISIONING_TARGETS must be a JSON/m);
    expect(messageOf({ ...valid, PROVISIONING_TARGETS: '{"warehouse": "postgresql://x"}' })).toMatch(
      /^PROVISIONING_TARGETS.* must be a JSON object/m,
    );
    expect(messageOf({ ...valid, PROVISIONING_TARGETS: '{"db:5432/w": "mysql://x"}' })).toMatch(
      /^PROVISIONING_TARGETS\.db:5432\/w must be a postgresql:\/\/ connection string/m,
    );
  });

  it("runs the job worker unless JOB_WORKER=false", () => {
    expect(parseEnv(valid)).toMatchObject({ JOB_WORKER: true, JOB_WORKER_CONCURRENCY: 4 });
    expect(parseEnv({ ...valid, JOB_WORKER: "false", JOB_WORKER_CONCURRENCY: "2" })).toMatchObject({
      JOB_WORKER: false,
      JOB_WORKER_CONCURRENCY: 2,
    });
    expect(messageOf({ ...valid, JOB_WORKER: "maybe" })).toMatch(/^JOB_WORKER must be true or false/m);
  });
});
