// Ingests files from disk one after another (the command line's engine, also used by tests).
import fs from "node:fs";
import type { Db } from "@/db/index";
import { createAppExtractor } from "@/lib/app-extractor";
import { ingestFile } from "./ingest-file";
import { formatBytes, MAX_FILE_BYTES } from "./limits";
import type { ArticleOutcome } from "./types";

export interface FileReport {
  file: string;
  outcomes: ArticleOutcome[];
}

export interface BatchSummary {
  files: number;
  stored: number;
  duplicate: number;
  refused: number;
  meetings: number;
  /** Events attached to an existing record as another source (the same contact, another outlet). */
  attached: number;
  seconds: number;
}

export function summarize(reports: FileReport[], seconds: number): BatchSummary {
  const all = reports.flatMap((r) => r.outcomes);
  return {
    files: reports.length,
    stored: all.filter((o) => o.status === "stored").length,
    duplicate: all.filter((o) => o.status === "duplicate").length,
    refused: all.filter((o) => o.status === "refused").length,
    meetings: all.reduce((n, o) => n + (o.status === "stored" ? o.meetingsCreated : 0), 0),
    attached: all.reduce((n, o) => n + (o.status === "stored" ? (o.sourcesAttached ?? 0) : 0), 0),
    seconds,
  };
}

function readLimited(file: string): Uint8Array | string {
  const size = fs.statSync(file).size;
  // Not even read into memory when over the limit.
  if (size > MAX_FILE_BYTES) return `too large: ${formatBytes(size)} (the limit is ${formatBytes(MAX_FILE_BYTES)})`;
  return fs.readFileSync(file);
}

/**
 * Ingests the files in order of the list, `concurrency` at a time: on PostgreSQL one
 * file's transaction waits on the server while the next is being extracted.
 */
export async function ingestPaths(
  db: Db,
  files: string[],
  options: { userId?: number | null; onFile?: (report: FileReport) => void; concurrency?: number } = {},
): Promise<{ reports: FileReport[]; summary: BatchSummary }> {
  const started = performance.now();
  const reports: FileReport[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      reports[index] = await ingestOne(db, files[index], options.userId);
      options.onFile?.(reports[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  return { reports, summary: summarize(reports, (performance.now() - started) / 1000) };
}

async function ingestOne(db: Db, file: string, userId: number | null | undefined): Promise<FileReport> {
  try {
    const bytes = readLimited(file);
    if (typeof bytes === "string") return { file, outcomes: [{ status: "refused", reason: bytes }] };
    return { file, outcomes: await ingestFile(db, { bytes, fileName: file, extractor: await createAppExtractor(db), userId }) };
  } catch (error) {
    return { file, outcomes: [{ status: "refused", reason: `cannot be read (${(error as Error).message})` }] };
  }
}
