// Every case, gender and number form OpenCorpora gives for a country's adjective must be
// found: the matcher's own paradigms are checked against an independent dictionary.
// (Its noun entries are no oracle for names: "Германия" parses as the element germanium.)
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { compilePartners, defaultRegistry } from "@/lib/extract/registry";

interface AzParse {
  parser: string;
  tag: { POS?: string; toString(): string };
  inflect(g: string[]): { word: string } | false;
}
type Morph = (word: string) => AzParse[];

function loadMorph(): Morph {
  const require = createRequire(import.meta.url);
  const az = require("az");
  const dir = join(dirname(require.resolve("az/package.json")), "dicts");
  const pending: (() => void)[] = [];
  az.load = (url: string, type: string, cb: (e: unknown, d?: unknown) => void) =>
    pending.push(() => {
      const data = readFileSync(url);
      cb(null, type === "json" ? JSON.parse(data.toString("utf8")) : data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
    });
  az.Morph.init(dir, () => {});
  while (pending.length) pending.shift()!();
  return az.Morph;
}

const CASES = ["gent", "datv", "accs", "ablt", "loct"];

describe("partner matching agrees with OpenCorpora", () => {
  const morph = loadMorph();
  const registry = defaultRegistry();
  const matcher = compilePartners(registry);

  function caseForms(word: string, pos: string): string[] {
    // Only words the dictionary itself holds: guessed paradigms of unknown words are no oracle.
    const parse = morph(word).find((p) => p.tag.POS === pos && p.parser === "Dictionary");
    if (!parse) return [];
    const out: string[] = [];
    for (const c of CASES) {
      for (const extra of pos === "ADJF" ? [["masc"], ["femn"], ["plur"]] : [[]]) {
        const f = parse.inflect([c, ...extra]);
        if (f) out.push(f.word);
      }
    }
    return out;
  }

  it("finds the forms of every country adjective", () => {
    const misses: string[] = [];
    let checked = 0;
    for (const p of registry.partners) {
      for (const [alias, kind] of Object.entries(p.aliasKinds ?? {})) {
        if (kind !== "adjective" || !/(ий|ый|ой)$/.test(alias)) continue;
        for (const form of caseForms(alias, "ADJF")) {
          checked++;
          const found = matcher.find(`была ${form} делегация`);
          if (found[0]?.partner.code !== p.code) misses.push(`${form} (${p.code})`);
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(misses).toEqual([]);
  });
});
