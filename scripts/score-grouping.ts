// `npm run score:grouping [-- FOLDER]`: ingests a grouping corpus (default
// tests/fixtures/grouping: articles + gold.json mapping file → contact) into a fresh
// database through the real ingest path (four files at once on PostgreSQL, as
// `npm run ingest` does), reads the export's records and their sources' files, and
// prints pairwise precision and recall. PostgreSQL when GROUPING_DATABASE_URL names a
// server (a scratch database is created on it and dropped after), PGlite otherwise.
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import postgres from "postgres";
import { openPostgres, schema, type Db } from "@/db/index";
import { migratePgliteDb, migratePostgresUrl } from "@/db/migrate";
import { exportPage } from "@/db/queries/analytics";
import { defaultFilter } from "@/lib/analytics/filters";
import { collectFiles } from "@/lib/ingest/collect-files";
import { scoreGrouping } from "@/lib/ingest/grouping-score";
import { ingestPaths } from "@/lib/ingest/ingest-paths";
import { seedOrganizations, seedThemes } from "@/seed/seed";

async function withDatabase<T>(work: (db: Db, concurrency: number) => Promise<T>): Promise<T> {
  const server = process.env.GROUPING_DATABASE_URL;
  if (!server) {
    const client = new PGlite();
    const db = drizzle({ client, schema }) as unknown as Db;
    await migratePgliteDb(db);
    try {
      return await work(db, 1);
    } finally {
      await client.close();
    }
  }
  const name = `chronicle_grouping_${randomBytes(4).toString("hex")}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString(), { max: 6 });
  try {
    await migratePostgresUrl(url.toString());
    return await work(handle.db, 4);
  } finally {
    await handle.close();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

export async function runGroupingScore(folder: string) {
  const gold = JSON.parse(fs.readFileSync(path.join(folder, "gold.json"), "utf8")) as Record<string, string>;
  return withDatabase(async (db, concurrency) => {
    await seedThemes(db);
    await seedOrganizations(db);
    const { files } = collectFiles([folder]);
    await ingestPaths(db, files.filter((f) => path.basename(f) in gold), { concurrency });
    const records: string[][] = [];
    for (let afterId = 0; ; ) {
      const page = await exportPage(db, { filter: { ...defaultFilter, includePending: true }, locale: "ru", afterId, limit: 1000 });
      if (page.length === 0) break;
      for (const r of page) records.push(r.sources.map((s) => s.file ?? ""));
      afterId = page[page.length - 1].id;
    }
    return { ...scoreGrouping(records, gold), records: records.length, articles: Object.keys(gold).length };
  });
}

if (process.argv[1] && /score-grouping/.test(process.argv[1])) {
  const folder = process.argv.slice(2).find((a) => a !== "--") ?? path.join(process.cwd(), "tests", "fixtures", "grouping");
  runGroupingScore(folder)
    .then((s) => {
      console.log(`${s.articles} articles → ${s.records} records`);
      console.log(`pairwise precision ${s.precision.toFixed(3)} (${s.truePairs}/${s.predictedPairs}), recall ${s.recall.toFixed(3)} (${s.truePairs}/${s.goldPairs})`);
      if (s.wrong.length) console.log(`wrong pairs: ${s.wrong.join(", ")}`);
      if (s.missed.length) console.log(`missed pairs: ${s.missed.join(", ")}`);
    })
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
}
