import { describe, expect, it } from "vitest";
import {
  ACCESS_REQUESTS,
  DOMAINS,
  NOTIFICATIONS,
  POLICIES,
  POLICY_AUTHOR,
  POLYSEMES,
  PRODUCTS,
  SOURCE_SYSTEMS,
  TEAMS,
  USERS,
  type PortRef,
  type SeedProduct,
} from "./seed-data";
import { isLocalDatabaseUrl, serverOnCatalog } from "./seed";

const refOf = (product: SeedProduct) => `${product.domain}/${product.name}`;
const product = (ref: string) => PRODUCTS.find((p) => refOf(p) === ref);
const portsByRef = new Map(
  PRODUCTS.flatMap((p) => p.outputPorts.map((port) => [`${refOf(p)}#${port.name}` as PortRef, { product: p, port }])),
);
const user = (email: string) => USERS.find((u) => u.email === email);
const productOfPort = (ref: string) => ref.split("#")[0];
const consumedPorts = (p: SeedProduct) => p.inputs.flatMap((input) => ("port" in input ? [input.port] : []));

function expectUnique(values: string[]) {
  expect(values.filter((value, index) => values.indexOf(value) !== index)).toEqual([]);
}

describe("demo mesh seed data", () => {
  it("has unique names everywhere", () => {
    expectUnique(TEAMS.map((t) => t.name));
    expectUnique(USERS.map((u) => u.email));
    expectUnique(DOMAINS.map((d) => d.name));
    expectUnique(SOURCE_SYSTEMS.map((s) => `${s.domain}/${s.name}`));
    expectUnique(PRODUCTS.map(refOf));
    expectUnique(POLYSEMES.map((p) => p.name));
    expectUnique(POLICIES.map((p) => p.name));
    for (const p of PRODUCTS) {
      expectUnique(p.outputPorts.map((port) => port.name));
      for (const port of p.outputPorts) {
        expectUnique(port.fields.map((f) => f.name));
        expectUnique(port.slos.map((s) => s.name));
      }
    }
  });

  it("stores emails lower-case", () => {
    for (const u of USERS) expect(u.email).toBe(u.email.toLowerCase());
  });

  it("resolves every reference", () => {
    const teams = new Set(TEAMS.map((t) => t.name));
    const domains = new Set(DOMAINS.map((d) => d.name));
    const systems = new Set(SOURCE_SYSTEMS.map((s) => `${s.domain}/${s.name}`));
    const polysemes = new Set(POLYSEMES.map((p) => p.name));
    DOMAINS.forEach((d, index) => {
      expect(teams).toContain(d.team);
      // Parents are listed before their sub-domains, which the writer relies on.
      if (d.parent) expect(DOMAINS.slice(0, index).map((parent) => parent.name)).toContain(d.parent);
    });
    for (const s of SOURCE_SYSTEMS) expect(domains).toContain(s.domain);
    for (const u of USERS) for (const m of u.teams) expect(teams).toContain(m.team);
    for (const p of POLYSEMES) expect(teams).toContain(p.ownerTeam);
    for (const p of PRODUCTS) {
      expect(domains).toContain(p.domain);
      expect(teams).toContain(p.team);
      for (const input of p.inputs) {
        if ("system" in input) expect(systems).toContain(input.system);
        else expect(portsByRef.has(input.port), input.port).toBe(true);
      }
      for (const port of p.outputPorts) {
        for (const f of port.fields) if (f.polyseme) expect(polysemes).toContain(f.polyseme);
      }
    }
    for (const r of ACCESS_REQUESTS) {
      expect(portsByRef.has(r.port), r.port).toBe(true);
      expect(user(r.requester)).toBeDefined();
      expect(teams).toContain(r.consumerTeam);
      if (r.outcome && r.outcome.status !== "withdrawn" && r.outcome.by) expect(user(r.outcome.by)).toBeDefined();
    }
    for (const n of NOTIFICATIONS) {
      expect(user(n.user)).toBeDefined();
      const linked = n.link.replace(/^\/products\//, "");
      expect(product(linked), n.link).toBeDefined();
    }
    expect(user(POLICY_AUTHOR)?.role).toBe("governance");
  });

  it("has the demo accounts of the README", () => {
    const roleIn = (email: string, team: string) => user(email)?.teams.find((m) => m.team === team)?.role;
    expect(user("admin@hexmesh.local")?.role).toBe("admin");
    expect(user("governance@hexmesh.local")?.role).toBe("governance");
    expect(roleIn("governance@hexmesh.local", "governance")).toBeDefined();
    expect(roleIn("podcasts@hexmesh.local", "podcasts")).toBe("owner");
    expect(roleIn("users@hexmesh.local", "users")).toBe("owner");
    expect(roleIn("consumer@hexmesh.local", "marketing-analytics")).toBe("member");
    expect(USERS.filter((u) => u.disabledDaysAgo !== undefined)).toHaveLength(1);
    expect(PRODUCTS.filter((p) => p.team === "marketing-analytics")).toEqual([]);
    expect(DOMAINS.filter((d) => d.team === "marketing-analytics")).toEqual([]);
  });

  it("has 20 to 30 products over every archetype and lifecycle state, mostly active or deprecated", () => {
    expect(PRODUCTS.length).toBeGreaterThanOrEqual(20);
    expect(PRODUCTS.length).toBeLessThanOrEqual(30);
    expect(new Set(PRODUCTS.map((p) => p.archetype))).toEqual(
      new Set(["source_aligned", "aggregate", "consumer_aligned"]),
    );
    expect(new Set(PRODUCTS.map((p) => p.status))).toEqual(
      new Set(["proposed", "draft", "active", "deprecated", "retired"]),
    );
    const live = PRODUCTS.filter((p) => p.status === "active" || p.status === "deprecated");
    expect(live.length * 2).toBeGreaterThan(PRODUCTS.length);
    for (const d of ["podcasts", "users", "artists", "playback", "recommendations", "finance"]) {
      expect(
        PRODUCTS.some((p) => p.domain === d || p.domain.startsWith(`${d}-`)),
        d,
      ).toBe(true);
    }
  });

  it("describes every product and port completely", () => {
    const serverFor = { table: "postgres", files: "s3", events: "kafka", api: "api" } as Record<string, string>;
    for (const p of PRODUCTS) {
      const ref = refOf(p);
      expect(p.version, ref).toMatch(/^\d+\.\d+\.\d+$/);
      expect(p.description.length, ref).toBeGreaterThanOrEqual(40);
      expect(p.purpose && p.limitations && p.usage, ref).toBeTruthy();
      expect(p.tags.length, ref).toBeGreaterThan(0);
      expect(p.outputPorts.length, ref).toBeGreaterThanOrEqual(1);
      expect(p.outputPorts.length, ref).toBeLessThanOrEqual(3);
      for (const port of p.outputPorts) {
        const where = `${ref}#${port.name}`;
        expect(port.fields.length, where).toBeGreaterThanOrEqual(4);
        expect(port.fields.length, where).toBeLessThanOrEqual(12);
        expect(port.slos.length, where).toBeGreaterThan(0);
        expect(port.server.type, where).toBe(serverFor[port.kind]);
        for (const f of port.fields) {
          if (f.primaryKey) expect(f.required, `${where}.${f.name}`).toBe(true);
          // The governance policy `pii-fields-are-protected` holds for the demo.
          if (f.pii) expect(["confidential", "restricted"], `${where}.${f.name}`).toContain(f.classification);
        }
        if (p.status === "active")
          expect(
            port.slos.some((s) => s.kind === "freshness"),
            where,
          ).toBe(true);
      }
    }
  });

  it("gives deprecated and retired products a note and a sunset date, and no one else", () => {
    for (const p of PRODUCTS) {
      const ended = p.status === "deprecated" || p.status === "retired";
      expect(Boolean(p.lifecycle), refOf(p)).toBe(ended);
      if (p.status === "deprecated") expect(p.lifecycle!.sunsetInDays).toBeGreaterThan(0);
      if (p.lifecycle) expect(p.lifecycle.changedDaysAgo).toBeLessThan(p.daysAgo);
    }
  });

  it("reads source systems into source-aligned products and ports into the others", () => {
    const systemDomain = new Map(SOURCE_SYSTEMS.map((s) => [`${s.domain}/${s.name}`, s.domain]));
    for (const p of PRODUCTS) {
      expect(p.inputs.length, refOf(p)).toBeGreaterThan(0);
      for (const input of p.inputs) {
        if (p.archetype === "source_aligned") {
          expect("system" in input, refOf(p)).toBe(true);
          // A product reads only its own domain's operational systems.
          if ("system" in input) expect(systemDomain.get(input.system)).toBe(p.domain);
        } else {
          expect("port" in input, refOf(p)).toBe(true);
          if ("port" in input) expect(productOfPort(input.port)).not.toBe(refOf(p));
        }
      }
    }
  });

  it("forms an acyclic, cross-domain consumption graph", () => {
    const edges = PRODUCTS.flatMap((p) =>
      consumedPorts(p).map((port) => ({ from: productOfPort(port), to: refOf(p) })),
    );
    const crossDomain = edges.filter((e) => product(e.from)!.domain !== product(e.to)!.domain);
    expect(crossDomain.length).toBeGreaterThanOrEqual(15);

    const visiting = new Set<string>();
    const done = new Set<string>();
    const visit = (ref: string): void => {
      if (done.has(ref)) return;
      expect(visiting.has(ref), `cycle through ${ref}`).toBe(false);
      visiting.add(ref);
      for (const port of consumedPorts(product(ref)!)) visit(productOfPort(port));
      visiting.delete(ref);
      done.add(ref);
    };
    PRODUCTS.forEach((p) => visit(refOf(p)));

    // Live products do not build on products that are not published yet.
    for (const p of PRODUCTS.filter((p) => p.status === "active")) {
      for (const port of consumedPorts(p))
        expect(["active", "deprecated"], `${refOf(p)} <- ${port}`).toContain(product(productOfPort(port))!.status);
    }
  });

  it("contains the article's products exactly", () => {
    const episodes = product("podcasts/released-podcast-episodes")!;
    expect(episodes.archetype).toBe("source_aligned");
    expect(episodes.inputs).toContainEqual(expect.objectContaining({ system: "podcasts/podcast-publishing-service" }));
    expect(SOURCE_SYSTEMS.find((s) => s.name === "podcast-publishing-service")?.displayName).toBe(
      "Podcast publishing service",
    );

    const updates = product("users/user-updates")!;
    expect(updates.archetype).toBe("source_aligned");
    const userId = updates.outputPorts.flatMap((port) => port.fields).filter((f) => f.name === "user_id");
    expect(userId.length).toBeGreaterThan(0);
    for (const f of userId) expect(f.polyseme).toBe("listener");

    const demographic = product("podcasts/podcast-listeners-demographic")!;
    expect(demographic.archetype).toBe("aggregate");
    expect(consumedPorts(demographic).some((port) => productOfPort(port) === "users/user-updates")).toBe(true);
    const fields = demographic.outputPorts[0].fields;
    expect(fields.find((f) => f.name === "listener_id")?.polyseme).toBe("listener");
    expect(fields.some((f) => f.name === "age_band")).toBe(true);

    const listener = POLYSEMES.find((p) => p.name === "listener")!;
    expect(listener).toMatchObject({ displayName: "Listener", ownerTeam: "governance" });
    expect(listener.definition).toMatch(/user id/);
    expect(POLYSEMES.length).toBeGreaterThanOrEqual(4);
    for (const p of POLYSEMES) {
      const linked = PRODUCTS.some((product) =>
        product.outputPorts.some((port) => port.fields.some((f) => f.polyseme === p.name)),
      );
      expect(linked, p.name).toBe(true);
    }
  });

  it("has access requests in every state that make sense for their ports", () => {
    expect(new Set(ACCESS_REQUESTS.map((r) => r.outcome?.status ?? "pending"))).toEqual(
      new Set(["pending", "approved", "rejected", "withdrawn"]),
    );
    for (const r of ACCESS_REQUESTS) {
      const { product: owner, port } = portsByRef.get(r.port)!;
      expect(["active", "deprecated"], r.port).toContain(owner.status);
      expect(
        user(r.requester)!.teams.map((m) => m.team),
        r.requester,
      ).toContain(r.consumerTeam);
      expect(r.consumerTeam).not.toBe(owner.team);
      const outcome = r.outcome;
      if (!outcome) continue;
      expect(outcome.daysAgo).toBeLessThanOrEqual(r.daysAgo);
      if (outcome.status === "withdrawn") continue;
      if (outcome.by === null) {
        expect(port.autoApprove, r.port).toBe(true);
      } else {
        expect(user(outcome.by)!.teams, `${outcome.by} decides for ${owner.team}`).toContainEqual({
          team: owner.team,
          role: "owner",
        });
      }
      if (outcome.status === "rejected") expect(outcome.reason).toBeTruthy();
      // Grants of approved requests are still running.
      if (outcome.status === "approved") expect(r.durationDays).toBeGreaterThan(r.daysAgo);
    }
  });

  it("leaves the first port of podcast-listeners-demographic free for marketing-analytics to request", () => {
    const firstPort = `podcasts/podcast-listeners-demographic#${product("podcasts/podcast-listeners-demographic")!.outputPorts[0].name}`;
    expect(ACCESS_REQUESTS.filter((r) => r.port === firstPort && r.consumerTeam === "marketing-analytics")).toEqual([]);
  });
});

describe("isLocalDatabaseUrl (seeding refuses other machines)", () => {
  it.each([
    ["postgresql://hexmesh:hexmesh@127.0.0.1:54329/hexmesh", true],
    ["postgresql://u:p@localhost/db", true],
    ["postgresql://u:p@[::1]:5432/db", true],
    ["postgresql:///db?host=/var/run/postgresql", true],
    ["postgresql://u:p@db.internal:5432/db", false],
    ["postgresql://u:p@localhost.example.com/db", false],
    ["postgresql://u:p@localhost/db?host=db.internal", false],
  ])("%s -> %s", (url, local) => {
    expect(isLocalDatabaseUrl(url)).toBe(local);
  });
});

describe("the demo warehouse port (provisioned for real)", () => {
  const port = product("podcasts/podcast-listeners-demographic")!.outputPorts.find(
    (p) => p.name === "listeners-demographic",
  )!;

  it("is a table of the demo warehouse", () => {
    expect(port.server).toMatchObject({
      type: "postgres",
      database: "hexmesh_warehouse",
      schema: "podcasts",
      table: "listeners_demographic",
    });
  });

  it("is stored with the host and port of the seeded server; other ports as they are", () => {
    const catalog = new URL("postgresql://hexmesh:hexmesh@127.0.0.1:54329/hexmesh");
    expect(serverOnCatalog(port.server, catalog)).toMatchObject({ host: "127.0.0.1", port: 54329 });
    expect(serverOnCatalog(port.server, new URL("postgresql://u:p@db.internal/hexmesh"))).toMatchObject({
      host: "db.internal",
      port: 5432,
    });
    const other = {
      type: "postgres" as const,
      host: "localhost",
      port: 5432,
      database: "users",
      schema: "public",
      table: "t",
    };
    expect(serverOnCatalog(other, catalog)).toBe(other);
  });
});
