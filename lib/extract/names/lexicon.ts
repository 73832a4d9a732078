// Token-level knowledge about name parts: the az dictionary's Name/Surn/Patr tags, the
// bundled first-name lexicon with its case forms, and ending rules for the rest.
import { FIRST_NAMES_FEM, FIRST_NAMES_MASC } from "./data/first-names";
import { declineName, nameHypotheses, type Gender, type Hypothesis } from "./decline";
import { parse, schoolCase, type WordParse, CASES } from "./morph";
import { readLines } from "../registry/data";

const lexiconForms = new Map<string, Hypothesis[]>();

function addLexicon(list: string, gender: Gender) {
  for (const name of list.split(/\s+/).filter(Boolean)) {
    const low = name.toLowerCase();
    const indeclinable = /[оеиуюыэ]$/.test(low) || (gender === "femn" && !/[ая]$/.test(low));
    const forms = indeclinable ? CASES.map((c) => ({ form: low, case: c })) : declineName(name, gender);
    for (const f of forms) {
      const list2 = lexiconForms.get(f.form) ?? [];
      list2.push({ case: f.case, gender, lemma: name, score: 0.9 });
      lexiconForms.set(f.form, list2);
    }
  }
}
addLexicon(FIRST_NAMES_MASC, "masc");
addLexicon(FIRST_NAMES_FEM, "femn");

/** A Kazakh spelling in Russian letters: "Ақмарал" → "Акмарал"; the source's Latin look-alikes ("Iсмет") as Cyrillic. */
export function russianSpelling(name: string): string {
  const map: Record<string, string> = { ә: "а", ғ: "г", қ: "к", ң: "н", ө: "о", ұ: "у", ү: "у", һ: "х", і: "и", Ә: "А", Ғ: "Г", Қ: "К", Ң: "Н", Ө: "О", Ұ: "У", Ү: "У", Һ: "Х", І: "И", i: "и", I: "И", A: "А", a: "а" };
  return name.replace(/[әғқңөұүһіӘҒҚҢӨҰҮҺІiIAa]/gu, (c) => map[c] ?? c);
}

// Kazakh given names (lib/extract/data/kazakh-given-names.txt): the source gives no gender, so each is read as
// either, and the context (a verb's or a surname's agreement) decides.
for (const name of new Set(readLines("kazakh-given-names.txt").map(russianSpelling))) {
  addLexicon(name, "masc");
  addLexicon(name, "femn");
}

/** "касым-жомарт" written like "Касым-Жомарта" → "Касым-Жомарт". */
export function capitaliseLike(surface: string, lemma: string): string {
  const sParts = surface.split("-");
  // the dictionary writes ё where the text wrote е (Пономарев → пономарёв): follow the text
  if (!/[ёЁ]/.test(surface)) lemma = lemma.replace(/ё/g, "е");
  return lemma
    .split("-")
    .map((part, i) => {
      const s = sParts[i] ?? sParts[sParts.length - 1] ?? "";
      const upper = s.length > 0 && s[0] !== s[0].toLowerCase();
      return upper ? part.charAt(0).toUpperCase() + part.slice(1) : part;
    })
    .join("-");
}

export interface TokenInfo {
  surface: string;
  first: Hypothesis[];
  surname: Hypothesis[];
  patronymic: Hypothesis[];
  /** Found in the dictionary as something other than a name: a common word, a place, an organisation. */
  common: boolean;
  place: boolean;
  /** The dictionary thinks of it as a place before a name (Астана, Дания; not Владимир). */
  placeFirst: boolean;
  organisation: boolean;
  /** Found in the dictionary at all. */
  known: boolean;
  dictSurname: boolean;
  dictFirst: boolean;
  /** Best dictionary reading is a name part (not a common word). */
  nameFirst: boolean;
}

const PATRONYMIC = /^(.+(?:ович|евич|ьич|ич))(а|у|ем|ом|е)?$/;
const PATRONYMIC_F = /^(.+(?:овн|евн|ичн|ичн))(а|ы|е|у|ой)$/;

function patronymicRules(surface: string): Hypothesis[] {
  const low = surface.toLowerCase();
  const out: Hypothesis[] = [];
  const m = PATRONYMIC.exec(low);
  if (m && /(ович|евич|ьич|ич)$/.test(m[1]) && m[1].length >= 6) {
    const ending = m[2] ?? "";
    const cases: Record<string, string[]> = { "": ["nomn"], а: ["gent", "accs"], у: ["datv"], ем: ["ablt"], ом: ["ablt"], е: ["loct"] };
    for (const c of cases[ending] ?? []) out.push({ case: c as Hypothesis["case"], gender: "masc", lemma: capitaliseLike(surface, m[1]), score: 0.9 });
  }
  const f = PATRONYMIC_F.exec(low);
  if (f && /(овн|евн|ичн)$/.test(f[1])) {
    const cases: Record<string, string[]> = { а: ["nomn"], ы: ["gent"], е: ["datv", "loct"], у: ["accs"], ой: ["ablt"] };
    for (const c of cases[f[2]] ?? []) out.push({ case: c as Hypothesis["case"], gender: "femn", lemma: capitaliseLike(surface, f[1] + "а"), score: 0.9 });
  }
  if (/^(улы|уулу|оглы|кызы|гызы)$/.test(low)) {
    for (const c of CASES) out.push({ case: c, gender: low === "кызы" || low === "гызы" ? "femn" : "masc", lemma: low, score: 0.9 });
  }
  return out;
}

function feminine(lemma: string): string {
  if (/(ов|ев|ёв|ин|ын)$/.test(lemma)) return lemma + "а";
  if (/(ский|цкий|ской|цкой)$/.test(lemma)) return lemma.slice(0, -2) + "ая";
  return lemma;
}

function fromParse(surface: string, p: WordParse, score: number): Hypothesis | null {
  const c = schoolCase(p.case);
  if (!c || p.number === "plur") return null;
  const gender: Gender | null = p.gender === "masc" ? "masc" : p.gender === "femn" ? "femn" : null;
  if (!gender) return null;
  return { case: c, gender, lemma: capitaliseLike(surface, p.lemma), score };
}

const cache = new Map<string, TokenInfo>();

export function tokenInfo(surface: string): TokenInfo {
  const hit = cache.get(surface);
  if (hit) return hit;
  const parses = parse(surface);
  const known = parses.filter((p) => p.known);
  const first: Hypothesis[] = [];
  const surname: Hypothesis[] = [];
  const patronymic: Hypothesis[] = [];
  let common = false;
  let place = false;
  let organisation = false;
  let dictSurname = false;
  let dictFirst = false;
  for (const p of known) {
    if (p.marks.has("Name")) {
      const h = fromParse(surface, p, 1);
      if (h) { first.push(h); dictFirst = true; }
    } else if (p.marks.has("Surn")) {
      const h = fromParse(surface, p, 1);
      // az gives a woman's surname the man's lemma (Азимовой → азимов)
      if (h?.gender === "femn") h.lemma = feminine(h.lemma);
      if (h) { surname.push(h); dictSurname = true; }
    } else if (p.marks.has("Patr")) {
      // az's patronymic lemmas are stems (Беделбаевича → беделба): the ending rules below name them
    } else if (p.marks.has("Geox")) place = true;
    else if (p.marks.has("Orgn")) organisation = true;
    else if (!(p.marks.has("Abbr") && p.pos === "NOUN")) common = true;
  }
  const lex = lexiconForms.get(surface.toLowerCase());
  if (lex) first.push(...lex);
  // "Гани", "Нури": the dictionary knows them only as oblique forms of a Russian pet name (Ганя, Нюра), but
  // in this news they are mostly Kazakh and Arabic men's names in -и, which do not decline
  if (/и$/u.test(surface) && first.length && first.every((h) => h.gender === "femn" && h.case !== "nomn")) {
    for (const c of CASES) first.push({ case: c, gender: "masc", lemma: surface, score: 0.45, fixed: true });
  }
  if (patronymic.length === 0) patronymic.push(...patronymicRules(surface));
  surname.push(...nameHypotheses(surface));
  const top = known[0];
  let placeScore = 0, nameScore = 0, placeAsWritten = false, nameAsWritten = false;
  const low = surface.toLowerCase();
  for (const p of known) {
    if (p.marks.has("Geox")) { placeScore += p.score; if (p.lemma === low) placeAsWritten = true; }
    if (p.marks.has("Name")) { nameScore += p.score; if (p.lemma === low) nameAsWritten = true; }
  }
  const nameFirst = !!lex || (!!top && (top.marks.has("Name") || top.marks.has("Surn") || top.marks.has("Patr")));
  const info: TokenInfo = {
    surface,
    first,
    surname,
    patronymic,
    common,
    place,
    // "Астана" is the city as written but only an oblique form of the name "Астан"
    placeFirst: place && (placeScore > nameScore || (placeAsWritten && !nameAsWritten)),
    organisation,
    known: known.length > 0 || !!lex,
    dictSurname,
    dictFirst: dictFirst || !!lex,
    nameFirst,
  };
  if (cache.size > 100_000) cache.clear();
  cache.set(surface, info);
  return info;
}

/** Surname endings of Kazakh, Russian and other post-Soviet families (Ашимбаев, Нурланулы, Сериккызы, Исмаилова). */
const LOCAL_SURNAME = /(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|цкий|ская|цкая|улы|ұлы|уулу|кызы|қызы|гызы|оглы|баев|баева|бек|бай|бекова|енко|ук|юк)$/iu;

/**
 * The name reads as one of Kazakhstan's officials might carry: a given name from the lexicon or the
 * dictionary (Russian names) or a surname with a local ending. Foreign-looking names ("Марцин Чепеляк",
 * "Ристо Николовски") are not: with nothing else to go by, their bearer is more likely the visitor.
 */
export function localShapedName(name: string): boolean {
  const parts = name.split(/\s+/u);
  const last = parts[parts.length - 1] ?? "";
  if (LOCAL_SURNAME.test(last)) return true;
  const first = tokenInfo(parts[0] ?? "");
  return parts.length > 1 && first.dictFirst && first.first.some((h) => h.case === "nomn");
}
