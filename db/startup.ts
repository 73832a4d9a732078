// Everything that must be true before the app serves: the database answers, the
// schema is current, and an empty database is seeded. Each failure is one sentence.
import { sql } from "drizzle-orm";
import { env } from "@/lib/config/env";
import { DatabaseStartupError, dbKind, getDb } from "./index";
import { migratePgliteDb, migratePostgresUrl } from "./migrate";

function describeConnectionError(cause: unknown): string {
  // Drizzle wraps the driver's error; the code that says what happened is on the inner one.
  const inner = (cause as { cause?: unknown })?.cause ?? cause;
  const e = inner as NodeJS.ErrnoException & { errors?: NodeJS.ErrnoException[] };
  const code = e?.code ?? e?.errors?.[0]?.code;
  const where = (() => {
    try {
      const u = new URL(env.databaseUrl!);
      return `${u.hostname}:${u.port || 5432}${u.pathname}`;
    } catch {
      return "the DATABASE_URL server";
    }
  })();
  if (code === "ECONNREFUSED") return `No PostgreSQL server answers at ${where}; start it or correct DATABASE_URL.`;
  if (code === "ENOTFOUND") return `The host in DATABASE_URL (${where}) cannot be resolved; correct DATABASE_URL.`;
  if (code === "3D000") return `The database in DATABASE_URL (${where}) does not exist; create it or correct DATABASE_URL.`;
  if (code === "28P01" || code === "28000") return `PostgreSQL at ${where} refused the credentials in DATABASE_URL; correct the user or password.`;
  if (code === "ERR_INVALID_URL") return "DATABASE_URL is not a valid postgres:// URL; correct it.";
  return `PostgreSQL at ${where} cannot be reached (${e?.message ?? code}); check that the server runs and DATABASE_URL is right.`;
}

/** Fails fast with a clear sentence when the database cannot be used. */
export async function pingDatabase(): Promise<void> {
  try {
    await getDb().execute(sql`select 1`);
  } catch (cause) {
    if (cause instanceof DatabaseStartupError) throw cause;
    if (dbKind() === "postgres") throw new DatabaseStartupError(describeConnectionError(cause), { cause });
    throw new DatabaseStartupError(
      `The embedded database in ${env.pgliteDir} cannot be opened (${(cause as Error).message}); move the directory aside or set CHRONICLE_DATA_DIR to a new one.`,
      { cause },
    );
  }
}

export async function migrateDatabase(): Promise<void> {
  if (env.databaseUrl) await migratePostgresUrl(env.databaseUrl);
  else await migratePgliteDb(getDb());
}

export type StartupReport = { kind: "postgres" | "pglite"; seeded: boolean; demo?: { email: string; password: string } };

export async function prepareDatabase(options: { seed?: boolean } = {}): Promise<StartupReport> {
  getDb();
  await pingDatabase();
  await migrateDatabase();
  let seeded = false;
  let demo: StartupReport["demo"];
  if (options.seed ?? env.seedOnStart) {
    const { seedIfEmpty } = await import("@/seed/seed");
    const result = await seedIfEmpty(getDb(), { demoUser: dbKind() === "pglite" });
    seeded = result.seeded;
    demo = result.demo;
  }
  return { kind: dbKind(), seeded, demo };
}
