// The NAMES stage owns Russian morphology; this bridge uses its helpers and keeps the event
// stage working with crude ending rules while they are missing or fail on a phrase.
import * as names from "@/lib/extract/names";
import { gazetteer } from "../registry/places";

type PhraseFn = (phrase: string) => string;

const exported = names as unknown as Record<string, unknown>;
const namesPhrase = typeof exported.nominativePhrase === "function" ? (exported.nominativePhrase as PhraseFn) : null;
const namesPlace = typeof exported.nominativePlace === "function" ? (exported.nominativePlace as PhraseFn) : null;

function safely(fn: PhraseFn | null, arg: string, fallback: (s: string) => string): string {
  if (fn) {
    try {
      const out = fn(arg);
      if (typeof out === "string" && out.trim()) return out;
    } catch {
      // fall through to the ending rules
    }
  }
  return fallback(arg);
}

// Titles and cities repeat across articles; morphology is the slow part, so remember answers.
const phraseCache = new Map<string, string>();
const placeCache = new Map<string, string>();

function cached(cache: Map<string, string>, key: string, compute: () => string): string {
  let v = cache.get(key);
  if (v === undefined) {
    v = compute();
    if (cache.size > 5000) cache.clear();
    cache.set(key, v);
  }
  return v;
}

export function titleToNominative(phrase: string): string {
  return cached(phraseCache, phrase, () => safely(namesPhrase, phrase, (s) => s));
}

/** A city's nominative: the gazetteer's name for any case form of a known city, else morphology, else endings. */
export function placeToNominative(word: string): string {
  return cached(placeCache, word, () => gazetteer().nominative(word) ?? safely(namesPlace, word, placeByEnding));
}

/** Locative/accusative/genitive of a city name back to the nominative by its ending. */
function placeByEnding(word: string): string {
  const parts = word.split("-");
  const last = parts.pop()!;
  let base = last;
  if (/ии$/u.test(last)) base = last.slice(0, -1) + "я";
  else if (/[^аеиоуыэюя]е$/u.test(last)) base = last.slice(0, -1);
  else if (/[^аеиоуыэюя]у$/u.test(last)) base = last.slice(0, -1) + "а";
  else if (/[^аеиоуыэюя]ы$/u.test(last) && /[кгх]ы$/u.test(last) === false) base = last;
  return [...parts, base].join("-");
}
