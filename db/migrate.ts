// Applies the committed drizzle-kit migrations. Drizzle runs all pending ones in
// one transaction, so a failing migration leaves the database exactly as it was.
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { DatabaseStartupError, openPostgres, type Db } from "./index";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

// Instances starting together must not race each other through the same migration.
const MIGRATION_LOCK = 727_001;

function failure(cause: unknown): DatabaseStartupError {
  const inner = cause instanceof Error && cause.cause instanceof Error ? cause.cause : cause;
  const detail = inner instanceof Error ? inner.message : String(inner);
  return new DatabaseStartupError(
    `A database migration failed (${detail}); the database was left as it was before it, so fix the cause and start again.`,
    { cause },
  );
}

export async function migratePgliteDb(db: Db): Promise<void> {
  try {
    await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder });
  } catch (cause) {
    throw failure(cause);
  }
}

/** Migrates over one dedicated connection that holds an advisory lock for the duration. */
export async function migratePostgresUrl(url: string): Promise<void> {
  const handle = openPostgres(url, { max: 1 });
  try {
    await handle.db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      await migratePostgres(handle.db as unknown as PostgresJsDatabase, { migrationsFolder });
    } finally {
      await handle.db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  } catch (cause) {
    if (cause instanceof DatabaseStartupError) throw cause;
    throw failure(cause);
  } finally {
    await handle.close();
  }
}
