// Theme keywords in a text and the themes a passage substantively discusses.
// A keyword is a phrase of stems: "межпарламентск*" (any continuation), "конфликт" (the stem
// plus an inflectional ending), "торгово-экономическ*" (a hyphenated word). At each word the
// longest keyword wins, so "Великой Отечественной войны" is history, not a conflict.
// Compiling the bundled lexicon (~330 keywords) takes about 2 ms.
import type { ExtractedTheme, Registry, Span, ThemeHit, ThemeMatcher } from "../types";
import { defaultRegistry } from "./data";
import { STEM_ENDINGS, stemOf } from "./inflect";
import { atomize, Gap, normalizeChars, type Atom } from "./text";

interface KeywordAtom {
  stem: string;
  prefix: boolean;
}

interface Keyword {
  text: string;
  atoms: KeywordAtom[];
  /** Every theme listing this keyword, with its weight there. */
  themes: { code: string; weight: number }[];
}

/** A theme is discussed when its distinct keywords weigh this much together: one strong keyword or two weak ones. */
export const THEME_THRESHOLD = 2;
/** Each repetition of a keyword already counted adds half its weight, at most its weight again in all:
 *  a weak word said three times is worth one strong one, a marginal word never decides alone. */
const REPEAT_SHARE = 0.5;

function parseKeyword(keyword: string): KeywordAtom[] {
  const atoms: KeywordAtom[] = [];
  for (const word of normalizeChars(keyword).trim().split(/\s+/)) {
    for (const part of word.split("-")) {
      if (!part) continue;
      const prefix = part.endsWith("*");
      const bare = part.replace(/\*+$/, "").replace(/[^\p{L}\p{N}]/gu, "");
      if (!bare) continue;
      atoms.push({ stem: prefix ? bare : stemOf(bare), prefix });
    }
  }
  return atoms;
}

function atomMatches(k: KeywordAtom, norm: string): boolean {
  if (!norm.startsWith(k.stem)) return false;
  if (k.prefix || norm.length === k.stem.length) return true;
  return STEM_ENDINGS.has(norm.slice(k.stem.length));
}

let bundledWeights: Map<string, number> | null = null;
function bundledWeight(code: string, keyword: string): number | undefined {
  if (!bundledWeights) {
    bundledWeights = new Map();
    try {
      for (const t of defaultRegistry().themes) {
        for (const [k, w] of Object.entries(t.weights ?? {})) bundledWeights.set(`${t.code}\u0001${k}`, w);
      }
    } catch {
      // No bundled lexicon: every keyword weighs 1.
    }
  }
  return bundledWeights.get(`${code}\u0001${keyword}`);
}

export function compileThemes(registry: Registry): ThemeMatcher {
  const byText = new Map<string, Keyword>();
  for (const theme of registry.themes) {
    for (const raw of theme.keywords) {
      const text = raw.trim().toLowerCase();
      const atoms = parseKeyword(text);
      if (!atoms.length) continue;
      const key = atoms.map((a) => a.stem + (a.prefix ? "*" : "")).join(" ");
      const weight = theme.weights?.[raw] ?? theme.weights?.[text] ?? bundledWeight(theme.code, text) ?? 1;
      let kw = byText.get(key);
      if (!kw) byText.set(key, (kw = { text, atoms, themes: [] }));
      if (!kw.themes.some((t) => t.code === theme.code)) kw.themes.push({ code: theme.code, weight });
    }
  }
  // Keywords indexed by the first letters of their first stem (3, or all of a shorter one).
  const index = new Map<number, Keyword[]>();
  for (const kw of byText.values()) {
    const stem = kw.atoms[0].stem;
    const head = headKey(stem, Math.min(3, stem.length));
    let list = index.get(head);
    if (!list) index.set(head, (list = []));
    list.push(kw);
  }

  function matchAt(atoms: Atom[], i: number): { kw: Keyword; last: number } | null {
    const norm = atoms[i].norm;
    let best: { kw: Keyword; last: number } | null = null;
    for (let len = Math.min(3, norm.length); len >= 1; len--) {
      const list = index.get(headKey(norm, len));
      if (!list) continue;
      for (const kw of list) {
        const n = kw.atoms.length;
        if (i + n > atoms.length) continue;
        let ok = true;
        for (let k = 0; k < n && ok; k++) {
          const atom = atoms[i + k];
          if (k > 0 && atom.gap === Gap.Break) ok = false;
          else ok = atomMatches(kw.atoms[k], atom.norm);
        }
        if (!ok) continue;
        const last = i + n - 1;
        if (!best || last > best.last || (last === best.last && stemLength(kw) > stemLength(best.kw))) best = { kw, last };
      }
    }
    return best;
  }

  let memo: { text: string; hits: ThemeHit[] } | null = null;

  function find(text: string): ThemeHit[] {
    if (memo && memo.text === text) return memo.hits;
    const atoms = atomize(text);
    const hits: ThemeHit[] = [];
    for (let i = 0; i < atoms.length; ) {
      const m = matchAt(atoms, i);
      if (!m) {
        i++;
        continue;
      }
      const span: Span = [atoms[i].start, atoms[m.last].end];
      for (const t of m.kw.themes) hits.push({ code: t.code, keyword: m.kw.text, span, weight: t.weight });
      i = m.last + 1;
    }
    memo = { text, hits };
    return hits;
  }

  function classify(text: string, ranges?: Span[]): ExtractedTheme[] {
    const inRange = (s: Span) => !ranges || ranges.some(([a, b]) => s[0] >= a && s[1] <= b);
    const perTheme = new Map<string, { score: number; bonus: Map<string, number>; spans: Span[] }>();
    for (const hit of find(text)) {
      if (hit.weight <= 0 || !inRange(hit.span)) continue;
      let t = perTheme.get(hit.code);
      if (!t) perTheme.set(hit.code, (t = { score: 0, bonus: new Map(), spans: [] }));
      t.spans.push(hit.span);
      const bonus = t.bonus.get(hit.keyword);
      if (bonus === undefined) {
        t.bonus.set(hit.keyword, 0);
        t.score += hit.weight;
      } else if (bonus < hit.weight) {
        const add = Math.min(hit.weight * REPEAT_SHARE, hit.weight - bonus);
        t.bonus.set(hit.keyword, bonus + add);
        t.score += add;
      }
    }
    return [...perTheme]
      .filter(([, t]) => t.score >= THEME_THRESHOLD)
      .sort((a, b) => b[1].score - a[1].score)
      .map(([code, t]) => ({ code, spans: t.spans, confidence: Math.min(0.95, 0.35 + 0.15 * t.score) }));
  }

  return { find, classify };
}

/** The first `len` (1–3) code units of a word as one number: no string is made per word. */
function headKey(word: string, len: number): number {
  let key = len;
  for (let k = 0; k < len; k++) key = key * 65536 + word.charCodeAt(k);
  return key;
}

function stemLength(kw: Keyword): number {
  return kw.atoms.reduce((n, a) => n + a.stem.length, 0);
}
