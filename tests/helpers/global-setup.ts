// Runs once per test run: prepares a migrated template database on the real server
// (when TEST_DATABASE_URL is set) that every integration test clones in milliseconds.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

export function migrationsHash(): string {
  const dir = path.join(process.cwd(), "db", "migrations");
  const h = createHash("sha256");
  for (const f of fs.readdirSync(dir, { recursive: true }).map(String).sort()) {
    const p = path.join(dir, f);
    if (fs.statSync(p).isFile()) h.update(f).update(fs.readFileSync(p));
  }
  return h.digest("hex").slice(0, 12);
}

/** A migrated PGlite data directory, dumped once per migration set and cloned by every test. */
export function pgliteSnapshotPath(): string {
  return path.join(os.tmpdir(), `chronicle-pglite-${migrationsHash()}.tar`);
}

async function preparePgliteSnapshot(): Promise<void> {
  const file = pgliteSnapshotPath();
  process.env.CHRONICLE_PGLITE_SNAPSHOT = file;
  if (fs.existsSync(file)) return;
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migratePgliteDb } = await import("../../db/migrate");
  const schema = await import("../../db/schema");
  const client = new PGlite();
  await migratePgliteDb(drizzle({ client, schema }) as never);
  const blob = (await client.dumpDataDir("none")) as Blob;
  await client.close();
  const tmp = `${file}.${process.pid}`;
  fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
  fs.renameSync(tmp, file);
}

export default async function setup() {
  await preparePgliteSnapshot();
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const template = `chronicle_tpl_${migrationsHash()}`;
  process.env.CHRONICLE_TEST_TEMPLATE = template;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const exists = await admin`select 1 from pg_database where datname = ${template}`;
    if (exists.length) return;
    const building = `${template}_building_${process.pid}`;
    await admin.unsafe(`create database "${building}"`);
    const u = new URL(url);
    u.pathname = `/${building}`;
    const { migratePostgresUrl } = await import("../../db/migrate");
    await migratePostgresUrl(u.toString());
    // Renaming makes the template appear atomically for concurrent runs.
    await admin.unsafe(`alter database "${building}" rename to "${template}"`).catch(async () => {
      await admin.unsafe(`drop database if exists "${building}"`);
    });
  } finally {
    await admin.end();
  }
}
