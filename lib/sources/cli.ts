// `npm run sources -- COMMAND`: manage and poll the polled sources from the shell, with
// the same rules as the admin page (zod, history rows; changes by the machine, user null).
//   add URL [--name NAME] [--every 30m] [--kind feed|sitemap|listing] [--pattern /ru/news/*]
//   list | poll | pause ID | resume ID | remove ID
// Exit codes: 0 done (poll: the round ran, whatever the sources answered), 2 bad arguments, 1 the database could not be used.
import { closeDb, DatabaseStartupError, getDb } from "@/db/index";
import { migrateDatabase, pingDatabase } from "@/db/startup";
import { createSource, deleteSource, listSources, setSourceActive, SourceChangeError } from "@/db/queries/sources";
import { sourceErrorText } from "@/lib/validations/sources";
import { addArgs, idArg, UsageError } from "./cli-args";
import { pollSourcesNow } from "./schedule";
import type { PollSummary } from "./poll";

const USAGE = `usage: npm run sources -- add URL [--name NAME] [--every 30m] [--kind feed|sitemap|listing] [--pattern '/ru/news/*']
       npm run sources -- list
       npm run sources -- poll
       npm run sources -- pause ID | resume ID | remove ID`;

const when = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 16) : "never");

function progressLine(s: PollSummary): string {
  if (s.outcome === "failed") return `#${s.sourceId} ${s.name}: failed: ${s.error}`;
  if (s.outcome === "not_modified") return `#${s.sourceId} ${s.name}: not modified since the last poll`;
  return `#${s.sourceId} ${s.name}: ${s.found} links: ${s.stored} new, ${s.known} known, ${s.refused} refused, ${s.failed} failed`;
}

async function list(): Promise<void> {
  const rows = await listSources(getDb());
  if (rows.length === 0) console.log("no sources yet: npm run sources -- add URL");
  for (const r of rows) {
    const last = r.lastOutcome ? `last ${when(r.lastPolledAt)} ${r.lastOutcome}${r.lastError ? ` (${r.lastError})` : ""}, ${r.lastStored ?? 0} new` : "not polled yet";
    console.log(`#${r.id} ${r.active ? "active" : "paused"} every ${r.intervalMinutes} min  ${r.kind}  ${r.name}  ${r.url}${r.linkPattern ? `  links ${r.linkPattern}` : ""}  — ${last}`);
  }
}

async function poll(): Promise<void> {
  const db = getDb();
  const started = performance.now();
  const summaries = await pollSourcesNow(db, {
    onSource: (s) => console.log(progressLine(s)),
    // Each link that did not make it, with its reason, under its source's line.
    onLink: (url, status, reason) => {
      if (status === "refused" || status === "failed") console.log(`    ${status}: ${url}: ${reason}`);
    },
  });
  const total = (k: "stored" | "known" | "refused" | "failed") => summaries.reduce((n, s) => n + s[k], 0);
  const failedSources = summaries.filter((s) => s.outcome === "failed").length;
  console.log(
    `${summaries.length} sources polled (${failedSources} failed) in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
      `${total("stored")} new articles, ${total("known")} known, ${total("refused")} refused, ${total("failed")} failed`,
  );
}

async function run(command: string | undefined, rest: string[]): Promise<void> {
  const db = getDb();
  await pingDatabase();
  await migrateDatabase();
  if (command === "add") {
    const source = await createSource(db, addArgs(rest), null);
    console.log(`added #${source.id} ${source.name} (${source.kind}, every ${source.intervalMinutes} min): ${source.url}`);
  } else if (command === "list") await list();
  else if (command === "poll") await poll();
  else if (command === "pause" || command === "resume") {
    await setSourceActive(db, idArg(rest), command === "resume", null);
    console.log(`source #${rest[0]} ${command === "resume" ? "resumed" : "paused"}`);
  } else if (command === "remove") {
    await deleteSource(db, idArg(rest), null);
    console.log(`source #${rest[0]} removed (the articles it brought stay)`);
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv.filter((a) => a !== "--");
  if (!command || !["add", "list", "poll", "pause", "resume", "remove"].includes(command)) {
    console.error(USAGE);
    return command === "--help" || command === "-h" ? 0 : 2;
  }
  try {
    if (command === "add") addArgs(rest); // arguments are checked before the database is opened
    await run(command, rest);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`sources: ${error.message}`);
      console.error(USAGE);
      return 2;
    }
    if (error instanceof SourceChangeError) {
      console.error(`sources: ${sourceErrorText[error.code]}`);
      return 2;
    }
    throw error;
  }
}

main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    if (error instanceof DatabaseStartupError) console.error(`sources: ${error.message}`);
    else console.error(`sources failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => closeDb().catch(() => {}));
