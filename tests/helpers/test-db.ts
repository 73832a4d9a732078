// A fresh, migrated database for each test: PGlite always, and the real server too
// when TEST_DATABASE_URL is set (a clone of the migrated template database).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import postgres from "postgres";
import { afterEach, beforeEach } from "vitest";
import { openPostgres, schema, setDb, type Db } from "@/db/index";
import { migratePgliteDb } from "@/db/migrate";

export type TestDbKind = "pglite" | "postgres";

export const testDbKinds = (): TestDbKind[] => (process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"]);

export interface TestDb {
  db: Db;
  kind: TestDbKind;
  /** A postgres:// URL for this database (postgres kind only), for code that opens its own connections. */
  url?: string;
  close: () => Promise<void>;
}

// Migrating PGlite takes a while; migrate once per worker and clone the data directory.
let pgliteSnapshot: Promise<Blob> | undefined;
async function snapshot(): Promise<Blob> {
  pgliteSnapshot ??= (async () => {
    const file = process.env.CHRONICLE_PGLITE_SNAPSHOT;
    if (file && fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
    const client = new PGlite();
    await migratePgliteDb(drizzle({ client, schema }) as unknown as Db);
    const blob = (await client.dumpDataDir("none")) as Blob;
    await client.close();
    return blob;
  })();
  return pgliteSnapshot;
}

export async function createTestDb(kind: TestDbKind): Promise<TestDb> {
  if (kind === "pglite") {
    const client = new PGlite({ loadDataDir: await snapshot() });
    const db = drizzle({ client, schema }) as unknown as Db;
    return { db, kind, close: () => client.close() };
  }
  const base = process.env.TEST_DATABASE_URL!;
  const template = process.env.CHRONICLE_TEST_TEMPLATE;
  if (!template) throw new Error("the global setup did not prepare a template database");
  const name = `chronicle_t_${randomBytes(6).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}" template "${template}"`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  const handle = openPostgres(u.toString(), { max: 4 });
  return {
    db: handle.db,
    kind,
    url: u.toString(),
    close: async () => {
      await handle.close();
      const drop = postgres(base, { max: 1, onnotice: () => {} });
      await drop.unsafe(`drop database if exists "${name}" with (force)`);
      await drop.end();
    },
  };
}

/**
 * Gives each test of the enclosing describe its own database, installed as the
 * app's database (getDb()) for the duration of the test.
 */
export function useTestDb(kind: TestDbKind): { readonly db: Db; readonly current: TestDb } {
  let current: TestDb | undefined;
  beforeEach(async () => {
    current = await createTestDb(kind);
    setDb(current.db, kind);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    get db() {
      if (!current) throw new Error("useTestDb: no database outside a test");
      return current.db;
    },
    get current() {
      if (!current) throw new Error("useTestDb: no database outside a test");
      return current;
    },
  };
}
