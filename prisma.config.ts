import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI fetches the native schema engine before every command, which fails offline. generate, format
// and validate never run it, so any existing file will do (see README, "Migrations").
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("package.json");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/hexmesh" },
});
