// The normal forms ingestion matches on: article hashes, people and partner names.
import { createHash } from "node:crypto";

/** lower-case, ё→е, whitespace collapsed: the form stored in *.normalized columns. */
export function normalizeName(value: string): string {
  return value.toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").trim();
}

/**
 * sha256 of the normalised cleaned text: two copies of one article that differ only
 * in case, spacing or ё/е spelling are the same article.
 */
export function contentHash(cleanText: string): string {
  return createHash("sha256").update(normalizeName(cleanText), "utf8").digest("hex");
}
