// `npm run db:migrate`: applies pending migrations to DATABASE_URL or the embedded database.
import { closeDb, DatabaseStartupError } from "./index";
import { migrateDatabase, pingDatabase } from "./startup";

try {
  await pingDatabase();
  await migrateDatabase();
  console.log("Database is up to date.");
  await closeDb();
} catch (error) {
  console.error(error instanceof DatabaseStartupError ? error.message : error);
  await closeDb().catch(() => {});
  process.exit(1);
}
