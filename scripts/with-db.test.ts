import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// The runner in front of `npm run dev`, `npm start` and the tests: bad database settings get one clear line.
function run(env: Record<string, string>) {
  return spawnSync("npx", ["tsx", "scripts/with-db.ts", "node", "-e", "process.exit(0)"], {
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("scripts/with-db.ts", () => {
  it("names an unreachable DATABASE_URL server and exits 1 without a stack trace", () => {
    const result = run({ DATABASE_URL: "postgresql://nobody:secret@127.0.0.1:1/hexmesh" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("[hexmesh] Cannot reach the database server of DATABASE_URL");
    expect(result.stderr).not.toMatch(/\n\s+at /);
    // Starting tsx takes seconds on a busy machine.
  }, 60_000);
});
