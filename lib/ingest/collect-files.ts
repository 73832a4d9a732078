// Expands the command line's paths into the article files under them.
import fs from "node:fs";
import path from "node:path";
import { hasAcceptedExtension } from "./limits";

export interface CollectedFiles {
  files: string[];
  /** Paths given that do not exist or hold nothing ingestible. */
  problems: { path: string; reason: string }[];
}

function walk(dir: string, out: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile() && hasAcceptedExtension(entry.name)) out.push(full);
  }
}

/** Files given directly are taken whatever their extension; folders are searched for .txt/.html/.htm. */
export function collectFiles(paths: string[]): CollectedFiles {
  const files: string[] = [];
  const problems: CollectedFiles["problems"] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      problems.push({ path: p, reason: "no such file or folder" });
      continue;
    }
    if (stat.isDirectory()) {
      const before = files.length;
      walk(p, files);
      if (files.length === before) problems.push({ path: p, reason: "no .txt, .html or .htm files in this folder" });
    } else files.push(p);
  }
  return { files: [...new Set(files)], problems };
}
