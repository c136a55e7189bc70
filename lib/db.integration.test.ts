import { describe, expect, it } from "vitest";
import { failure } from "@/lib/action-result";
import { errorResponse } from "@/lib/api/problem";
import { db, prepared } from "@/lib/db";
import { isNulInText, NUL_IN_TEXT } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

// What the connection has prepared, read on the same connection as the queries (one transaction).
const preparedOnConnection = (tx: Prisma.TransactionClient) =>
  tx.$queryRaw<{ statement: string }[]>`SELECT statement FROM pg_prepared_statements ORDER BY prepare_time`;

describe("prepared", () => {
  it("runs a marked query as one named statement per connection, with each call's own values", async () => {
    const lookup = (n: number) =>
      prepared(Prisma.sql`SELECT ${n}::int * 2 AS doubled, now()::timestamp(3) AS at, '{"a":[1]}'::json AS doc`);

    const { results, statements } = await db.$transaction(async (tx) => {
      const results = [];
      for (const n of [1, 2, 3])
        results.push(...(await tx.$queryRaw<{ doubled: number; at: Date; doc: unknown }[]>(lookup(n))));
      return { results, statements: await preparedOnConnection(tx) };
    });

    expect(results.map((row) => row.doubled)).toEqual([2, 4, 6]);
    // Rows come back typed as with any raw query: dates as Date, JSON parsed.
    expect(results[0].at).toBeInstanceOf(Date);
    expect(results[0].doc).toEqual({ a: [1] });
    expect(statements.filter((row) => row.statement === lookup(1).text)).toHaveLength(1);
  });

  it("leaves an unmarked query unnamed", async () => {
    const statements = await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT ${41}::int + 1 AS unmarked`;
      return preparedOnConnection(tx);
    });
    expect(statements.map((row) => row.statement).join("\n")).not.toContain("unmarked");
  });
});

describe("text with a NUL character", () => {
  it("is refused by PostgreSQL, and answered as bad input: 422 from the API, a message in a form", async () => {
    const error: unknown = await db.$queryRaw`SELECT ${"a\0b"}::text AS value`.then(
      () => null,
      (refused: unknown) => refused,
    );
    expect(isNulInText(error)).toBe(true);

    const response = errorResponse(error);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ detail: NUL_IN_TEXT, errors: [{ message: NUL_IN_TEXT }] });
    expect(failure(error)).toEqual({ ok: false, message: NUL_IN_TEXT, fieldErrors: {} });
    expect(isNulInText(new Error("something else"))).toBe(false);
  });
});
