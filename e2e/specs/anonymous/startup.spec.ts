import { spawn } from "node:child_process";
import { expect, test } from "../../fixtures";

// The production build the app server runs from (.next) is started again with a bad setting: it must stop at
// once and name the setting, never serve pages.
function startWith(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("npx", ["next", "start", "-p", "3107"], { env: { ...process.env, ...env } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test("the server refuses to start with an invalid setting and names it", async () => {
  const short = await startWith({ AUTH_SECRET: "too-short" });
  expect(short.code).toBe(1);
  expect(short.output).toContain("AUTH_SECRET must be at least 32 characters long");

  const halfSso = await startWith({
    OIDC_ISSUER: "https://login.example.com",
    OIDC_CLIENT_ID: "",
    OIDC_CLIENT_SECRET: "",
  });
  expect(halfSso.code).toBe(1);
  expect(halfSso.output).toContain("OIDC_CLIENT_ID is required when single sign-on is configured");
});
