// OpenCorpora morphology (az) loaded once, synchronously, with a per-word parse cache.
// az only offers a callback loader; its loads are queued and flushed right after
// Morph.init so the dictionaries are ready when this module finishes evaluating.
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

interface AzTag {
  POS?: string;
  CAse?: string;
  GNdr?: string;
  NMbr?: string;
  [grammeme: string]: unknown;
  toString(): string;
}
interface AzParse {
  word: string;
  tag: AzTag;
  score: number;
  parser: string;
  normalize(keepPOS?: boolean): AzParse;
  inflect(grammemes: string[]): AzParse | false;
}
interface AzModule {
  load: (url: string, type: string, cb: (err: unknown, data?: unknown) => void) => void;
  Morph: ((word: string, config?: Record<string, unknown>) => AzParse[]) & {
    init: (path: string, cb: (err: unknown) => void) => void;
  };
}

const require = createRequire(import.meta.url);

function dictionaryDir(): string {
  try {
    return join(dirname(require.resolve("az/package.json")), "dicts");
  } catch {
    return join(process.cwd(), "node_modules", "az", "dicts");
  }
}

function loadAz(): AzModule {
  const az = require("az") as AzModule;
  const dir = dictionaryDir();
  if (!existsSync(join(dir, "words.dawg"))) throw new Error(`az dictionaries not found in ${dir}`);
  const pending: (() => void)[] = [];
  az.load = (url, type, cb) => {
    pending.push(() => {
      const data = readFileSync(url);
      if (type === "json") cb(null, JSON.parse(data.toString("utf8")));
      else cb(null, data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
    });
  };
  let failure: unknown = null;
  az.Morph.init(dir, (err) => {
    failure = err;
  });
  while (pending.length) pending.shift()!();
  if (failure) throw new Error(`az dictionaries failed to load: ${String(failure)}`);
  return az;
}

const az = loadAz();

/** One analysis of a word, reduced to what the name and phrase rules need. */
export interface WordParse {
  /** Lower-case lemma. */
  lemma: string;
  pos: string;
  case: string | null;
  gender: string | null;
  number: string | null;
  /** Name, Surn, Patr, Geox, Orgn, anim, Fixd, Abbr... */
  marks: Set<string>;
  score: number;
  /** Found in the dictionary rather than guessed from the ending. */
  known: boolean;
  raw: AzParse;
}

const MARKS = ["Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "anim", "inan", "Fixd", "Abbr", "Sgtm", "Pltm", "Anum", "Poss", "Qual", "Apro", "Infr"];
const cache = new Map<string, WordParse[]>();
// No stutter or typo correction: "Алла" must not be read as "Ала".
const NO_GUESSING = { stutter: 0, typos: 0 };

export function parse(word: string): WordParse[] {
  const hit = cache.get(word);
  if (hit) return hit;
  let parses: WordParse[] = [];
  try {
    parses = az.Morph(word, NO_GUESSING).map((p) => {
      const marks = new Set<string>();
      for (const m of MARKS) if (p.tag[m]) marks.add(m);
      return {
        lemma: p.normalize().word.toLowerCase(),
        pos: String(p.tag.POS ?? ""),
        case: p.tag.CAse ? String(p.tag.CAse) : null,
        gender: p.tag.GNdr ? String(p.tag.GNdr) : null,
        number: p.tag.NMbr ? String(p.tag.NMbr) : null,
        marks,
        score: p.score,
        known: p.parser === "Dictionary",
        raw: p,
      };
    });
  } catch {
    parses = [];
  }
  if (cache.size > 200_000) cache.clear();
  cache.set(word, parses);
  return parses;
}

/** The form of this parse's lexeme carrying the given grammemes, or null. */
export function inflect(p: WordParse, grammemes: string[]): string | null {
  try {
    const r = p.raw.inflect(grammemes);
    return r ? r.word : null;
  } catch {
    return null;
  }
}

export const CASES = ["nomn", "gent", "datv", "accs", "ablt", "loct"] as const;
export type Case = (typeof CASES)[number];

/** az's second genitive/locative/vocative folded into the six school cases. */
export function schoolCase(c: string | null): Case | null {
  if (!c) return null;
  if (c === "gen2" || c === "gen1") return "gent";
  if (c === "loc2" || c === "loc1") return "loct";
  if (c === "acc2") return "accs";
  if (c === "voct") return "nomn";
  return (CASES as readonly string[]).includes(c) ? (c as Case) : null;
}
