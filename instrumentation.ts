// Runs once when a server instance starts: the database must answer, carry the
// current schema and (on first start) the seed before the first request is served.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareDatabase } = await import("@/db/startup");
  const { DatabaseStartupError } = await import("@/db/index");
  const { AuthSecretError, ensureAuthSecret } = await import("@/lib/auth/secret");
  try {
    ensureAuthSecret();
  } catch (error) {
    console.error(`\nChronicle cannot start: ${error instanceof AuthSecretError ? error.message : String(error)}\n`);
    process.exit(1);
  }
  try {
    const report = await prepareDatabase();
    if (report.demo) {
      console.log(`\n  Demo sign-in: ${report.demo.email} / ${report.demo.password}\n`);
    }
  } catch (error) {
    if (error instanceof DatabaseStartupError) {
      console.error(`\nChronicle cannot start: ${error.message}\n`);
    } else {
      console.error("\nChronicle cannot start: preparing the database failed unexpectedly.", error);
    }
    process.exit(1);
  }
  // Every instance runs an ingestion worker; items left queued by a crash resume here.
  const { startIngestQueue } = await import("@/lib/ingest/queue");
  startIngestQueue().catch((error) => console.error(`The ingestion queue did not start: ${(error as Error).message}`));
  // Every instance polls the sources that are due (pg-boss on PostgreSQL: each source once per
  // interval between all instances; a timer on the embedded database).
  const { startSourcePolling } = await import("@/lib/sources/schedule");
  startSourcePolling().catch((error) => console.error(`Polling sources did not start: ${(error as Error).message}`));
}
