// How many Next server processes scripts/serve.mjs runs (the bench reports the same number).
// The embedded database belongs to one process, so PGlite gets one; a PostgreSQL server
// gets CHRONICLE_WORKERS, or one per core up to four.
import os from "node:os";

export function workerCount(env = process.env) {
  if (!env.DATABASE_URL) return 1;
  const asked = Number(env.CHRONICLE_WORKERS);
  if (Number.isInteger(asked) && asked >= 1) return Math.min(asked, 32);
  return Math.max(1, Math.min(os.availableParallelism(), 4));
}
