// The access request routes of the REST API v1 (called with Request objects and personal API tokens), against a real
// PostgreSQL: idempotent creation, listing, decisions, revocation, and their refusals as problem+json.
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { actorFor, createDomain, createProduct, createTeam, createUser } from "@/scripts/test/factories";

vi.mock("@/lib/auth/session", () => ({ sessionUserId: async () => null }));

const listRoute = await import("@/app/api/v1/access-requests/route");
const requestRoute = await import("@/app/api/v1/access-requests/[id]/route");
const approveRoute = await import("@/app/api/v1/access-requests/[id]/approve/route");
const rejectRoute = await import("@/app/api/v1/access-requests/[id]/reject/route");
const grantRoute = await import("@/app/api/v1/grants/[id]/route");
const { createApiToken } = await import("@/lib/tokens/mutations");
const { toDateInput, addDays } = await import("./schemas");

async function tokenFor(userId: string): Promise<string> {
  return (await createApiToken(await actorFor(userId), { name: "test", expiresIn: "30" })).token;
}

async function setup() {
  const owner = await createUser();
  const requester = await createUser();
  const outsider = await createUser();
  const owningTeam = await createTeam([{ userId: owner.id, role: "owner" }]);
  const consumerTeam = await createTeam([{ userId: requester.id, role: "member" }]);
  await createTeam([{ userId: outsider.id, role: "owner" }]);
  const domain = await createDomain(owningTeam.id);
  const product = await createProduct({ domainId: domain.id, owningTeamId: owningTeam.id });
  const port = await db.outputPort.create({
    data: { productId: product.id, name: "events", displayName: "Events", kind: "events", format: "avro" },
  });
  return {
    port,
    consumerTeam,
    tokens: {
      owner: await tokenFor(owner.id),
      requester: await tokenFor(requester.id),
      outsider: await tokenFor(outsider.id),
    },
    body: {
      product: `${domain.name}/${product.name}`,
      port: port.name,
      consumerTeam: consumerTeam.name,
      purpose: "Fraud detection model features, retrained weekly.",
      use: "data_science",
      startsAt: toDateInput(new Date()),
      endsAt: toDateInput(addDays(new Date(), 60)),
    },
  };
}

function call(method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
  return new Request(`http://localhost${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
  });
}
const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe("POST /api/v1/access-requests", () => {
  it("with one Idempotency-Key twice makes one request and answers the first result again", async () => {
    const s = await setup();
    const key = crypto.randomUUID();
    const first = await listRoute.POST(
      call("POST", "/api/v1/access-requests", s.tokens.requester, s.body, { "idempotency-key": key }),
    );
    expect(first.status).toBe(201);
    const created = await first.json();
    expect(first.headers.get("location")).toBe(`/api/v1/access-requests/${created.id}`);
    const again = await listRoute.POST(
      call("POST", "/api/v1/access-requests", s.tokens.requester, s.body, { "idempotency-key": key }),
    );
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotency-replayed")).toBe("true");
    expect(await again.json()).toEqual(created);
    expect(await db.accessRequest.count({ where: { outputPortId: s.port.id } })).toBe(1);

    const withoutKey = await listRoute.POST(call("POST", "/api/v1/access-requests", s.tokens.requester, s.body));
    expect(withoutKey.status).toBe(422);
    expect((await withoutKey.json()).detail).toMatch(/open request for this port already/);
  });

  it("answers 422 with pointers for invalid fields and 400 for a body that is not JSON", async () => {
    const s = await setup();
    const invalid = await listRoute.POST(
      call("POST", "/api/v1/access-requests", s.tokens.requester, { ...s.body, purpose: "", use: "fun" }),
    );
    expect(invalid.status).toBe(422);
    const pointers = (await invalid.json()).errors.map((error: { pointer: string }) => error.pointer);
    expect(pointers).toEqual(expect.arrayContaining(["/purpose", "/use"]));
    const garbage = new Request("http://localhost/api/v1/access-requests", {
      method: "POST",
      body: "{not json",
      headers: { authorization: `Bearer ${s.tokens.requester}`, "content-type": "application/json" },
    });
    expect((await listRoute.POST(garbage)).status).toBe(400);
    expect(await db.accessRequest.count({ where: { outputPortId: s.port.id } })).toBe(0);
  });
});

describe("deciding and revoking through the API", () => {
  it("lists, approves, refuses the requester and outsiders, and revokes with a reason", async () => {
    const s = await setup();
    const { id } = await (
      await listRoute.POST(call("POST", "/api/v1/access-requests", s.tokens.requester, s.body))
    ).json();

    const inbox = await listRoute.GET(call("GET", "/api/v1/access-requests?role=inbox&status=pending", s.tokens.owner));
    expect((await inbox.json()).items.map((item: { id: string }) => item.id)).toContain(id);
    expect((await requestRoute.GET(call("GET", `/x/${id}`, s.tokens.outsider), params(id))).status).toBe(404);
    expect((await approveRoute.POST(call("POST", "/x", s.tokens.outsider, {}), params(id))).status).toBe(404);
    expect((await approveRoute.POST(call("POST", "/x", s.tokens.requester, {}), params(id))).status).toBe(403);
    expect((await requestRoute.GET(call("GET", "/x", s.tokens.owner), params("not-a-uuid"))).status).toBe(404);

    const approved = await approveRoute.POST(call("POST", "/x", s.tokens.owner, { version: 1 }), params(id));
    expect(approved.status).toBe(200);
    const decided = await approved.json();
    expect(decided).toMatchObject({ status: "approved", grant: { status: "active" } });
    const rejectedLate = await rejectRoute.POST(
      call("POST", "/x", s.tokens.owner, { reason: "Changed my mind." }),
      params(id),
    );
    expect(rejectedLate.status).toBe(409);

    const grantId = decided.grant.id as string;
    expect((await grantRoute.DELETE(call("DELETE", "/x", s.tokens.requester, {}), params(grantId))).status).toBe(403);
    const noReason = await grantRoute.DELETE(call("DELETE", "/x", s.tokens.owner, {}), params(grantId));
    expect(noReason.status).toBe(422);
    const revoked = await grantRoute.DELETE(
      call("DELETE", "/x?reason=Contract%20ended.", s.tokens.owner),
      params(grantId),
    );
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toMatchObject({ status: "revoked", revokeReason: "Contract ended." });
  });
});
