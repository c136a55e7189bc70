// End-to-end tests in Chromium against a production build of the app and a real local OpenID Provider.
// Run through `npm run test:e2e` (that is `tsx scripts/with-db.ts --test playwright test`): it sets DATABASE_URL
// (and AUTH_SECRET for the embedded database), which both the app and the tests use.
import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import type { TestOptions } from "./e2e/fixtures";
import { PERSONA_KEYS, PERSONAS, storageStateFor } from "./e2e/personas";

const CI = Boolean(process.env.CI);
const APP_PORT = 3100;
const APP_URL = `http://localhost:${APP_PORT}`;
const OIDC_PORT = 3901;
const OIDC_ISSUER = `http://localhost:${OIDC_PORT}`;
const OIDC_CLIENT_ID = "hexmesh";
const OIDC_CLIENT_SECRET = "hexmesh-oidc-secret";

// Debian's Chromium where it is installed (`apt-get install -y chromium`; Playwright cannot download its own
// browser offline), else Playwright's bundled one.
const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const executablePath = fs.existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;

export default defineConfig<TestOptions>({
  testDir: "./e2e",
  outputDir: "./test-results",
  // One `next start` process on a 2-core machine: two workers keep it busy without starving it.
  workers: 2,
  fullyParallel: false,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  reporter: "list",
  // Generous: a production server on 2 cores, sharing them with the browser and argon2 hashing.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    ...devices["Desktop Chrome"],
    // Browse on the AUTH_URL host, or Auth.js refuses the sign-in (MissingCSRF).
    baseURL: APP_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    // Signs each demo persona in through the UI once and saves the browser state for its project.
    { name: "setup", testMatch: /auth\.setup\.ts$/ },
    // A flow that only one persona can run (it acts as that account) is tagged `@as-<persona>`; the other
    // personas' projects leave it out instead of skipping it.
    ...PERSONA_KEYS.map((key) => ({
      name: PERSONAS[key].project,
      dependencies: ["setup"],
      grepInvert: new RegExp(`@as-(${PERSONA_KEYS.filter((other) => other !== key).join("|")})\\b`),
      testMatch:
        key === "admin"
          ? ["specs/signed-in/**/*.spec.ts", "specs/admin/**/*.spec.ts"]
          : ["specs/signed-in/**/*.spec.ts"],
      use: { persona: key, storageState: storageStateFor(key) },
    })),
    // Visitors without a session: sign-in, throttling, disabled accounts, SSO.
    { name: "anonymous", testMatch: ["specs/anonymous/**/*.spec.ts"], use: { persona: null } },
  ],
  webServer: [
    {
      name: "app",
      // The production server as `npm start` runs it (see package.json).
      command: `npx next build && node --max-semi-space-size=64 node_modules/next/dist/bin/next start -p ${APP_PORT}`,
      url: `${APP_URL}/api/auth/providers`,
      reuseExistingServer: !CI,
      timeout: 600_000,
      stdout: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
      env: {
        AUTH_URL: APP_URL,
        AUTH_TRUST_HOST: "true",
        // The tests that fail sign-ins on purpose send an X-Forwarded-For of their own (e2e/addresses.ts).
        TRUST_PROXY: "true",
        // The webhook test's receiver listens on this machine, which webhooks may not reach otherwise.
        WEBHOOK_ALLOWED_NETWORKS: "127.0.0.0/8",
        NEXT_TELEMETRY_DISABLED: "1",
        OIDC_ISSUER,
        OIDC_CLIENT_ID,
        OIDC_CLIENT_SECRET,
        OIDC_DISPLAY_NAME: "Hexmesh SSO",
      },
    },
    {
      name: "oidc",
      command: "node e2e/oidc/provider.mjs",
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      reuseExistingServer: !CI,
      timeout: 30_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 2_000 },
      env: {
        OIDC_TEST_PORT: String(OIDC_PORT),
        OIDC_TEST_CLIENT_ID: OIDC_CLIENT_ID,
        OIDC_TEST_CLIENT_SECRET: OIDC_CLIENT_SECRET,
        OIDC_TEST_REDIRECT_URI: `${APP_URL}/api/auth/callback/oidc`,
      },
    },
  ],
});
