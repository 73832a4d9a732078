// `npm run score -- [DIR...]`: runs the extractor in-process over gold corpora and prints each
// corpus's overall score and its weakest fields (the scorers of tests/fixtures/eval). With no
// argument it scores every bundled corpus. `--verbose` passes through to the scorer.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { createExtractor } from "@/lib/extract";
import { errorElement, toContractElement, type ContractElement } from "@/lib/extract/text/contract";

const root = resolve(import.meta.dirname, "..");
const evalDir = join(root, "tests", "fixtures", "eval");
const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const dirs = args.filter((a) => !a.startsWith("--"));
const corpusRoot = join(root, "tests", "fixtures", "corpus");
const targets = dirs.length ? dirs.map((d) => resolve(d)) : readdirSync(corpusRoot).map((d) => join(corpusRoot, d));

const extractor = createExtractor();
const work = mkdtempSync(join(tmpdir(), "score-"));
try {
  for (const dir of targets) {
    const files = readdirSync(dir).filter((f) => /\.(txt|html?)$/.test(f)).sort();
    const output: ContractElement[] = files.map((f) => {
      const source = join(dir, f);
      try {
        return toContractElement(source, extractor.extractBytes(new Uint8Array(readFileSync(source)), { fileName: f }));
      } catch (error) {
        return errorElement(source, String(error));
      }
    });
    const out = join(work, `${basename(dir)}.json`);
    writeFileSync(out, JSON.stringify(output));
    const people = files.some((f) => existsSync(join(dir, f.replace(/\.\w+$/, ".people.json"))));
    const scorer = join(evalDir, people ? "score-people.mjs" : "score.mjs");
    const r = spawnSync(process.execPath, [scorer, dir, out, ...(verbose ? ["--verbose"] : [])], { encoding: "utf8" });
    const lines = (r.stdout + r.stderr).trim().split("\n");
    if (verbose) console.log(lines.join("\n"));
    else if (people) console.log(`${basename(dir).padEnd(14)} ${lines[lines.length - 1]}`);
    else {
      const weak = lines.filter((l) => /^\S.*\s(0\.\d{3})\s/.test(l) && Number(/\s(0\.\d{3})\s/.exec(l)![1]) < 0.999).map((l) => l.replace(/\s+\(.*$/, "").replace(/\s{2,}/g, " "));
      console.log(`${basename(dir).padEnd(14)} ${lines[lines.length - 1]}${weak.length ? "  | " + weak.join("; ") : ""}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
