// `npx tsx tests/bench/ingest-bench.ts DIR`: every file in DIR through ingestFile (extraction,
// resolution, writes) on the configured database, after the registry is seeded; prints articles/s.
// run-bench.ts gives it a fresh database so the measured corpus is never touched.
import fs from "node:fs";
import path from "node:path";
import { closeDb, getDb } from "@/db/index";
import { migrateDatabase } from "@/db/startup";
import { ingestFile } from "@/lib/ingest/ingest-file";
import { createAppExtractor, invalidateRegistry } from "@/lib/app-extractor";
import { bundledRegistry, seedThemes } from "@/seed/seed";
import { seedRegistries } from "@/seed/registries";

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir || !fs.existsSync(dir)) throw new Error("usage: ingest-bench.ts DIR");
  const db = getDb();
  await migrateDatabase();
  await seedThemes(db);
  await seedRegistries(db, bundledRegistry());
  invalidateRegistry(db);
  const extractor = await createAppExtractor(db);
  const files = fs.readdirSync(dir).sort();
  let stored = 0;
  const t0 = performance.now();
  for (const fileName of files) {
    const outcomes = await ingestFile(db, { bytes: fs.readFileSync(path.join(dir, fileName)), fileName, extractor, userId: null });
    stored += outcomes.filter((o) => o.status === "stored").length;
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log(`${files.length} files, ${stored} stored in ${seconds.toFixed(1)} s: ${(files.length / seconds).toFixed(1)} articles/s`);
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  })
  .finally(() => closeDb());
