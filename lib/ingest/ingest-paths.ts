// Ingests files from disk one after another (the command line's engine, also used by tests).
import fs from "node:fs";
import type { Db } from "@/db/index";
import { createAppExtractor } from "@/lib/registry-db";
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
    seconds,
  };
}

function readLimited(file: string): Uint8Array | string {
  const size = fs.statSync(file).size;
  // Not even read into memory when over the limit.
  if (size > MAX_FILE_BYTES) return `too large: ${formatBytes(size)} (the limit is ${formatBytes(MAX_FILE_BYTES)})`;
  return fs.readFileSync(file);
}

export async function ingestPaths(
  db: Db,
  files: string[],
  options: { userId?: number | null; onFile?: (report: FileReport) => void } = {},
): Promise<{ reports: FileReport[]; summary: BatchSummary }> {
  const started = performance.now();
  const reports: FileReport[] = [];
  for (const file of files) {
    let outcomes: ArticleOutcome[];
    try {
      const bytes = readLimited(file);
      outcomes =
        typeof bytes === "string"
          ? [{ status: "refused", reason: bytes }]
          : await ingestFile({ db, bytes, fileName: file, extractor: await createAppExtractor(db), userId: options.userId });
    } catch (error) {
      outcomes = [{ status: "refused", reason: `cannot be read (${(error as Error).message})` }];
    }
    const report = { file, outcomes };
    reports.push(report);
    options.onFile?.(report);
  }
  return { reports, summary: summarize(reports, (performance.now() - started) / 1000) };
}
