import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { ADMIN_USERS_PAGE_SIZE } from "./schemas";
import { createTeam, createUser } from "@/scripts/test/factories";

// The session is the only thing faked: the actor, the target and the audit trail are real rows.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock("@/lib/auth/session", () => ({ sessionUserId: async () => session.current?.user.id ?? null }));

const { changeUserRole, setUserDisabled } = await import("./mutations");
const { listUsersForAdmin } = await import("./queries");

const signInAs = (user: { id: string }) => {
  session.current = { user: { id: user.id } };
};

const row = (id: string) =>
  db.user.findUniqueOrThrow({ where: { id }, select: { role: true, disabledAt: true, version: true } });

const auditOf = (email: string) =>
  db.auditEvent.findMany({
    where: { entityRef: `user:${email}` },
    orderBy: { id: "asc" },
    select: { action: true, actorId: true, before: true, after: true },
  });

beforeEach(() => {
  session.current = null;
});

describe("changeUserRole", () => {
  it("changes the role, bumps the version and audits before/after in the same change", async () => {
    const admin = await createUser({ role: "admin" });
    const target = await createUser();
    signInAs(admin);
    const result = await changeUserRole({ userId: target.id, role: "governance", version: target.version });
    expect(result).toMatchObject({ id: target.id, role: "governance", version: target.version + 1 });
    expect(await row(target.id)).toMatchObject({ role: "governance", version: target.version + 1 });
    expect(await auditOf(target.email)).toEqual([
      { action: "user.role_changed", actorId: admin.id, before: { role: "member" }, after: { role: "governance" } },
    ]);
  });

  it("refuses a stale version with a conflict and leaves the user as it was", async () => {
    const admin = await createUser({ role: "admin" });
    const target = await createUser();
    signInAs(admin);
    await changeUserRole({ userId: target.id, role: "governance", version: target.version });
    await expect(changeUserRole({ userId: target.id, role: "admin", version: target.version })).rejects.toThrow(
      new ConflictError("Someone else changed this user; reload and try again."),
    );
    expect(await row(target.id)).toMatchObject({ role: "governance", version: target.version + 1 });
    expect(await auditOf(target.email)).toHaveLength(1);
  });

  it("answers 404 to anyone but an admin, and 403 to an admin about themselves, changing nothing", async () => {
    const target = await createUser();
    const owner = await createUser();
    await createTeam([{ userId: owner.id, role: "owner" }]);
    const governance = await createUser({ role: "governance" });
    for (const actor of [owner, governance]) {
      signInAs(actor);
      await expect(changeUserRole({ userId: target.id, role: "admin", version: target.version })).rejects.toThrow(
        NotFoundError,
      );
    }
    const admin = await createUser({ role: "admin" });
    signInAs(admin);
    await expect(changeUserRole({ userId: admin.id, role: "member", version: admin.version })).rejects.toThrow(
      ForbiddenError,
    );
    expect(await row(target.id)).toMatchObject({ role: "member", version: target.version });
    expect(await row(admin.id)).toMatchObject({ role: "admin", version: admin.version });
    expect(await auditOf(target.email)).toEqual([]);
  });

  it("is a no-op when the role does not change", async () => {
    const admin = await createUser({ role: "admin" });
    const target = await createUser();
    signInAs(admin);
    await changeUserRole({ userId: target.id, role: "member", version: target.version });
    expect(await row(target.id)).toMatchObject({ version: target.version });
    expect(await auditOf(target.email)).toEqual([]);
  });
});

describe("setUserDisabled", () => {
  it("disables and enables again, each audited", async () => {
    const admin = await createUser({ role: "admin" });
    const target = await createUser();
    signInAs(admin);
    const disabled = await setUserDisabled({ userId: target.id, disabled: true, version: target.version });
    expect(disabled.disabled).toBe(true);
    expect((await row(target.id)).disabledAt).not.toBeNull();
    await setUserDisabled({ userId: target.id, disabled: false, version: disabled.version });
    expect(await row(target.id)).toMatchObject({ disabledAt: null, version: target.version + 2 });
    expect((await auditOf(target.email)).map((event) => event.action)).toEqual(["user.disabled", "user.enabled"]);
  });

  it("refuses a member (404) and leaves the user enabled", async () => {
    const member = await createUser();
    const target = await createUser();
    signInAs(member);
    await expect(setUserDisabled({ userId: target.id, disabled: true, version: target.version })).rejects.toThrow(
      NotFoundError,
    );
    expect(await row(target.id)).toMatchObject({ disabledAt: null, version: target.version });
  });
});

describe("listUsersForAdmin", () => {
  it("lists users for admins, marks their own row unmanageable, and is a 404 for others", async () => {
    const admin = await createUser({ role: "admin" });
    const other = await createUser();
    signInAs(admin);
    const { users: mine } = await listUsersForAdmin({ q: admin.email });
    expect(mine).toEqual([expect.objectContaining({ id: admin.id, isSelf: true, manageable: false })]);
    const { users: theirs } = await listUsersForAdmin({ q: other.email.toUpperCase() });
    expect(theirs).toEqual([expect.objectContaining({ id: other.id, isSelf: false, manageable: true })]);
    signInAs(other);
    await expect(listUsersForAdmin()).rejects.toThrow(NotFoundError);
    // Authorization comes first: an outsider learns nothing from a bad search either.
    await expect(listUsersForAdmin({ q: "x".repeat(201) })).rejects.toThrow(NotFoundError);
  });

  it("searches names and emails and pages through them by name, forwards and back", async () => {
    const admin = await createUser({ role: "admin" });
    signInAs(admin);
    const prefix = `pager-${crypto.randomUUID().slice(0, 8)}`;
    const count = ADMIN_USERS_PAGE_SIZE + 2;
    await db.user.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        name: `${prefix} ${String(i).padStart(3, "0")}`,
        email: `${prefix}-${i}@test.hexmesh.local`,
      })),
    });
    const names = (page: { users: { name: string }[] }) => page.users.map((user) => user.name);
    const expected = Array.from({ length: count }, (_, i) => `${prefix} ${String(i).padStart(3, "0")}`);

    const first = await listUsersForAdmin({ q: prefix });
    expect(names(first)).toEqual(expected.slice(0, ADMIN_USERS_PAGE_SIZE));
    expect(first.previousCursor).toBeNull();
    const second = await listUsersForAdmin({ q: prefix, after: first.nextCursor! });
    expect(names(second)).toEqual(expected.slice(ADMIN_USERS_PAGE_SIZE));
    expect(second.nextCursor).toBeNull();
    const back = await listUsersForAdmin({ q: prefix, before: second.previousCursor! });
    expect(names(back)).toEqual(expected.slice(0, ADMIN_USERS_PAGE_SIZE));
    expect(back.previousCursor).toBeNull();

    // By email too; a stale or edited cursor opens the first page; the counts are of every user.
    expect(names(await listUsersForAdmin({ q: `${prefix}-7@` }))).toEqual([expected[7]]);
    expect(names(await listUsersForAdmin({ q: `%${prefix}` }))).toEqual([]);
    expect(names(await listUsersForAdmin({ q: prefix, after: "not-a-cursor" }))).toEqual(names(first));
    const total = await db.user.count();
    expect(first.summary.total).toBeGreaterThanOrEqual(count);
    expect(first.summary.total).toBeLessThanOrEqual(total);
    expect(first.summary.byRole.admin).toBeGreaterThanOrEqual(1);
    await expect(listUsersForAdmin({ q: "x".repeat(201) })).rejects.toThrow(InvalidInputError);
  });
});
