import crypto from "node:crypto";
import { Logger, run, type Runner } from "graphile-worker";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { enqueueJob, type TaskName } from "./index";

const queuedWithKey = async (key: string) => {
  // The payload is only in graphile-worker's private table (its `jobs` view leaves it out).
  const rows = await db.$queryRaw<{ task: string; payload: unknown; max_attempts: number; run_at: Date }[]>`
    SELECT t.identifier AS task, j.payload, j.max_attempts, j.run_at
    FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE j.key = ${key}`;
  return rows;
};
const removeJob = (key: string) => db.$executeRaw`SELECT FROM graphile_worker.remove_job(${key})`;

const silent = new Logger(() => () => {});
let runner: Runner | undefined;
// Connects before the first test, whose transaction would otherwise wait for the connection on a busy machine.
beforeAll(() => db.$queryRaw`SELECT 1`);
afterEach(async () => {
  await runner?.stop();
  runner = undefined;
});

describe("enqueueJob", () => {
  it("adds the job with the transaction that commits, with its key, time and attempts", async () => {
    const key = `test:${crypto.randomUUID()}`;
    const deliveryId = crypto.randomUUID();
    const runAt = new Date(Date.now() + 60 * 60 * 1000);
    await db.$transaction(async (tx) => {
      await enqueueJob(tx, "webhook.deliver", { deliveryId }, { jobKey: key, runAt, maxAttempts: 7 });
    });
    const [job] = await queuedWithKey(key);
    expect(job).toMatchObject({ task: "webhook.deliver", payload: { deliveryId }, max_attempts: 7 });
    expect(job.run_at.getTime()).toBe(runAt.getTime());
    await removeJob(key);
  });

  it("leaves no job when the transaction rolls back", async () => {
    const key = `test:${crypto.randomUUID()}`;
    const failure = db.$transaction(async (tx) => {
      await enqueueJob(tx, "grant.provisioning", { grantId: crypto.randomUUID() }, { jobKey: key });
      expect(await tx.$queryRaw`SELECT 1 FROM graphile_worker.jobs WHERE key = ${key}`).toHaveLength(1);
      throw new Error("the change failed");
    });
    await expect(failure).rejects.toThrow("the change failed");
    expect(await queuedWithKey(key)).toEqual([]);
  });

  it("a second job with the same key replaces the first", async () => {
    const key = `test:${crypto.randomUUID()}`;
    const later = new Date(Date.now() + 60 * 60 * 1000);
    for (const grantId of [crypto.randomUUID(), crypto.randomUUID()]) {
      await db.$transaction((tx) => enqueueJob(tx, "grant.provisioning", { grantId }, { jobKey: key, runAt: later }));
    }
    expect(await queuedWithKey(key)).toHaveLength(1);
    await removeJob(key);
  });
});

describe("the worker", () => {
  it("runs a committed job right after the commit", async () => {
    // A task name of this test alone, so that the worker takes no job of other tests.
    const task = `test.echo-${crypto.randomUUID().slice(0, 8)}`;
    const seen: { payload: unknown; at: number }[] = [];
    let done!: () => void;
    const ran = new Promise<void>((resolve) => (done = resolve));
    runner = await run({
      connectionString: env().DATABASE_URL,
      concurrency: 1,
      noHandleSignals: true,
      logger: silent,
      taskList: {
        [task]: async (payload) => {
          seen.push({ payload, at: performance.now() });
          done();
        },
      },
    });
    const started = performance.now();
    await db.$transaction((tx) => enqueueJob(tx, task as TaskName, { hello: "mesh" }));
    await ran;
    expect(seen).toHaveLength(1);
    expect(seen[0].payload).toEqual({ hello: "mesh" });
    console.log(`[jobs] enqueue -> run: ${(seen[0].at - started).toFixed(0)} ms`);
  });

  it("retries a failing job with backoff", async () => {
    const task = `test.fail-${crypto.randomUUID().slice(0, 8)}`;
    const key = `test:${crypto.randomUUID()}`;
    let calls = 0;
    runner = await run({
      connectionString: env().DATABASE_URL,
      concurrency: 1,
      noHandleSignals: true,
      logger: silent,
      taskList: {
        [task]: async () => {
          calls += 1;
          throw new Error("target down");
        },
      },
    });
    const failed = new Promise<void>((resolve) => runner!.events.once("job:error", () => resolve()));
    await db.$transaction((tx) => enqueueJob(tx, task as TaskName, {}, { jobKey: key, maxAttempts: 5 }));
    await failed;
    await runner.stop();
    runner = undefined;
    const failure = async () =>
      (
        await db.$queryRaw<{ attempts: number; last_error: string | null; run_at: Date }[]>`
          SELECT attempts, last_error, run_at FROM graphile_worker.jobs WHERE key = ${key}`
      )[0];
    await expect.poll(async () => (await failure()).last_error, { timeout: 5000 }).toContain("target down");
    const job = await failure();
    expect(calls).toBe(1);
    expect(job.attempts).toBe(1);
    // graphile-worker waits exp(attempts) seconds before the next attempt.
    expect(job.run_at.getTime()).toBeGreaterThan(Date.now());
    await removeJob(key);
  });
});
