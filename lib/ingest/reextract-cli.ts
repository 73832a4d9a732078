// `npm run reextract`: re-runs the extractor (with the database's registries) over the
// articles of pending records; editors' values are kept, disagreements become proposals.
import cliProgress from "cli-progress";
import { closeDb, DatabaseStartupError, getDb } from "@/db/index";
import { migrateDatabase, pingDatabase } from "@/db/startup";
import { closeExtractionPool } from "@/lib/extract-runner";
import { reextractPending } from "./reextract";

async function main(): Promise<number> {
  const db = getDb();
  await pingDatabase();
  await migrateDatabase();
  const bar = new cliProgress.SingleBar(
    { format: "re-extracting [{bar}] {value}/{total} articles | ETA {eta_formatted}", stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const summary = await reextractPending(db, {
    onArticle: (done, total) => {
      if (!process.stderr.isTTY) return;
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
  });
  if (started) bar.stop();
  for (const f of summary.failed) console.error(`article ${f.articleId}: ${f.reason}`);
  console.log(
    `${summary.articles} articles: ${summary.meetingsUpdated} records updated, ${summary.meetingsCreated} created, ` +
      `${summary.proposals} proposals beside editors' values, ${summary.failed.length} failed`,
  );
  return summary.failed.length ? 1 : 0;
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    if (error instanceof DatabaseStartupError) console.error(`Cannot re-extract: ${error.message}`);
    else console.error(`Re-extraction failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => Promise.all([closeDb().catch(() => {}), closeExtractionPool()]));
