import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

// Each case loads the module afresh with its own data folder and port, and never starts a server.
async function load(dataDir: string, port: number) {
  vi.resetModules();
  vi.stubEnv("HEXMESH_DATA_DIR", dataDir);
  vi.stubEnv("HEXMESH_EMBEDDED_PG_PORT", String(port));
  return import("./embedded");
}

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hexmesh-embedded-"));
  fs.chmodSync(dir, 0o755); // as root, a folder the postgres user cannot reach would be replaced by another
  return dir;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("starting the embedded database", () => {
  it("explains a port taken by another program, without a stack trace", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const { startEmbeddedPostgres, DatabaseStartError } = await load(tempDir(), port);
      const failure = startEmbeddedPostgres();
      await expect(failure).rejects.toBeInstanceOf(DatabaseStartError);
      await expect(failure).rejects.toThrow(
        `Port ${port}, where the embedded database listens, is used by another program.`,
      );
    } finally {
      blocker.close();
    }
  });

  it("explains a data folder made by another PostgreSQL version", async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, "pg"));
    fs.writeFileSync(path.join(dir, "pg", "PG_VERSION"), "15\n");
    const { startEmbeddedPostgres } = await load(dir, 54999);
    await expect(startEmbeddedPostgres()).rejects.toThrow(
      /was made by PostgreSQL 15, but the embedded server is PostgreSQL 18/,
    );
  });

  it("explains a data folder that holds something else", async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, "pg"));
    fs.writeFileSync(path.join(dir, "pg", "notes.txt"), "hello");
    const { startEmbeddedPostgres } = await load(dir, 54999);
    await expect(startEmbeddedPostgres()).rejects.toThrow(/holds no PostgreSQL data folder/);
  });

  it.runIf(process.getuid?.() === 0)(
    "as root, keeps the data out of a folder the postgres user cannot reach",
    async () => {
      const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), "hexmesh-private-")); // mode 700
      const { EMBEDDED_DATA_DIR } = await load(path.join(privateDir, ".data"), 54999);
      expect(EMBEDDED_DATA_DIR.startsWith(privateDir)).toBe(false);
      expect(EMBEDDED_DATA_DIR).toMatch(/hexmesh-[0-9a-f]{12}\/pg$/);
    },
  );
});
