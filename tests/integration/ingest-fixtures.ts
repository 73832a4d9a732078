// Builds folders of articles for the ingestion tests from the committed fixtures.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const fixtures = path.join(process.cwd(), "tests", "fixtures");
export const dev = (name: string) => path.join(fixtures, "corpus", "dev", name);

export const GOOD = {
  "plain.txt": dev("d001_koshanov-vsnp-kitay.txt"),
  "page.html": dev("d002_tokaev-erdogan-telefon.html"),
  "cp1251.txt": dev("d011_akim-astany-posol-uzbekistana.txt"),
  "koi8r.txt": path.join(fixtures, "ingest", "d016-koi8r.txt"),
  "nested/several.txt": dev("d007_borg-obse-astana.txt"),
} as const;

/** A folder with good files and every kind of bad one, mixed; returns its path. */
export function mixedBatchFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chronicle-ingest-"));
  for (const [name, source] of Object.entries(GOOD)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.copyFileSync(source, path.join(dir, name));
  }
  fs.writeFileSync(path.join(dir, "empty.txt"), "");
  fs.copyFileSync(path.join(fixtures, "ingest", "binary.txt"), path.join(dir, "binary.txt"));
  fs.writeFileSync(path.join(dir, "oversized.txt"), "Казахстан и Китай. ".repeat(300_000));
  fs.copyFileSync(dev("d005_koshanov-tegeran-kk.txt"), path.join(dir, "kazakh.txt"));
  fs.writeFileSync(path.join(dir, "notes.json"), "{}");
  return dir;
}

export const BAD_REASONS: Record<string, RegExp> = {
  "empty.txt": /empty/i,
  "binary.txt": /binary/i,
  "oversized.txt": /too large/i,
  "kazakh.txt": /not Russian \(kk\)/,
};
