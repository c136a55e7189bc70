// /api/v1/notifications through its route handlers with personal API tokens: a caller sees and marks only their own.
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { actorFor, createUser } from "@/scripts/test/factories";

// No browser session in these tests: every call carries a token (lib/authz imports the next-auth config).
vi.mock("@/lib/auth/session", () => ({ sessionUserId: async () => null }));

const listRoute = await import("@/app/api/v1/notifications/route");
const readAllRoute = await import("@/app/api/v1/notifications/read/route");
const readOneRoute = await import("@/app/api/v1/notifications/[id]/read/route");
const { createApiToken } = await import("@/lib/tokens/mutations");

const BASE = "http://localhost/api/v1/notifications";

async function caller() {
  const user = await createUser();
  const { token } = await createApiToken(await actorFor(user.id), { name: "bell", expiresIn: "30" });
  await db.notification.createMany({
    data: [1, 2, 3].map((i) => ({ userId: user.id, kind: "k", title: `${user.name} ${i}`, link: "/access" })),
  });
  const ids = (await db.notification.findMany({ where: { userId: user.id }, select: { id: true } })).map((n) => n.id);
  const auth = { authorization: `Bearer ${token}` };
  return { user, auth, ids };
}

const readOne = (id: string, headers: Record<string, string>) =>
  readOneRoute.POST(new Request(`${BASE}/${id}/read`, { method: "POST", headers }), {
    params: Promise.resolve({ id }),
  });

describe("/api/v1/notifications", () => {
  it("lists the caller's own with the unread count and pages by cursor", async () => {
    const { user, auth } = await caller();
    const first = await listRoute.GET(new Request(`${BASE}?limit=2`, { headers: auth }));
    expect(first.status).toBe(200);
    const page = await first.json();
    expect(page.unreadCount).toBe(3);
    expect(page.items).toHaveLength(2);
    expect(page.items.every((item: { title: string }) => item.title.startsWith(user.name))).toBe(true);
    const second = await (
      await listRoute.GET(new Request(`${BASE}?limit=2&after=${page.nextCursor}`, { headers: auth }))
    ).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();

    const bad = await listRoute.GET(new Request(`${BASE}?after=nonsense&limit=0`, { headers: auth }));
    expect(bad.status).toBe(422);
    expect((await listRoute.GET(new Request(BASE))).status).toBe(401);
  });

  it("marks one of the caller's read, answers 404 for another's and leaves it unread", async () => {
    const ada = await caller();
    const bob = await caller();
    const response = await readOne(bob.ids[0], ada.auth);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await db.notification.count({ where: { userId: bob.user.id, readAt: null } })).toBe(3);
    expect((await readOne("not-a-uuid", ada.auth)).status).toBe(404);

    const own = await readOne(ada.ids[0], ada.auth);
    expect(own.status).toBe(200);
    expect(await own.json()).toEqual({ unreadCount: 2 });

    const all = await readAllRoute.POST(new Request(`${BASE}/read`, { method: "POST", headers: ada.auth }));
    expect(await all.json()).toEqual({ marked: 2, unreadCount: 0 });
    expect(await db.notification.count({ where: { userId: ada.user.id, readAt: null } })).toBe(0);
    expect(await db.notification.count({ where: { userId: bob.user.id, readAt: null } })).toBe(3);
  });
});
