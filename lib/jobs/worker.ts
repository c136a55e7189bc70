// The worker: graphile-worker's runner with Hexmesh's tasks and cron, restarted when the database goes away.
import "server-only";
import { Logger, parseCronItems, run, type CronItem, type Runner, type Task, type TaskList } from "graphile-worker";
import { z } from "zod";
import { expireDueGrants, remindExpiringGrants } from "../access/mutations";
import { env } from "../env";
import { reconcileGrant } from "../provisioning/mutations";
import { deliverWebhook } from "../webhooks/delivery";
import type { TaskName } from ".";

const GrantJob = z.object({ grantId: z.uuid() });
const DeliveryJob = z.object({ deliveryId: z.uuid() });

/** A task whose payload must match `schema`; a malformed job is logged and dropped instead of retried. */
function withPayload<T>(schema: z.ZodType<T>, work: (payload: T) => Promise<unknown>): Task {
  return async (payload, helpers) => {
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      helpers.logger.error(`dropping job ${helpers.job.id}: malformed payload ${JSON.stringify(payload)}`);
      return;
    }
    await work(parsed.data);
  };
}

export function createTaskList(): Record<TaskName, Task> {
  return {
    "grant.provisioning": withPayload(GrantJob, ({ grantId }) => reconcileGrant(grantId)),
    "grants.expire": async () => {
      await expireDueGrants();
    },
    "grants.remind": async () => {
      await remindExpiringGrants();
    },
    "webhook.deliver": withPayload(DeliveryJob, ({ deliveryId }) => deliverWebhook(deliveryId)),
  };
}

/** Cron: each runs once per slot however many instances run (graphile-worker's known_crontabs). */
export const CRON_ITEMS: CronItem[] = [
  // Every minute; the next minute retries a failure, so no retries of its own and no backfill.
  { task: "grants.expire", identifier: "grants.expire", match: "* * * * *", options: { maxAttempts: 1 } },
  // Hourly, on the hour; a missed hour (all instances down) is caught up for up to a day.
  {
    task: "grants.remind",
    identifier: "grants.remind",
    match: "0 * * * *",
    options: { maxAttempts: 3, backfillPeriod: 24 * 60 * 60 * 1000 },
  },
];

/** Only warnings and errors (failed jobs with their attempt); not every completed job. */
const logger = new Logger(() => (level, message) => {
  if (level === "error") console.error(`[jobs] ${message}`);
  else if (level === "warning") console.warn(`[jobs] ${message}`);
});

const RETRY_DELAYS_MS = [2_000, 5_000, 15_000, 30_000, 60_000];

const state = globalThis as unknown as {
  hexmeshJobRunner?: { runner: Runner | null; stopping: boolean; retry?: NodeJS.Timeout; failures: number };
};

function supervisor() {
  state.hexmeshJobRunner ??= { runner: null, stopping: false, failures: 0 };
  return state.hexmeshJobRunner;
}

function reasonOf(error: unknown): string {
  const { message, code } = error as { message?: string; code?: string };
  return [code, message].filter(Boolean).join(" ") || String(error);
}

function scheduleRestart(): void {
  const s = supervisor();
  if (s.stopping) return;
  const delay = RETRY_DELAYS_MS[Math.min(s.failures, RETRY_DELAYS_MS.length - 1)];
  s.failures += 1;
  console.error(`[jobs] retrying the job worker in ${delay / 1000} s`);
  s.retry = setTimeout(() => void startRunner(), delay);
}

async function startRunner(): Promise<void> {
  const s = supervisor();
  if (s.stopping || s.runner) return;
  const { DATABASE_URL, JOB_WORKER_CONCURRENCY } = env();
  try {
    const runner = await run({
      connectionString: DATABASE_URL,
      maxPoolSize: JOB_WORKER_CONCURRENCY + 2,
      concurrency: JOB_WORKER_CONCURRENCY,
      taskList: createTaskList() as TaskList,
      parsedCronItems: parseCronItems(CRON_ITEMS),
      noHandleSignals: true,
      logger,
    });
    s.runner = runner;
    s.failures = 0;
    console.log(`[jobs] job worker started (${JOB_WORKER_CONCURRENCY} at a time)`);
    runner.promise.then(
      () => {
        s.runner = null;
        if (!s.stopping) scheduleRestart();
      },
      (error) => {
        s.runner = null;
        console.error(`[jobs] the job worker stopped: ${reasonOf(error)}`);
        scheduleRestart();
      },
    );
  } catch (error) {
    console.error(`[jobs] the job worker could not start: ${reasonOf(error)}`);
    scheduleRestart();
  }
}

/** Stops taking jobs, lets the running ones finish and releases the connections. */
export async function stopJobWorker(): Promise<void> {
  const s = supervisor();
  s.stopping = true;
  clearTimeout(s.retry);
  const runner = s.runner;
  s.runner = null;
  await runner?.stop().catch((error) => console.error(`[jobs] stopping the job worker: ${reasonOf(error)}`));
}

let signalsHandled = false;

/** Starts the worker (retrying in the background when the database is unreachable) and stops it on SIGTERM. */
export async function superviseJobWorker(): Promise<void> {
  if (!signalsHandled) {
    signalsHandled = true;
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void stopJobWorker());
  }
  supervisor().stopping = false;
  await startRunner();
}
