// The world's cities by their Russian names (lib/extract/data/cities.tsv, from GeoNames): every
// case form of each name mapped back to the name, so that "в Любляне" is Любляна and "в Минске"
// Минск, where ending rules alone cannot tell "-е" of a feminine -а city from that of a consonant.
import { wordForms } from "./inflect";
import { readTsv } from "./data";

export interface Gazetteer {
  /** The city's name in the nominative for a form of it in any case, or null for no known city. */
  nominative(surface: string): string | null;
  /** The ISO code of the country of the city a form names, or null. */
  country(surface: string): string | null;
}

interface Entry {
  name: string;
  population: number;
  country?: string;
}

const norm = (s: string) => s.toLowerCase().replace(/ё/g, "е");

let cached: Gazetteer | null = null;

export function gazetteer(): Gazetteer {
  return (cached ??= buildGazetteer(readTsv("cities.tsv").map((r) => ({ name: r.name!, population: Number(r.population) || 0, country: r.country }))));
}

export function buildGazetteer(cities: readonly Entry[]): Gazetteer {
  const nominatives = new Map<string, Entry>();
  const oblique = new Map<string, Entry>();
  const keep = (map: Map<string, Entry>, key: string, e: Entry) => {
    const prev = map.get(key);
    // the same form of two cities: the bigger city; a spelling with ё beats one without
    if (!prev || e.population > prev.population || (e.population === prev.population && /ё/u.test(e.name))) map.set(key, e);
  };
  for (const city of cities) {
    const n = norm(city.name);
    keep(nominatives, n, city);
    // in a multi-word name only the last word declines ("Кота-Кинабалу", "Буэнос-Айрес")
    const space = n.lastIndexOf(" ");
    const head = space >= 0 ? n.slice(0, space + 1) : "";
    for (const form of wordForms(n.slice(head.length))) if (head + form !== n) keep(oblique, head + form, city);
  }
  const entry = (surface: string) => {
    const key = norm(surface);
    return nominatives.get(key) ?? oblique.get(key) ?? null;
  };
  return {
    nominative: (surface) => entry(surface)?.name ?? null,
    country: (surface) => entry(surface)?.country ?? null,
  };
}
