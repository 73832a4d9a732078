// Stage 2b of the contact pipeline: people referred to without their name. News names an
// official once and then says "министр", "спикер", "глава казахстанского МИД", "аким" or "он";
// each such reference becomes a mention of the person it refers to, so that the later stages
// see who acts in every sentence. A title that names a foreign country and no person ("принял
// посла Индии") refers to nobody named: it stays an unnamed counterpart (see clauses.ts).
import type { PersonMention, Span } from "../types";
import { HOME_TITLE, isPastVerb } from "./lexicon";
import type { ArticleMentions } from "./mentions";
import { HOME_CODE, type MentionInfo, type Profile } from "./people";
import { COLLECTIVE_HEADS, REFERENCE_HEADS, type ReferenceHead } from "../rules/references";
import { parse } from "../names/morph";
import { localShapedName } from "../names";
import { insideAny, type Sentence } from "./units";
import { gazetteer } from "../registry/places";

export interface TitleReference {
  /** The words of the reference ("глава казахстанского МИД"). */
  span: Span;
  sentence: number;
  head: ReferenceHead;
  /** The stems a named person's title must contain: the head's, or a qualified reading's ("глава государства"). */
  matches: readonly string[];
  /** Grammatical case of the head word (nomn, gent, datv, accs, ablt, loct) when the dictionary knows it. */
  grammaticalCase: string | null;
  /** Every case the head word's form can have ("посла": gent and accs). */
  cases: readonly string[];
  /** The phrase names a foreign partner ("посла Индии"): an unnamed foreign official. */
  foreign: boolean;
  /** The phrase names Kazakhstan or one of its institutions. */
  home: boolean;
  /** The gender of a past verb right after the phrase ("министр сказала"), or before it ("– сказала министр"). */
  feminine: boolean | null;
}

/** The gender of a past-tense verb opening the text ("отметила она", ", – сказал"), or null. */
function verbGender(after: string): boolean | null {
  const w = /^\s*(?:,\s*)?([а-яё]+)/u.exec(after);
  if (!w || !isPastVerb(w[1]!)) return null;
  return /(?:ла|лась)$/u.test(w[1]!) ? true : /(?:л|лся)$/u.test(w[1]!) ? false : null;
}

/** The gender of a past-tense verb closing the text ("», – сказала [министр]"), or null. */
function verbGenderBefore(before: string): boolean | null {
  const w = /([а-яё]+)\s*$/u.exec(before);
  if (!w || !isPastVerb(w[1]!)) return null;
  return /(?:ла|лась)$/u.test(w[1]!) ? true : /(?:л|лся)$/u.test(w[1]!) ? false : null;
}

const WORD = /[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*/gu;
/** Words that end a title phrase read forward from its head. */
const PHRASE_STOP = /^(?:и|а|но|с|со|в|во|на|по|к|от|для|о|об|при|что|который|которая|где|когда|также|уже|впервые|лично|вместе|как|не)$/u;

/** Every title-only reference in the article, with the head word it starts with. */
export function findTitleReferences(m: ArticleMentions): TitleReference[] {
  const out: TitleReference[] = [];
  m.sentences.forEach((s, i) => {
    const text = m.masked.slice(s.start, s.end);
    WORD.lastIndex = 0;
    for (let w = WORD.exec(text); w; w = WORD.exec(text)) {
      const at = s.start + w.index;
      if (insideAny(at, m.titleSpans) || insideAny(at, m.quoteSpans)) continue;
      const found = headOf(w[0]) ?? collectiveHeadOf(w[0]);
      if (!found) continue;
      // "во главе с …": an idiom, not the head of a title
      if (/(?:^|\s)во\s+$/iu.test(text.slice(Math.max(0, w.index - 4), w.index))) continue;
      const end = phraseEnd(m, s, at + w[0].length);
      // a name right after the title: the title of a named mention, already known
      if (m.infos.some((x) => x.mention.span[0] >= at && x.mention.span[0] <= end + 1)) continue;
      // "узбекский сенатор", "казахстанский министр": the adjectives before the head belong to the phrase
      const start = phraseStart(m, s, at);
      const span: Span = [start, end];
      const phrase = m.masked.slice(start, end);
      const inPhrase = m.partnerMentions.filter((pm) => pm.span[0] >= start && pm.span[1] <= end);
      const postedIn = (pmStart: number) => /(?:^|\s)(?:в|во|при)\s+$/u.test(m.masked.slice(Math.max(start, pmStart - 5), pmStart));
      const foreign = inPhrase.some((pm) => pm.partner.code !== HOME_CODE && !postedIn(pm.span[0]));
      const tail = phrase.slice(w[0].length).trim().toLowerCase();
      const reading = found.head.qualified?.find((q) => q.next.test(tail));
      const home = !foreign && (found.head.home || !!reading?.home || HOME_TITLE.test(phrase) || inPhrase.some((pm) => pm.partner.code === HOME_CODE));
      out.push({ span, sentence: i, head: found.head, matches: reading?.matches ?? found.head.matches, grammaticalCase: found.grammaticalCase, cases: found.cases, foreign, home, feminine: verbGender(m.masked.slice(end, s.end)) ?? (found.cases.includes("nomn") ? verbGenderBefore(m.masked.slice(s.start, start)) : null) });
    }
  });
  return out;
}

/** A collective head ("парламентарии", "делегация") as a reference to the home delegation's head. */
function collectiveHeadOf(word: string): { head: ReferenceHead; grammaticalCase: string | null; cases: string[] } | null {
  const lower = word.toLowerCase();
  for (const p of parse(lower)) {
    if (p.pos !== "NOUN") continue;
    const c = COLLECTIVE_HEADS.get(p.lemma);
    if (c) return { head: { lemma: c.lemma, matches: [], home: c.home, collective: true, examples: [] }, grammaticalCase: p.case ? schoolCase(p.case) : null, cases: casesOf(lower, p.lemma) };
  }
  return null;
}

/** The cases a form of the lemma can be in. */
function casesOf(lower: string, lemma: string): string[] {
  return [...new Set(parse(lower).filter((p) => p.pos === "NOUN" && p.lemma === lemma && p.case).map((p) => schoolCase(p.case!)))];
}

function headOf(word: string): { head: ReferenceHead; grammaticalCase: string | null; cases: string[] } | null {
  const lower = word.toLowerCase();
  // the dictionary guesses "вице-министр" as "министр": keep the prefix
  const prefix = /^вице-/u.test(lower) ? "вице-" : "";
  for (const p of parse(lower)) {
    // "министров", "послы": several officials, not a reference to one
    if (p.pos !== "NOUN" || p.number === "plur") continue;
    const head = REFERENCE_HEADS.get(prefix && !p.lemma.startsWith(prefix) ? prefix + p.lemma : p.lemma);
    if (head) return { head, grammaticalCase: p.case ? schoolCase(p.case) : null, cases: casesOf(lower, p.lemma) };
  }
  return null;
}

function schoolCase(c: string): string {
  if (c === "gen2" || c === "gen1") return "gent";
  if (c === "loc2" || c === "loc1") return "loct";
  if (c === "acc2") return "accs";
  return c;
}

/** Up to two adjectives right before the head word ("узбекский сенатор", "главный казахстанский дипломат"). */
function phraseStart(m: ArticleMentions, s: Sentence, head: number): number {
  let start = head;
  for (let k = 0; k < 2; k++) {
    // lower-case words only: a capitalised one before a title is a name ("Бадром Аль-Бусаиди глава МИД")
    const before = /(?<![\p{L}\d-])([а-яё]+(?:-[а-яё]+)*)\s+$/u.exec(m.masked.slice(Math.max(s.start, start - 40), start));
    if (!before) break;
    if (!parse(before[1]!.toLowerCase()).some((p) => p.pos === "ADJF")) break;
    start -= before[0].length;
  }
  return start;
}

/** Where the title phrase that starts at a head word ends: its genitive modifiers, up to a stop word or punctuation. */
function phraseEnd(m: ArticleMentions, s: Sentence, from: number): number {
  let end = from;
  const rest = m.masked.slice(from, s.end);
  const re = /\s+([А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*)/uy;
  let at = 0;
  for (let k = 0; k < 6; k++) {
    re.lastIndex = at;
    const w = re.exec(rest);
    if (!w) break;
    const word = w[1]!;
    const lower = word.toLowerCase();
    if (PHRASE_STOP.test(lower)) break;
    // a title's complement is in the genitive ("глава МИД Омана", "посла Индии"): a word that cannot be
    // one — a verb, another nominative ("… Омана глава казахстанского МИД") — ends the phrase
    if (!genitiveModifier(word)) break;
    at = re.lastIndex;
    end = from + at;
  }
  return end;
}

/** Can the word stand in a title's genitive complement: a genitive noun or adjective, an abbreviation (МИД, ООН)? */
function genitiveModifier(word: string): boolean {
  if (word.length >= 2 && word === word.toUpperCase()) return true;
  const capitalised = word[0] !== word[0]!.toLowerCase();
  // (the dictionary knows proper names only as written: "Индии", not "индии")
  const parses = capitalised ? [...parse(word), ...parse(word.toLowerCase())] : parse(word);
  // a capitalised name the dictionary does not know ("Омана", "Индонезии") may be a genitive
  if (capitalised && !parses.some((p) => p.known)) return true;
  return parses.some((p) => (p.pos === "NOUN" || p.pos === "ADJF" || p.pos === "NUMR") && (p.case === "gent" || p.case === "gen2" || p.case === null));
}

/**
 * The person a reference stands for: the named person on the matching side whose title shares the
 * head word (or one of its synonyms), the last one named before it; for a home head with no such
 * person, the home side's protagonist (the home person named most often).
 */
export function resolveReference(m: ArticleMentions, ref: TitleReference): string | null {
  if (ref.foreign) return null;
  if (ref.head.collective) return ref.home ? protagonist(m, ref, "home") : null;
  // "– подчеркнул гость": the visiting side's protagonist — Kazakhstan's when the report is filed from abroad
  // ("Пекин, 13 февраля /Синьхуа/ -- Делегация Сената … – заявила гостья")
  if (ref.head.partner) return protagonist(m, ref, filedAbroad(m) ? "home" : "partner");
  const before = (p: Profile) => p.mentions.some((x) => x.mention.span[0] < ref.span[0]);
  const lastBefore = (p: Profile) => Math.max(-1, ...p.mentions.filter((x) => x.mention.span[0] < ref.span[0]).map((x) => x.mention.span[0]));
  const candidates = [...m.profiles.values()].filter((p) => before(p) && sideFits(p, ref) && titleFits(p, ref.matches) && genderFits(p, ref));
  if (candidates.length) return candidates.sort((x, y) => lastBefore(y) - lastBefore(x))[0]!.name;
  // "– сказала министр" with one woman among the titled people named so far: her, whatever her title's wording
  if (ref.feminine === true) {
    const women = [...m.profiles.values()].filter((p) => before(p) && p.titleText && p.feminine === true && sideFits(p, ref));
    if (women.length === 1) return women[0]!.name;
  }
  // only a head that Kazakhstan's officials alone carry ("аким") points at the home protagonist unnamed; so does
  // a home-cued subject ("Президент Казахстана позвонил …") when the protagonist's own title says nothing else
  if (ref.head.home) return protagonist(m, ref, "home");
  if (ref.home && ref.grammaticalCase === "nomn") {
    const name = protagonist(m, ref, "home");
    const title = name ? m.profiles.get(name)?.titleText : null;
    return name && (!title || titleFits(m.profiles.get(name)!, ref.matches)) ? name : null;
  }
  return null;
}

function filedAbroad(m: ArticleMentions): boolean {
  const place = m.datelines[0]?.name;
  const country = place ? gazetteer().country(place) : null;
  return country !== null && country !== HOME_CODE;
}

/** The person of a side named most often before the reference (the first named on a tie); a home one needs a Kazakh title. */
function protagonist(m: ArticleMentions, ref: TitleReference, side: "home" | "partner"): string | null {
  const before = (p: Profile) => p.mentions.some((x) => x.mention.span[0] < ref.span[0]);
  // (a home protagonist needs a Kazakh title, or no title at all and a local-looking name: "Касым-Жомарт Токаев поговорил …")
  const fits = (p: Profile) => (side === "partner" ? p.side === "partner" : (p.side === "home" && p.kazakhTitle) || (p.side === null && !p.titleText && localShapedName(p.name)));
  const ones = [...m.profiles.values()].filter((p) => fits(p) && before(p) && genderFits(p, ref));
  if (!ones.length) return null;
  const count = (p: Profile) => p.mentions.filter((x) => !x.inQuote).length;
  return ones.sort((x, y) => count(y) - count(x) || x.mentions[0]!.mention.span[0] - y.mentions[0]!.mention.span[0])[0]!.name;
}

/** "– сказала министр": a feminine verb right after the reference rules out the men (and the reverse). */
function genderFits(p: Profile, ref: TitleReference): boolean {
  if (ref.feminine === null || p.feminine === null) return true;
  return p.feminine === ref.feminine;
}

function sideFits(p: Profile, ref: TitleReference): boolean {
  if (ref.home || ref.head.home) return p.side !== "partner";
  return true;
}

function titleFits(p: Profile, matches: readonly string[]): boolean {
  const title = (p.titleText ?? "").toLowerCase().replace(/ё/g, "е");
  return matches.some((stem) => title.includes(stem));
}

/** Stage 2b: the article's mentions with every resolvable title-only reference added as a mention of its person. */
export function addTitleReferences(m: ArticleMentions): ArticleMentions {
  const refs = findTitleReferences(m);
  const added: MentionInfo[] = [];
  for (const ref of refs) {
    const name = resolveReference(m, ref);
    if (!name) continue;
    const surface = m.text.slice(ref.span[0], ref.span[1]);
    const mention: PersonMention = { name, surface, span: ref.span, grammaticalCase: ref.grammaticalCase ?? undefined };
    added.push({ mention, name, sentence: ref.sentence, inQuote: false, nominative: ref.grammaticalCase === "nomn", referenceOnly: false, title: null, byTitle: true });
  }
  if (!added.length) return { ...m, titleReferences: refs };
  const infos = [...m.infos, ...added].sort((x, y) => x.mention.span[0] - y.mention.span[0]);
  const infosBySentence = new Map<number, MentionInfo[]>();
  for (const info of infos) infosBySentence.set(info.sentence, [...(infosBySentence.get(info.sentence) ?? []), info]);
  const profiles = new Map<string, Profile>();
  for (const [name, p] of m.profiles) {
    const mine = added.filter((x) => x.name === name);
    profiles.set(name, mine.length ? { ...p, mentions: [...p.mentions, ...mine].sort((x, y) => x.mention.span[0] - y.mention.span[0]) } : p);
  }
  return { ...m, infos, infosBySentence, profiles, titleReferences: refs };
}
