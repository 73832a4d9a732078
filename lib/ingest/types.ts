// What ingestion needs from the extractor (lib/extract's contract) and what it reports per article.
import type { FileExtraction } from "@/lib/extract/types";

export interface ArticleExtractor {
  extractBytes(bytes: Uint8Array, opts?: { fileName?: string; fallbackDate?: string | null }): FileExtraction;
  extractText(text: string, opts?: { isHtml?: boolean; fallbackDate?: string | null }): FileExtraction;
  /**
   * The same off the caller's thread, with a time limit (lib/extract-runner): the app's
   * extractor has them, and ingestion uses them whenever they are there.
   */
  runBytes?(bytes: Uint8Array, opts?: { fileName?: string; fallbackDate?: string | null }): Promise<FileExtraction>;
  runText?(text: string, opts?: { isHtml?: boolean; fallbackDate?: string | null }): Promise<FileExtraction>;
}

/** Values the person importing knows better than the extractor (the paste form's fields). */
export interface IngestOverrides {
  outlet?: string;
  url?: string;
  /** ISO YYYY-MM-DD */
  publishedOn?: string;
}

export type ArticleOutcome =
  | { status: "stored"; articleId: number; meetingsCreated: number; sourcesAttached?: number; title: string | null }
  | { status: "duplicate"; articleId: number; title: string | null }
  | { status: "refused"; reason: string };
