// Ending rules for names the dictionary does not know: from a surface form, every
// (case, gender, nominative) it could be. Russian grammar declines foreign surnames
// ending in a consonant for men only, -а/-я surnames for both sexes, and leaves
// surnames ending in other vowels unchanged.
import type { Case } from "./morph";

export type Gender = "masc" | "femn";

export interface Hypothesis {
  case: Case;
  gender: Gender;
  /** The nominative, capitalised like the surface. */
  lemma: string;
  score: number;
  /** The surface is left unchanged by declension (Фумио, Ле Пен for a woman). */
  fixed?: boolean;
  /** An -а/-я name left undeclined ("Сыла"): a reading for surnames, not for given names ("Хисейна" is his genitive). */
  undeclinedA?: boolean;
  /** Read by an adjective's endings (Невская, Толстой): surnames only, no given name declines so. */
  adjectival?: boolean;
}

const CONS = "бвгджзклмнпрстфхцчшщ";
const POSSESSIVE = /(ов|ев|ёв|ин|ын)$/;
const endsCons = (s: string) => CONS.includes(s.slice(-1));

type Rule = [gender: Gender, kase: Case, surfaceEnd: string, lemmaEnd: string, lemmaOk: (lemma: string) => boolean];

const cons = (l: string) => endsCons(l) && l.length >= 3;
const consNotPoss = (l: string) => cons(l) && !POSSESSIVE.test(l);
const hush = (l: string) => /[жшчщц]$/.test(l);
const stemA = (l: string) => /[^аеёоуыэюя][ая]$/.test(l) && l.length >= 3;
const velarA = (l: string) => /[гкхжшчщ]а$/.test(l);
const adjM = (l: string) => /(ий|ой)$/.test(l) && l.length >= 5 || /[^гкхжшчщ]ый$/.test(l) && l.length >= 5;
// adjectival women's surnames: Невская, Толстая, Горькая; not an -а name read as one ("Алисьяхбаной" is no "Алисьяхбаная")
const adjF = (l: string) => /(?:[^аеёиоуыэюя][^аеёиоуыэюя]ая|[гкх]ая|яя)$/.test(l) && l.length >= 5;
const vowelYa = (l: string) => /[аоуэ]я$/.test(l) && l.length >= 4;
const possF = (l: string) => /(ов|ев|ёв|ин|ын)а$/.test(l);
const any = (l: string) => l.length >= 2;

const RULES: Rule[] = [
  // men: consonant stems (Ашимбаев, Розенблюм, Хоровитц)
  ["masc", "gent", "а", "", cons],
  ["masc", "accs", "а", "", cons],
  ["masc", "datv", "у", "", cons],
  ["masc", "ablt", "ым", "", (l) => POSSESSIVE.test(l)],
  ["masc", "ablt", "ом", "", consNotPoss],
  ["masc", "ablt", "ом", "", (l) => /[иы]н$/.test(l) && l.length >= 6],
  ["masc", "ablt", "ем", "", (l) => consNotPoss(l) && hush(l)],
  ["masc", "loct", "е", "", cons],
  // men: soft stems (Минцзинь, Гуттерриш-like -й)
  ["masc", "gent", "я", "ь", any],
  ["masc", "accs", "я", "ь", any],
  ["masc", "datv", "ю", "ь", any],
  ["masc", "ablt", "ем", "ь", any],
  ["masc", "ablt", "ём", "ь", any],
  ["masc", "loct", "е", "ь", any],
  // men: -й stems after a vowel (Андрей, Дунъюй: Андреем, Дунъюем)
  ["masc", "gent", "я", "й", (l) => /[аеоуэюё]й$/.test(l)],
  ["masc", "accs", "я", "й", (l) => /[аеоуэюё]й$/.test(l)],
  ["masc", "datv", "ю", "й", (l) => /[аеоуэюё]й$/.test(l)],
  ["masc", "ablt", "ем", "й", (l) => /[аеоуэюё]й$/.test(l)],
  ["masc", "loct", "е", "й", (l) => /[аеоуэюё]й$/.test(l)],
  // men: adjectival (Долгорукий, Невский)
  ["masc", "gent", "ого", "ый", adjM], ["masc", "gent", "ого", "ой", adjM], ["masc", "gent", "его", "ий", adjM], ["masc", "gent", "ого", "ий", (l) => /[гкх]ий$/.test(l)],
  ["masc", "accs", "ого", "ый", adjM], ["masc", "accs", "ого", "ой", adjM], ["masc", "accs", "его", "ий", adjM], ["masc", "accs", "ого", "ий", (l) => /[гкх]ий$/.test(l)],
  ["masc", "datv", "ому", "ый", adjM], ["masc", "datv", "ому", "ой", adjM], ["masc", "datv", "ему", "ий", adjM], ["masc", "datv", "ому", "ий", (l) => /[гкх]ий$/.test(l)],
  ["masc", "ablt", "ым", "ый", adjM], ["masc", "ablt", "ым", "ой", adjM], ["masc", "ablt", "им", "ий", adjM],
  ["masc", "loct", "ом", "ый", adjM], ["masc", "loct", "ом", "ой", adjM], ["masc", "loct", "ем", "ий", adjM], ["masc", "loct", "ом", "ий", (l) => /[гкх]ий$/.test(l)],
  // women: possessive and adjectival (Азимова, Назарбаева, Невская)
  ["femn", "gent", "ой", "а", possF], ["femn", "datv", "ой", "а", possF], ["femn", "ablt", "ой", "а", possF], ["femn", "loct", "ой", "а", possF],
  ["femn", "accs", "у", "а", possF],
  ["femn", "gent", "ой", "ая", adjF], ["femn", "datv", "ой", "ая", adjF], ["femn", "ablt", "ой", "ая", adjF], ["femn", "loct", "ой", "ая", adjF],
  ["femn", "accs", "ую", "ая", adjF],
];
// -а/-я stems decline alike for both sexes (Кошта, Асакава, Кисида, Мария)
for (const g of ["masc", "femn"] as Gender[]) {
  RULES.push(
    [g, "gent", "ы", "а", (l) => stemA(l) && !velarA(l) && !possF(l)],
    [g, "gent", "и", "а", velarA],
    [g, "gent", "и", "я", (l) => /[иь]я$/.test(l)],
    [g, "datv", "е", "а", (l) => stemA(l) && !possF(l)],
    [g, "datv", "е", "я", (l) => stemA(l) && !/ия$/.test(l)],
    [g, "datv", "и", "я", (l) => /ия$/.test(l)],
    [g, "loct", "е", "а", (l) => stemA(l) && !possF(l)],
    [g, "loct", "е", "я", (l) => stemA(l) && !/ия$/.test(l)],
    [g, "loct", "и", "я", (l) => /ия$/.test(l)],
    [g, "accs", "у", "а", (l) => stemA(l) && !possF(l)],
    [g, "accs", "ю", "я", stemA],
    [g, "ablt", "ой", "а", (l) => stemA(l) && !possF(l) && !/[жшчщц]а$/.test(l)],
    [g, "ablt", "ей", "а", (l) => /[жшчщц]а$/.test(l)],
    [g, "ablt", "ей", "я", stemA],
    // a vowel before -я (Жансая, Айсая): Жансаи, Жансае, Жансаю, Жансаей
    [g, "gent", "и", "я", vowelYa],
    [g, "datv", "е", "я", vowelYa],
    [g, "loct", "е", "я", vowelYa],
    [g, "accs", "ю", "я", vowelYa],
    [g, "ablt", "ей", "я", vowelYa],
  );
}

const CASES: Case[] = ["nomn", "gent", "datv", "accs", "ablt", "loct"];

function matchCase(surface: string, lemmaLower: string): string {
  // Same capitalisation as the surface, part by part (Касым-Жомарт, аль-Хадж).
  const sParts = surface.split("-");
  return lemmaLower
    .split("-")
    .map((part, i) => {
      const s = sParts[i] ?? "";
      return s && s[0] !== s[0].toLowerCase() ? part.charAt(0).toUpperCase() + part.slice(1) : part;
    })
    .join("-");
}

/** Every reading of a capitalised word as a (foreign or unknown) name part. */
export function nameHypotheses(surface: string): Hypothesis[] {
  const low = surface.toLowerCase();
  // "Агиаром-Бранку": a double surname whose second part does not decline carries the case on its first
  const dash = low.indexOf("-");
  if (dash > 2 && /[оеиуюыэ]$/.test(low) && !/^(?:аль|эль|ал|ад|ас|ат|аш|ибн|бин|бен|де|ди|дю|ле|ла|ван|фон)-/.test(low)) {
    const head = surface.slice(0, dash);
    const tail = surface.slice(dash);
    const declined = nameHypotheses(head).filter((h) => !h.fixed && h.lemma !== head).map((h) => ({ ...h, lemma: h.lemma + tail, score: h.score - 0.05 }));
    return [...hypothesesOf(surface, low), ...declined];
  }
  return hypothesesOf(surface, low);
}

function hypothesesOf(surface: string, low: string): Hypothesis[] {
  const out: Hypothesis[] = [];
  const last = low.slice(-1);
  // "-еву"/"-ову" is a dative ending, not an indeclinable surname's vowel (Шойгу is one; "Кабулову" is no such name)
  // (and a vowel before a final -а: "Пиа", "Никарагуа" stay as they are)
  const fixedEnding = (/[оеиуюыэ]$/.test(low) && !/(?:ов|ев|ёв)у$/.test(low)) || /(ых|их|ко|аго|яго)$/.test(low);
  // "Пиа", "Теа": a vowel before a final -а, a woman's name that stays as it is
  const fixedFeminine = /[аеёиоуыэю]а$/.test(low);
  // "Бейсембаев", "Иванов": a woman of this family is "-ова"/"-ева", never the bare form;
  // "Бейсембаевым", "Ильиным", "Бейсембаеву" are a man's instrumental and dative, never a woman's surname left undeclined
  const manOnly = /(?:ов|ев|ёв)у?$/.test(low) || /(?:ов|ев|ёв|ин|ын)ым$/.test(low);
  for (const g of ["masc", "femn"] as Gender[]) {
    if (g === "femn" && manOnly) continue;
    // the nominative itself
    const nomOk = g === "masc" || /[ая]$/.test(low) || fixedEnding || endsCons(low) || last === "ь";
    // "Ашимбаевым", "Коштой", "Ашимбаеву" are oblique forms, not nominatives
    const obliqueLooking = /(ым|им|ом|ем|ой|ей|ую|ого|его|ому|ему|ову|еву|ёву)$/.test(low);
    if (nomOk) out.push({ case: "nomn", gender: g, lemma: surface, score: obliqueLooking ? 0.3 : 0.6 });
    // unchanged in every case: vowel-final foreign names (as likely in any case as in the nominative: the
    // word itself says nothing, so the other parts of the name decide); consonant-final for women
    // ("Стингрей", "Гурней": a woman's foreign surname in -ей/-ай stays as it is, though less likely than a declined word)
    const feminineJ = g === "femn" && /[^аеёиоуыэюя][еа]й$/u.test(low);
    if (feminineJ) {
      for (const c of CASES) out.push({ case: c, gender: g, lemma: surface, score: 0.4, fixed: true });
    } else if (fixedEnding || (g === "femn" && (endsCons(low) || last === "ь" || fixedFeminine))) {
      // (only an ending no case ending looks like, "-о", "-э" or a vowel after a vowel, "Тиау"; "-у", "-е", "-и", "-ы"
      // after a consonant are more often a declined name's case ending: "Мильнеру", "Маехары")
      const caseless = /[оэ]$|[аеёиоуыэюя][уеиыю]$/u.test(low);
      const score = obliqueLooking ? 0.3 : fixedEnding && caseless ? 0.6 : 0.45;
      for (const c of CASES) if (c !== "nomn") out.push({ case: c, gender: g, lemma: surface, score, fixed: true });
    }
    // foreign -а/-я names that the press leaves undeclined ("со Скендером Сыла", "с Кохиром Расулзода"): less likely
    // than their declension, but possible in any case
    else if (/[^аеёиоуыэюя][ая]$/u.test(low) && !/(?:ов|ев|ёв|ин|ын|ск|цк)а$/u.test(low)) {
      for (const c of CASES) if (c !== "nomn") out.push({ case: c, gender: g, lemma: surface, score: 0.5, fixed: true, undeclinedA: true });
    }
  }
  for (const [g, c, sEnd, lEnd, ok] of RULES) {
    if (!low.endsWith(sEnd) || low.length <= sEnd.length + 1) continue;
    const lemma = low.slice(0, low.length - sEnd.length) + lEnd;
    if (!ok(lemma)) continue;
    // stressed -ой surnames (Толстой) are rarer than -ий/-ый ones
    const adjectival = ["ая", "яя", "ый", "ий", "ой"].includes(lEnd);
    if (lEnd === "ой" && sEnd.length >= 2) { out.push({ case: c, gender: g, lemma: matchCase(surface, lemma), score: 0.5, adjectival }); continue; }
    const strong = sEnd.length >= 3 || (g === "masc" && (c === "gent" || c === "accs") && POSSESSIVE.test(lemma));
    out.push({ case: c, gender: g, lemma: matchCase(surface, lemma), score: strong ? 0.6 : 0.55, adjectival });
  }
  return out;
}

/** Forms of a nominative name, for matching a lexicon name's oblique forms. */
export function declineName(nominative: string, gender: Gender): { form: string; case: Case }[] {
  const low = nominative.toLowerCase();
  const forms: { form: string; case: Case }[] = [{ form: low, case: "nomn" }];
  for (const [g, c, sEnd, lEnd, ok] of RULES) {
    if (g !== gender || !low.endsWith(lEnd) || !ok(low)) continue;
    if (lEnd === "" && !endsCons(low)) continue;
    forms.push({ form: low.slice(0, low.length - lEnd.length) + sEnd, case: c });
  }
  return forms;
}
