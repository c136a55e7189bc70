// Setup of the integration tests (vitest project "integration"): a real PostgreSQL, migrated, named by
// DATABASE_URL. `npm run test:integration` runs them through scripts/with-db.ts, which provides one.
if (!process.env.DATABASE_URL) {
  throw new Error("Integration tests need a database: run them with `npm run test:integration`.");
}
const host = new URL(process.env.DATABASE_URL).hostname;
if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host) && process.env.HEXMESH_ALLOW_REMOTE_TESTS !== "1") {
  throw new Error(
    `Refusing to run tests against the non-local database at ${host} (set HEXMESH_ALLOW_REMOTE_TESTS=1).`,
  );
}
process.env.AUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";
// The webhook tests' receivers listen on this machine, which webhooks may not reach otherwise.
process.env.WEBHOOK_ALLOWED_NETWORKS ??= "127.0.0.0/8";
