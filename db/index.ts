// The one database client. With DATABASE_URL: the `postgres` driver against a real
// server (nothing kept in this process but the pool). Without it: an embedded PGlite
// whose files live under CHRONICLE_DATA_DIR, guarded by an exclusive lock because
// PGlite itself would let a second process open the same files and silently lose writes.
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";
import postgres from "postgres";
import { env } from "@/lib/config/env";
import { DataDirLockedError, lockDataDir } from "./data-dir-lock";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle has the same query API as the database. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

type Handle = { db: Db; kind: "postgres" | "pglite"; close: () => Promise<void> };

/** Start-up failures that carry one sentence telling the operator what to do. */
export class DatabaseStartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DatabaseStartupError";
  }
}

// Next may evaluate this module more than once per process (different bundles);
// the handle lives on globalThis so one process opens the data directory once.
const store = globalThis as unknown as { __chronicleDb?: Handle };

export function openPostgres(url: string, options: { max?: number } = {}): Handle {
  const client = postgres(url, {
    max: options.max ?? Number(process.env.DATABASE_POOL_SIZE || 10),
    onnotice: () => {},
    connect_timeout: 10,
    idle_timeout: 30,
  });
  const db = drizzlePostgres({ client, schema }) as unknown as Db;
  return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
}

export function openPglite(dir: string): Handle {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (cause) {
    throw new DatabaseStartupError(
      `The data directory ${dir} cannot be created or written to; set CHRONICLE_DATA_DIR to a writable directory.`,
      { cause },
    );
  }
  let release: () => void;
  try {
    release = lockDataDir(dir);
  } catch (cause) {
    if (cause instanceof DataDirLockedError) {
      throw new DatabaseStartupError(
        `The embedded database in ${dir} is already open in another Chronicle process (pid ${cause.ownerPid}: the dashboard or a command); stop that process first, or set DATABASE_URL to a PostgreSQL server that several processes can share.`,
        { cause },
      );
    }
    throw cause;
  }
  const client = new PGlite(dir);
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    close: async () => {
      await client.close();
      release();
    },
  };
}

function open(): Handle {
  return env.databaseUrl ? openPostgres(env.databaseUrl) : openPglite(env.pgliteDir);
}

/** The process's database, opened on first use (the build imports this module without using it). */
export function getDb(): Db {
  store.__chronicleDb ??= open();
  return store.__chronicleDb.db;
}

export function dbKind(): "postgres" | "pglite" {
  return store.__chronicleDb?.kind ?? (env.databaseUrl ? "postgres" : "pglite");
}

/** Tests and commands swap in their own database. */
export function setDb(db: Db, kind: "postgres" | "pglite" = "pglite"): void {
  store.__chronicleDb = { db, kind, close: async () => {} };
}

export async function closeDb(): Promise<void> {
  const handle = store.__chronicleDb;
  store.__chronicleDb = undefined;
  await handle?.close();
}

/** Rows of a raw query, whichever driver answered (PGlite returns { rows }, postgres.js an array). */
export async function queryRows<T = Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

export { schema };
