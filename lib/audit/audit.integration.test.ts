import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { writeAudit } from "./index";
import { unique } from "@/scripts/test/factories";

describe("the audit trail", () => {
  it("records an event with the mutation's transaction", async () => {
    const ref = `test:${unique("audit")}`;
    await db.$transaction((tx) =>
      writeAudit(tx, { actor: null, action: "test.done", entityRef: ref, before: { a: 1 }, after: { a: 2 } }),
    );
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityRef: ref } });
    expect(event).toMatchObject({ action: "test.done", before: { a: 1 }, after: { a: 2 }, actorId: null });
  });

  it("is rolled back with a failed mutation", async () => {
    const ref = `test:${unique("audit")}`;
    await expect(
      db.$transaction(async (tx) => {
        await writeAudit(tx, { actor: null, action: "test.done", entityRef: ref });
        throw new Error("the mutation failed");
      }),
    ).rejects.toThrow("the mutation failed");
    expect(await db.auditEvent.count({ where: { entityRef: ref } })).toBe(0);
  });

  it("is append-only: the database rejects UPDATE, DELETE and TRUNCATE", async () => {
    const ref = `test:${unique("audit")}`;
    await db.$transaction((tx) => writeAudit(tx, { actor: null, action: "test.original", entityRef: ref }));

    await expect(
      db.$executeRaw`UPDATE audit_events SET action = 'test.forged' WHERE entity_ref = ${ref}`,
    ).rejects.toThrow(/append-only/);
    await expect(
      db.auditEvent.updateMany({ where: { entityRef: ref }, data: { action: "test.forged" } }),
    ).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM audit_events WHERE entity_ref = ${ref}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe("TRUNCATE audit_events")).rejects.toThrow(/append-only/);

    const rows = await db.auditEvent.findMany({ where: { entityRef: ref } });
    expect(rows).toHaveLength(1);
    expect(rows[0].action).toBe("test.original");
  });
});
