// Extraction off the caller's event loop: every app path (the upload queue, pasted text,
// `npm run ingest`, the seed, re-extraction) runs the extractor through this process's
// pool of threads, with a time limit per file.
import { randomUUID } from "node:crypto";
import os from "node:os";
import type { FileExtraction, Registry } from "@/lib/extract/types";
import { ExtractionPool, type ExtractionTask } from "./pool";

export { ExtractionPool, timeoutRefusal, type ExtractionTask } from "./pool";

/** CHRONICLE_EXTRACT_TIMEOUT_SECONDS: the time one file may take (default 10 s). */
export function extractTimeoutMs(): number {
  const seconds = Number(process.env.CHRONICLE_EXTRACT_TIMEOUT_SECONDS);
  return Math.round((Number.isFinite(seconds) && seconds > 0 ? seconds : 10) * 1000);
}

/** CHRONICLE_EXTRACT_THREADS: threads per server process (default 2, 1 on a single core). */
export function extractThreads(): number {
  const n = Number(process.env.CHRONICLE_EXTRACT_THREADS);
  if (Number.isInteger(n) && n >= 1) return Math.min(n, 16);
  return Math.min(2, Math.max(1, os.availableParallelism?.() ?? os.cpus().length));
}

const store = globalThis as unknown as { __chronicleExtractionPool?: ExtractionPool };

export function extractionPool(): ExtractionPool {
  return (store.__chronicleExtractionPool ??= new ExtractionPool({ size: extractThreads(), timeoutMs: extractTimeoutMs() }));
}

/** Stops the threads (commands and tests call it before exiting). */
export async function closeExtractionPool(): Promise<void> {
  const pool = store.__chronicleExtractionPool;
  store.__chronicleExtractionPool = undefined;
  await pool?.close();
}

/** A key for one registry snapshot: threads recompile their extractor when it changes. */
export const newRegistryKey = (): string => randomUUID();

export function runExtraction(task: ExtractionTask, registryKey: string, registry: Registry | null): Promise<FileExtraction> {
  return extractionPool().run(task, registryKey, registry);
}
