// `npm run db:migrate`: applies pending migrations to DATABASE_URL's database, or to the embedded one.
import fs from "node:fs";
import { describeDatabaseError, openDatabase } from "./db/server";

if (fs.existsSync(".env")) process.loadEnvFile(".env");
try {
  const database = await openDatabase({ log: (line) => console.log(line) });
  await database.close();
  console.log(`The database is up to date (${new URL(database.url).pathname.slice(1)}).`);
} catch (error) {
  console.error(describeDatabaseError(error));
  process.exit(1);
}
