import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { actorFor, createTeam, createUser, unique } from "@/scripts/test/factories";

// No session is needed (queries and mutations take the actor), but lib/authz imports the next-auth config.
vi.mock("@/lib/auth/session", () => ({ sessionUserId: async () => null }));

const { markAllNotificationsRead, markNotificationRead, notifyTeam, notifyUsers } = await import("./mutations");
const { countUnreadNotifications, listNotifications } = await import("./queries");
const { NotificationPageInput } = await import("./schemas");

const notice = (title = unique("title")) => ({ kind: "test.kind", title, body: "Body.", link: "/access" });

const rowsOf = (userId: string) =>
  db.notification.findMany({
    where: { userId },
    orderBy: { id: "asc" },
    select: { id: true, title: true, readAt: true },
  });

describe("notifyUsers and notifyTeam", () => {
  it("notify each enabled user once, skipping disabled ones", async () => {
    const [ada, bob, gone] = await Promise.all([createUser(), createUser(), createUser({ disabled: true })]);
    await db.$transaction((tx) => notifyUsers(tx, [ada.id, bob.id, ada.id, gone.id], notice("Hello")));
    expect((await rowsOf(ada.id)).map((row) => row.title)).toEqual(["Hello"]);
    expect(await rowsOf(bob.id)).toHaveLength(1);
    expect(await rowsOf(gone.id)).toEqual([]);
    const [row] = await db.notification.findMany({ where: { userId: ada.id } });
    expect(row).toMatchObject({ kind: "test.kind", body: "Body.", link: "/access", readAt: null });
  });

  it("roll back with the transaction that sent them", async () => {
    const ada = await createUser();
    await expect(
      db.$transaction(async (tx) => {
        await notifyUsers(tx, [ada.id], notice());
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await rowsOf(ada.id)).toEqual([]);
  });

  it("shorten an over-long title instead of failing the change", async () => {
    const ada = await createUser();
    await db.$transaction((tx) => notifyUsers(tx, [ada.id], { ...notice(), title: "x".repeat(400) }));
    const [row] = await db.notification.findMany({ where: { userId: ada.id }, select: { title: true } });
    expect(row.title).toHaveLength(300);
    expect(row.title.endsWith("…")).toBe(true);
  });

  it("refuse a link to another site", async () => {
    const ada = await createUser();
    await expect(
      db.$transaction((tx) => notifyUsers(tx, [ada.id], { ...notice(), link: "//evil.example/x" })),
    ).rejects.toThrow();
    await expect(
      db.$transaction((tx) => notifyUsers(tx, [ada.id], { ...notice(), link: "https://evil.example/x" })),
    ).rejects.toThrow();
  });

  it("notify a team's members, only its owners, or all but the actor", async () => {
    const [owner, coOwner, member, disabled] = await Promise.all([
      createUser(),
      createUser(),
      createUser(),
      createUser({ disabled: true }),
    ]);
    const team = await createTeam([
      { userId: owner.id, role: "owner" },
      { userId: coOwner.id, role: "owner" },
      { userId: member.id, role: "member" },
      { userId: disabled.id, role: "owner" },
    ]);
    await db.$transaction((tx) => notifyTeam(tx, team.id, notice("all")));
    await db.$transaction((tx) => notifyTeam(tx, team.id, notice("owners"), { ownersOnly: true }));
    await db.$transaction((tx) =>
      notifyTeam(tx, team.id, notice("owners but me"), { ownersOnly: true, exceptUserId: owner.id }),
    );
    const titles = async (userId: string) => (await rowsOf(userId)).map((row) => row.title).sort();
    expect(await titles(owner.id)).toEqual(["all", "owners"]);
    expect(await titles(coOwner.id)).toEqual(["all", "owners", "owners but me"]);
    expect(await titles(member.id)).toEqual(["all"]);
    expect(await titles(disabled.id)).toEqual([]);
  });
});

describe("reading notifications", () => {
  it("lists only the actor's own, newest first, in keyset pages with the unread count", async () => {
    const [ada, bob] = await Promise.all([createUser(), createUser()]);
    const base = Date.now() - 60_000;
    await db.notification.createMany({
      data: [
        ...Array.from({ length: 5 }, (_, i) => ({
          userId: ada.id,
          kind: "k",
          title: `ada ${i}`,
          createdAt: new Date(base + i * 1000),
          readAt: i < 2 ? new Date() : null,
        })),
        // Two at the same instant: the id breaks the tie, so none is skipped or repeated across pages.
        { userId: ada.id, kind: "k", title: "ada tie a", createdAt: new Date(base + 10_000) },
        { userId: ada.id, kind: "k", title: "ada tie b", createdAt: new Date(base + 10_000) },
        { userId: bob.id, kind: "k", title: "bob's", createdAt: new Date(base + 20_000) },
      ],
    });
    const actor = await actorFor(ada.id);
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await listNotifications(actor, NotificationPageInput.parse({ limit: "3", after }));
      expect(page.unreadCount).toBe(5);
      seen.push(...page.items.map((item) => item.title));
      after = page.nextCursor ?? undefined;
    } while (after);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen.slice(2)).toEqual(["ada 4", "ada 3", "ada 2", "ada 1", "ada 0"]);
    expect(seen).not.toContain("bob's");
    const unread = await listNotifications(actor, NotificationPageInput.parse({ unread: "true" }));
    expect(unread.items.map((item) => item.title)).not.toContain("ada 0");
    expect(unread.items).toHaveLength(5);
  });

  it("lets a user mark only their own read: another's id is a 404 and stays unread", async () => {
    const [ada, bob] = await Promise.all([createUser(), createUser()]);
    await db.$transaction((tx) => notifyUsers(tx, [ada.id], notice("for ada")));
    await db.$transaction((tx) => notifyUsers(tx, [bob.id], notice("for bob")));
    const [adas] = await rowsOf(ada.id);
    const [bobs] = await rowsOf(bob.id);
    const asBob = await actorFor(bob.id);

    await expect(markNotificationRead(asBob, adas.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(markNotificationRead(asBob, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    expect((await rowsOf(ada.id))[0].readAt).toBeNull();

    await markAllNotificationsRead(asBob);
    expect((await rowsOf(ada.id))[0].readAt).toBeNull();
    expect((await rowsOf(bob.id))[0].readAt).not.toBeNull();

    const asAda = await actorFor(ada.id);
    expect(await countUnreadNotifications(asAda)).toBe(1);
    expect(await markNotificationRead(asAda, adas.id)).toEqual({ unreadCount: 0 });
    const readAt = (await rowsOf(ada.id))[0].readAt;
    expect(readAt).not.toBeNull();
    // Idempotent: marking again keeps the first time.
    await markNotificationRead(asAda, adas.id);
    expect((await rowsOf(ada.id))[0].readAt).toEqual(readAt);
    expect(bobs.title).toBe("for bob");
  });
});
