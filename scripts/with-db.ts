// Runs a command against a ready database: `tsx scripts/with-db.ts [--test] <command...>`.
//
// With DATABASE_URL set, that server is used as it is: pending migrations are applied, nothing is started.
// Without it, the embedded PostgreSQL starts (data under .data/pg), the database `hexmesh` (or `hexmesh_test`
// with --test) is created and migrated, the demo mesh is seeded into it when it is empty, and the server is
// stopped again when the command ends. The command gets DATABASE_URL in its environment.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describeDatabaseError, openDatabase, type OpenDatabase } from "./db/server";

if (fs.existsSync(".env")) process.loadEnvFile(".env");
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
process.env.CHECKPOINT_DISABLE ??= "1";

const args = process.argv.slice(2);
const forTests = args[0] === "--test";
const command = forTests ? args.slice(1) : args;
if (command.length === 0) {
  console.error("usage: tsx scripts/with-db.ts [--test] <command...>");
  process.exit(2);
}

const say = (line: string) => console.log(`[hexmesh] ${line}`);

/** A stable secret for sessions on this machine, kept beside the embedded data. */
function localAuthSecret(): string {
  const file = path.resolve(".data", "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

let database: OpenDatabase | undefined;
try {
  const started = Date.now();
  database = await openDatabase({ test: forTests, seedIfEmpty: true, log: say });
  if (database.embedded) {
    // Local use: a session secret kept on this machine, and the host the browser uses is trusted.
    process.env.AUTH_SECRET ??= localAuthSecret();
    process.env.AUTH_TRUST_HOST ??= "true";
    say(`embedded PostgreSQL ready at ${new URL(database.url).host} in ${Date.now() - started} ms`);
  }
} catch (error) {
  console.error(`[hexmesh] ${describeDatabaseError(error)}`);
  process.exit(1);
}

// The command runs in a process group of its own, and signals go to the whole group: `npx next start` exits on
// SIGTERM without passing it on, which would leave the server (and its job worker) running without its database.
const child = spawn(command[0], command.slice(1), {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: database.url },
  detached: true,
});
const signalGroup = (signal: NodeJS.Signals | 0): boolean => {
  try {
    process.kill(-child.pid!, signal);
    return true;
  } catch {
    return false;
  }
};
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => signalGroup(signal));
}
child.on("exit", async (code, signal) => {
  // Let what the command started shut down gracefully (finish requests and jobs) before the database stops.
  const deadline = Date.now() + 15_000;
  while (signalGroup(0) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  await database?.close();
  process.exit(code ?? (signal ? 1 : 0));
});
