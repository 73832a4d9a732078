// Runs the whole extractor in-process over the bundled corpora and scores it with the issue's own scorers.
// Ratchet: each threshold sits a little below what the code reached at the last commit that touched it;
// raise them as the extractor improves, never above what passes. The target is ≥ 0.90 overall on seeds
// and dev (no field below 0.80) and people F1 ≥ 0.925 on factru-dev.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExtractor } from "@/lib/extract";
import { errorElement, toContractElement, type ContractElement } from "@/lib/extract/text/contract";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const CORPUS = join(FIXTURES, "corpus");
const EVAL = join(FIXTURES, "eval");

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "extract-quality-"));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

function extractDir(name: string): string {
  const dir = join(CORPUS, name);
  const extractor = createExtractor();
  const files = readdirSync(dir)
    .filter((f) => /\.(txt|html?)$/.test(f))
    .sort();
  const output: ContractElement[] = files.map((f) => {
    const source = join(dir, f);
    try {
      return toContractElement(source, extractor.extractBytes(new Uint8Array(readFileSync(source)), { fileName: f }));
    } catch (error) {
      return errorElement(source, String(error));
    }
  });
  const out = join(work, `${name}.json`);
  writeFileSync(out, JSON.stringify(output));
  return out;
}

interface Score {
  files: number;
  fields: Record<string, number>;
  overall: number;
}

function score(name: string): Score {
  const out = extractDir(name);
  const result = spawnSync(process.execPath, [join(EVAL, "score.mjs"), join(CORPUS, name), out, "--json"], { encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Score;
}

describe("extraction quality on the bundled corpora", () => {
  it("dev corpus", () => {
    const { fields, overall } = score("dev");
    // Measured at commit "Cleaning: mastheads above a menu...": overall 1.000, every field 1.000.
    // Tightened after a name rule cost one partner-side name (0.947) while staying above 0.9.
    expect(overall).toBeGreaterThanOrEqual(0.995);
    for (const [field, value] of Object.entries(fields)) expect(value, field).toBeGreaterThanOrEqual(0.95);
  });

  it("seeds", () => {
    const { fields, overall } = score("seeds");
    // Measured at the same commit: overall 1.000, every field 1.000 (5 files: one miss costs 0.2 of a field).
    expect(overall).toBeGreaterThanOrEqual(0.95);
    for (const [field, value] of Object.entries(fields)) expect(value, field).toBeGreaterThanOrEqual(0.8);
    expect(fields["outlet (accuracy)"]).toBe(1);
    expect(fields["publishedOn (accuracy)"]).toBe(1);
    expect(fields["language (accuracy)"]).toBe(1);
  });

  it("held-out articles written after the rules (other outlets, people, countries, encodings)", () => {
    const { fields, overall } = score("holdout");
    // Measured when they were added (EXTRACTOR_VERSION 0.4.2): overall 0.991, one location miss; 1.000 since
    // an accusative city ("визит в Астану") stopped counting as the place of the talks.
    expect(overall).toBeGreaterThanOrEqual(0.97);
    for (const [field, value] of Object.entries(fields)) expect(value, field).toBeGreaterThanOrEqual(0.85);
  });

  it("second held-out set (other outlets, positions, organisations, event kinds; one windows-1251 file, two articles in one)", () => {
    const { fields, overall } = score("holdout2");
    // Written before reading the rules: 0.903 overall with EXTRACTOR_VERSION 0.4.2 (worst: location 0.750,
    // partner participants 0.783). After the general fixes it was added with: overall 1.000, every field 1.000 (EXTRACTOR_VERSION 0.4.3).
    expect(overall).toBeGreaterThanOrEqual(0.96);
    for (const [field, value] of Object.entries(fields)) expect(value, field).toBeGreaterThanOrEqual(0.85);
  });

  it("third held-out set (East Asian, Mongolian and Turkic names, committees, a ministry statement, visits abroad; KOI8-R and windows-1251)", () => {
    const { fields, overall } = score("holdout3");
    // Written before reading the rules: 0.888 overall with EXTRACTOR_VERSION 0.4.3 (worst: partner participants 0.625,
    // home participants 0.800, quotes 0.818). After the general fixes it was added with: overall 1.000, every field 1.000 (EXTRACTOR_VERSION 0.4.4).
    expect(overall).toBeGreaterThanOrEqual(0.96);
    for (const [field, value] of Object.entries(fields)) expect(value, field).toBeGreaterThanOrEqual(0.85);
  });

  it("dev2: 32 harder articles written by someone else (digests, talks, statements, calls, visits abroad)", () => {
    const { fields, overall } = score("dev2");
    // 0.785 when it arrived (EXTRACTOR_VERSION 0.4.5, every contact after the first of a digest missed); 0.933 when
    // it was copied in, with the contact stages of lib/extract/contacts. The goal is 0.95, every field 0.85.
    expect(overall).toBeGreaterThanOrEqual(0.93);
    for (const [field, value] of Object.entries(fields)) expect(value, field).toBeGreaterThanOrEqual(0.85);
  });

  it("people on factRuEval dev", () => {
    const out = extractDir("factru-dev");
    const result = spawnSync(process.execPath, [join(EVAL, "score-people.mjs"), join(CORPUS, "factru-dev"), out], { encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
    const f1 = Number(/F1: ([\d.]+)/.exec(result.stdout)?.[1]);
    // Measured at the same commit: 0.902; 0.910 after the holdout2 name fixes; 0.892 once the given names that
    // occurred in one scored article only were taken out of the lexicon; 0.908 with the general name rules since.
    expect(f1).toBeGreaterThanOrEqual(0.925);
  });
});
