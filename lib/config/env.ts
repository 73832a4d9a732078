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
  /** Address ranges (CIDR, comma separated) that polled sources may reach although private. */
  get sourcesAllow(): string {
    return process.env.CHRONICLE_SOURCES_ALLOW ?? "";
  },
  /** Pause between two requests to one host, across all instances (milliseconds). */
  get sourcesHostDelayMs(): number {
    return numberFrom(process.env.CHRONICLE_SOURCES_HOST_DELAY_MS, 2000);
  },
  /** How long one request may take, headers and body together (milliseconds). */
  get sourcesTimeoutMs(): number {
    return numberFrom(process.env.CHRONICLE_SOURCES_TIMEOUT_MS, 20_000);
  },
  /** The largest response a source may send (bytes, after decompression). */
  get sourcesMaxBytes(): number {
    return numberFrom(process.env.CHRONICLE_SOURCES_MAX_BYTES, 5 * 1024 * 1024);
  },
  /** How often each instance looks for sources that are due (seconds); 0 turns polling off. */
  get sourcesTickSeconds(): number {
    return numberFrom(process.env.CHRONICLE_SOURCES_TICK_SECONDS, 60);
  },
  get sourcesUserAgent(): string {
    return process.env.CHRONICLE_SOURCES_USER_AGENT || "Chronicle/1.0 (editorial news monitor; polls its sources politely, honours robots.txt)";
  },
};

function numberFrom(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(n) && n >= 0 ? n : fallback;
}

export const usesEmbeddedDb = (): boolean => !env.databaseUrl;
