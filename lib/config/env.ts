// Every environment variable Chronicle reads, in one place (documented in the README).
import path from "node:path";

export const env = {
  /** A PostgreSQL server; when unset Chronicle runs on an embedded PGlite database. */
  get databaseUrl(): string | undefined {
    return process.env.DATABASE_URL || undefined;
  },
  /** Where the embedded database, the generated secret and the demo sign-in live. */
  get dataDir(): string {
    return path.resolve(/*turbopackIgnore: true*/ process.env.CHRONICLE_DATA_DIR || ".data");
  },
  get pgliteDir(): string {
    return path.join(this.dataDir, "pglite");
  },
  /** Seed the bundled articles into an empty database at start (default on). */
  get seedOnStart(): boolean {
    return process.env.CHRONICLE_SEED !== "0";
  },
};

export const usesEmbeddedDb = (): boolean => !env.databaseUrl;
