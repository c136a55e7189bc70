// The REST API v1 through its route handlers (called with Request objects), against a real PostgreSQL: personal
// API tokens, registering a product from an ODPS document, contracts, validation, authorization, rate limiting.
import { describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { db } from "@/lib/db";
import {
  actorFor,
  createDomain,
  createProduct as seedProduct,
  createTeam,
  createUser,
  unique,
} from "@/scripts/test/factories";

// No browser session in these tests: every call carries a token (lib/authz imports the next-auth config).
vi.mock("@/lib/auth/session", () => ({ sessionUserId: async () => null }));

const productRoute = await import("@/app/api/v1/products/[domain]/[name]/route");
const odpsRoute = await import("@/app/api/v1/products/[domain]/[name]/odps/route");
const contractRoute = await import("@/app/api/v1/products/[domain]/[name]/ports/[port]/contract/route");
const validateRoute = await import("@/app/api/v1/descriptors/validate/route");
const searchRoute = await import("@/app/api/v1/products/route");
const { createApiToken, revokeApiToken } = await import("@/lib/tokens/mutations");
const { listApiTokens } = await import("@/lib/tokens/queries");
const { hashToken } = await import("@/lib/tokens/secret");
const { apiRateLimiter } = await import("@/lib/auth/api");
const { env } = await import("@/lib/env");
const { validateDescriptor } = await import("@/lib/descriptors");

async function owner() {
  const user = await createUser();
  const team = await createTeam([{ userId: user.id, role: "member" }]);
  const domain = await createDomain(team.id);
  const actor = await actorFor(user.id);
  const { token } = await createApiToken(actor, { name: "ci", expiresIn: "30" });
  return { user, team, domain, actor, token };
}

function odps(domain: string, name: string, extra = "") {
  return [
    "apiVersion: v1.0.0",
    "kind: DataProduct",
    `id: urn:test:${name}`,
    `name: ${name}`,
    `domain: ${domain}`,
    "status: draft",
    "version: 1.0.0",
    "description:",
    "  purpose: Who listens to what.",
    "outputPorts:",
    "  - name: listeners",
    "    version: 1.0.0",
    "    description: One row per listener.",
    extra,
  ].join("\n");
}

const contract = (name: string) => `
apiVersion: v3.1.0
kind: DataContract
id: urn:contract:${name}
name: Listeners
version: 1.0.0
status: draft
schema:
  - name: listeners
    physicalType: table
    properties:
      - name: listener_id
        physicalType: bigint
        primaryKey: true
        required: true
      - name: email
        physicalType: varchar(200)
        customProperties:
          - property: pii
            value: true
`;

function call(method: string, path: string, token: string | null, body?: string, headers: Record<string, string> = {}) {
  return new Request(`http://localhost${path}`, {
    method,
    body,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "content-type": "application/yaml", ...headers },
  });
}

const params = <T>(value: T) => ({ params: Promise.resolve(value) });

async function put(token: string, domain: string, name: string, body: string, headers: Record<string, string> = {}) {
  return productRoute.PUT(
    call("PUT", `/api/v1/products/${domain}/${name}`, token, body, headers),
    params({ domain, name }),
  );
}

describe("personal API tokens", () => {
  it("stores only the hash and a display prefix, and lists the owner's tokens", async () => {
    const { user, actor, token } = await owner();
    expect(token).toMatch(/^hxm_[0-9A-Za-z]{40}$/);
    const rows = await db.apiToken.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0].prefix).toBe(token.slice(0, 12));
    expect((await listApiTokens(actor)).map((t) => t.state)).toEqual(["active"]);
    const audit = await db.auditEvent.findFirst({ where: { actorId: user.id, action: "api_token.created" } });
    expect(audit?.entityRef).toBe(`user:${user.email}`);
  });

  it("answers 401 with WWW-Authenticate for no, unknown, revoked and expired tokens and disabled owners", async () => {
    const { domain, actor, token, user } = await owner();
    const get = (t: string | null) =>
      productRoute.GET(
        call("GET", `/api/v1/products/${domain.name}/x`, t),
        params({ domain: domain.name, name: "xx" }),
      );

    const anonymous = await get(null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(anonymous.headers.get("content-type")).toBe("application/problem+json");
    expect((await get(`hxm_${"x".repeat(40)}`)).status).toBe(401);
    expect((await get(token)).status).toBe(404); // authenticated: the product does not exist

    const { token: expiring, summary } = await createApiToken(actor, { name: "old", expiresIn: "7" });
    await db.apiToken.update({ where: { id: summary.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await get(expiring)).status).toBe(401);

    const [current] = (await listApiTokens(actor)).filter((t) => t.name === "ci");
    await revokeApiToken(actor, current.id);
    const revoked = await get(token);
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get("www-authenticate")).toContain('error="invalid_token"');

    const { token: fresh } = await createApiToken(actor, { name: "new", expiresIn: "never" });
    expect((await get(fresh)).status).toBe(404);
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect((await get(fresh)).status).toBe(401);
  });

  it("limits the requests per token per minute: 429 with Retry-After", async () => {
    const { domain, token } = await owner();
    const row = await db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    // Use up the minute's allowance directly, then one more request goes over.
    await apiRateLimiter().penalty(row.id, env().API_RATE_LIMIT_PER_MINUTE);
    const response = await productRoute.GET(
      call("GET", `/api/v1/products/${domain.name}/x`, token),
      params({ domain: domain.name, name: "xx" }),
    );
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await response.json()).status).toBe(429);
  });
});

describe("PUT /api/v1/products/<domain>/<name>", () => {
  it("creates (201), repeats without a new version, updates, and refuses a stale If-Match (412)", async () => {
    const { domain, token, team } = await owner();
    const name = unique("listeners");
    const created = await put(token, domain.name, name, odps(domain.name, name));
    expect(created.status).toBe(201);
    expect(created.headers.get("etag")).toBe('"1"');
    const body = await created.json();
    expect(body).toMatchObject({ ref: `${domain.name}/${name}`, revision: 1, status: "draft", created: true });

    const again = await put(token, domain.name, name, odps(domain.name, name));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ revision: 1, changes: [], created: false });
    const product = await db.dataProduct.findFirstOrThrow({
      where: { name, domainId: domain.id },
      select: { id: true, owningTeamId: true, descriptor: true },
    });
    expect(product.owningTeamId).toBe(team.id);
    expect((product.descriptor as { id: string }).id).toBe(`urn:test:${name}`);
    expect(await db.productVersion.count({ where: { productId: product.id } })).toBe(1);

    const changed = odps(domain.name, name).replace("Who listens to what.", "Audience analytics.");
    const updated = await put(token, domain.name, name, changed, { "if-match": '"1"' });
    expect(updated.status).toBe(200);
    expect(updated.headers.get("etag")).toBe('"2"');

    const stale = await put(token, domain.name, name, odps(domain.name, name), { "if-match": '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.headers.get("content-type")).toBe("application/problem+json");
    const row = await db.dataProduct.findUniqueOrThrow({
      where: { id: product.id },
      select: { purpose: true, revision: true },
    });
    expect(row).toEqual({ purpose: "Audience analytics.", revision: 2 });

    const get = await productRoute.GET(
      call("GET", `/api/v1/products/${domain.name}/${name}`, token),
      params({ domain: domain.name, name }),
    );
    expect(get.headers.get("etag")).toBe('"2"');
    expect(await get.json()).toMatchObject({
      name,
      domain: domain.name,
      status: "draft",
      revision: 2,
      purpose: "Audience analytics.",
    });

    const exported = await odpsRoute.GET(
      call("GET", `/api/v1/products/${domain.name}/${name}/odps`, token),
      params({ domain: domain.name, name }),
    );
    expect(exported.headers.get("content-type")).toContain("application/odps+yaml");
    const document = parse(await exported.text());
    expect(validateDescriptor("odps", document)).toEqual([]);
    expect(document).toMatchObject({
      id: `urn:test:${name}`,
      name,
      domain: domain.name,
      description: { purpose: "Audience analytics." },
    });
  });

  it("answers 422 with JSON pointers when the document's domain or name disagree with the path, or it is invalid", async () => {
    const { domain, token } = await owner();
    const name = unique("listeners");
    const mismatch = await put(token, domain.name, name, odps("elsewhere", "other-name"));
    expect(mismatch.status).toBe(422);
    const problem = await mismatch.json();
    expect(problem.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(["/domain", "/name"]);

    const invalid = await put(token, domain.name, name, "apiVersion: v1.0.0\nkind: DataProduct\nname: x\n");
    expect(invalid.status).toBe(422);
    const errors = (await invalid.json()).errors as { pointer: string; message: string }[];
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => typeof e.pointer === "string" && e.message)).toBe(true);
    expect(await db.dataProduct.count({ where: { name, domainId: domain.id } })).toBe(0);
  });

  it("answers 403 for a visible product of another team and 404 for an invisible one, changing nothing", async () => {
    const { token } = await owner();
    const other = await owner();
    const visible = await seedProduct({ domainId: other.domain.id, owningTeamId: other.team.id, status: "active" });
    const hidden = await seedProduct({ domainId: other.domain.id, owningTeamId: other.team.id, status: "draft" });

    const forbidden = await put(token, other.domain.name, visible.name, odps(other.domain.name, visible.name));
    expect(forbidden.status).toBe(403);
    const notFound = await put(token, other.domain.name, hidden.name, odps(other.domain.name, hidden.name));
    expect(notFound.status).toBe(404);
    const getHidden = await productRoute.GET(
      call("GET", "/", token),
      params({ domain: other.domain.name, name: hidden.name }),
    );
    expect(getHidden.status).toBe(404);
    for (const product of [visible, hidden]) {
      const row = await db.dataProduct.findUniqueOrThrow({ where: { id: product.id } });
      expect(row.revision).toBe(product.revision);
      expect(row.descriptor).toBeNull();
    }
  });

  it("applies the document's status when the lifecycle allows it, and explains when not", async () => {
    const { domain, token } = await owner();
    const name = unique("listeners");
    const proposed = await put(
      token,
      domain.name,
      name,
      odps(domain.name, name).replace("status: draft", "status: proposed"),
    );
    expect(proposed.status).toBe(422);
    expect((await proposed.json()).errors[0].pointer).toBe("/status");
    // Publishing needs a schema on every port: first the product, then the contract, then the status.
    expect((await put(token, domain.name, name, odps(domain.name, name))).status).toBe(201);
    const port = await contractRoute.PUT(
      call("PUT", "/", token, contract(name)),
      params({ domain: domain.name, name, port: "listeners" }),
    );
    expect(port.status).toBe(200);
    const published = await put(
      token,
      domain.name,
      name,
      odps(domain.name, name).replace("status: draft", "status: active"),
    );
    expect(published.status).toBe(200);
    expect(await published.json()).toMatchObject({ status: "active" });
  });
});

describe("contracts of output ports", () => {
  it("creates a port from an ODCS contract (201), is idempotent, and exports the contract back", async () => {
    const { domain, token } = await owner();
    const name = unique("listeners");
    await put(token, domain.name, name, odps(domain.name, name));
    const putContract = () =>
      contractRoute.PUT(call("PUT", "/", token, contract(name)), params({ domain: domain.name, name, port: "events" }));
    const created = await putContract();
    expect(created.status).toBe(201);
    const { revision } = await created.json();
    const again = await putContract();
    expect(again.status).toBe(200);
    expect((await again.json()).revision).toBe(revision);

    const port = await db.outputPort.findFirstOrThrow({
      where: { name: "events", product: { name, domainId: domain.id } },
      select: {
        contract: true,
        fields: { select: { name: true, pii: true, primaryKey: true }, orderBy: { position: "asc" } },
      },
    });
    expect(port.fields).toEqual([
      { name: "listener_id", pii: false, primaryKey: true },
      { name: "email", pii: true, primaryKey: false },
    ]);
    expect((port.contract as { id: string }).id).toBe(`urn:contract:${name}`);

    const exported = await contractRoute.GET(
      call("GET", "/", token),
      params({ domain: domain.name, name, port: "events" }),
    );
    expect(exported.status).toBe(200);
    const exportedContract = parse(await exported.text());
    expect(exportedContract).toMatchObject({ id: `urn:contract:${name}`, apiVersion: "v3.1.0" });
    expect(validateDescriptor("odcs", exportedContract)).toEqual([]);
    const missing = await contractRoute.GET(
      call("GET", "/", token),
      params({ domain: domain.name, name, port: "nope" }),
    );
    expect(missing.status).toBe(404);
  });
});

describe("POST /api/v1/descriptors/validate and GET /api/v1/products", () => {
  it("validates without saving, and searches what the caller may see", async () => {
    const { domain, token } = await owner();
    const name = unique("listeners");
    const valid = await validateRoute.POST(call("POST", "/", token, odps(domain.name, name)));
    expect(await valid.json()).toMatchObject({ valid: true, kind: "odps" });
    const invalid = await validateRoute.POST(call("POST", "/", token, "apiVersion: v3.1.0\nkind: DataContract\n"));
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).errors.length).toBeGreaterThan(0);
    expect(await db.dataProduct.count({ where: { name } })).toBe(0);

    await put(token, domain.name, name, odps(domain.name, name));
    const search = await searchRoute.GET(call("GET", `/api/v1/products?domain=${domain.name}`, token));
    expect(search.status).toBe(200);
    const page = await search.json();
    expect(page.items.map((item: { name: string }) => item.name)).toContain(name);
    expect(page).toHaveProperty("facets");
    expect(page).toHaveProperty("nextCursor");
  });
});
