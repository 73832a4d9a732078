// `npm run ingest -- PATH...`: ingests files and folders (recursively) into the
// database the app uses (DATABASE_URL, or the embedded one), with a progress bar and a
// summary; exits non-zero when any article was refused.
import path from "node:path";
import cliProgress from "cli-progress";
import { closeDb, DatabaseStartupError, dbKind, getDb } from "@/db/index";
import { migrateDatabase, pingDatabase } from "@/db/startup";
import { closeExtractionPool } from "@/lib/extract-runner";
import { seedRegistryIfEmpty } from "@/seed/seed";
import { collectFiles } from "./collect-files";
import { ingestPaths, type FileReport } from "./ingest-paths";

const USAGE = "usage: npm run ingest -- PATH... (files or folders of .txt/.html/.htm articles)";

function relative(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith("..") ? file : rel;
}

async function main(argv: string[]): Promise<number> {
  const paths = argv.filter((a) => a !== "--");
  if (paths.length === 0 || paths.includes("--help") || paths.includes("-h")) {
    console.error(USAGE);
    return paths.length === 0 ? 2 : 0;
  }
  const { files, problems } = collectFiles(paths);
  for (const p of problems) console.error(`${p.path}: ${p.reason}`);
  if (files.length === 0) {
    console.error("nothing to ingest");
    return 1;
  }

  const db = getDb();
  await pingDatabase();
  await migrateDatabase();
  if (await seedRegistryIfEmpty(db)) {
    console.error("The database had no registry yet: seeded the bundled themes, countries and organisations first (as the app does on its first start).");
  }

  const interactive = Boolean(process.stderr.isTTY);
  const bar = new cliProgress.SingleBar(
    {
      format: "ingesting [{bar}] {value}/{total} files | {rate} files/s | ETA {eta_formatted}",
      stream: process.stderr,
      noTTYOutput: false,
      etaBuffer: 200,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  if (interactive) bar.start(files.length, 0, { rate: "0.0" });

  const onFile = (report: FileReport) => {
    for (const o of report.outcomes) {
      if (o.status !== "refused") continue;
      const line = `${relative(report.file)}: refused: ${o.reason}`;
      // Clear the bar's line, print the problem, and let the bar redraw below it.
      if (interactive) process.stderr.write(`\r\x1b[K${line}\n`);
      else console.error(line);
    }
    if (interactive) {
      const seconds = (performance.now() - started) / 1000;
      bar.increment(1, { rate: (bar.getProgress() * files.length / Math.max(seconds, 0.001)).toFixed(1) });
    }
  };
  // PGlite has one connection; a PostgreSQL pool lets extraction overlap with writing.
  const concurrency = dbKind() === "postgres" ? Number(process.env.INGEST_CONCURRENCY || 4) : 1;
  const { summary } = await ingestPaths(db, files, { onFile, concurrency });
  if (interactive) bar.stop();

  const perSecond = summary.stored / Math.max(summary.seconds, 0.001);
  console.log(
    `${summary.files} files: ${summary.stored} stored (${summary.meetings} records, ${summary.attached} attached as sources of existing records), ` +
      `${summary.duplicate} duplicate, ${summary.refused} refused in ${summary.seconds.toFixed(1)} s ` +
      `(${perSecond.toFixed(1)} articles/s stored, ${((summary.stored + summary.duplicate + summary.refused) / Math.max(summary.seconds, 0.001)).toFixed(1)} articles/s processed)`,
  );
  return summary.refused > 0 || problems.length > 0 ? 1 : 0;
}

main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    if (error instanceof DatabaseStartupError) console.error(`Cannot ingest: ${error.message}`);
    else console.error(`Ingestion failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => Promise.all([closeDb().catch(() => {}), closeExtractionPool()]));
