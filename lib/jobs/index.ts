// The job queue: graphile-worker on the catalog's own PostgreSQL. A job is added with SQL inside the transaction of
// the change that needs it, so a committed change always has its job and a rolled-back one has none. Workers run
// in every server process (several instances are safe: jobs are locked with SKIP LOCKED, cron runs once).
import "server-only";
import type { Tx } from "../db";
import { duringNextBuild, env } from "../env";

/** The tasks and their payloads (lib/jobs/worker.ts runs them). */
export interface TaskPayloads {
  /** Reconcile one grant with its target database (lib/provisioning). */
  "grant.provisioning": { grantId: string };
  /** Cron, every minute: expire the grants past their end. */
  "grants.expire": Record<string, never>;
  /** Cron, hourly: remind consumers of grants about to expire. */
  "grants.remind": Record<string, never>;
  /** Send one webhook delivery (lib/webhooks). */
  "webhook.deliver": { deliveryId: string };
}
export type TaskName = keyof TaskPayloads;

export interface EnqueueOptions {
  /** At most one queued job per key: a second one with the same key replaces the first. */
  jobKey?: string;
  /** Not before this time (default: now). */
  runAt?: Date;
  /** Attempts before giving up, with exponential backoff between them (default 25). */
  maxAttempts?: number;
}

/**
 * Adds a job in the caller's transaction (`db.$transaction(async (tx) => ...)`): it exists only if the
 * transaction commits, and a worker picks it up right after the commit.
 */
export async function enqueueJob(tx: Tx, task: TaskName, payload: object, options: EnqueueOptions = {}): Promise<void> {
  await tx.$executeRaw`SELECT FROM graphile_worker.add_job(
    ${task}::text,
    ${JSON.stringify(payload)}::json,
    run_at => ${options.runAt ?? null}::timestamptz,
    max_attempts => ${options.maxAttempts ?? null}::int,
    job_key => ${options.jobKey ?? null}::text
  )`;
}

const globalForJobs = globalThis as unknown as { hexmeshJobWorker?: Promise<void> };

/**
 * Starts this process's job worker and cron, once per process (hot reloads included); not during `next build` nor
 * with JOB_WORKER=false. Never throws: when the database cannot be reached it logs and tries again later. Stops
 * gracefully on SIGTERM and SIGINT.
 */
export function startJobWorker(): Promise<void> {
  if (duringNextBuild() || !env().JOB_WORKER) return Promise.resolve();
  globalForJobs.hexmeshJobWorker ??= import("./worker").then(({ superviseJobWorker }) => superviseJobWorker());
  return globalForJobs.hexmeshJobWorker;
}
