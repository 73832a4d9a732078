// Finds the people an article names: candidate runs of capitalised words, split into
// name spans by the shape of their parts (first name, patronymic, surname, initials),
// each span put in the nominative by choosing the case and gender its parts agree on,
// then variants and later surname-only mentions joined into one person.
import type { ExtractedPerson, PersonMention, Registry, Span } from "../types";
import type { Gender, Hypothesis } from "./decline";
import { isListItem, listPeople } from "./list-items";
import { tokenInfo, type TokenInfo } from "./lexicon";
import { parse, schoolCase, CASES, type Case } from "./morph";
import { gazetteer } from "../registry/places";
import { isFamilyName, isSyllable, lastPartNominative, MONGOLIAN_PATRONYMIC, mongolianGivenNominative, speaksOfEastAsia, speaksOfMongolia } from "./east-asian";

interface Token {
  text: string;
  start: number;
  end: number;
  cap: boolean;
  cyr: boolean;
  initial: boolean;
  particle: boolean;
  sentenceStart: boolean;
  /** Only spaces (or an initial's period) separate it from the previous token. */
  glued: boolean;
  /** The previous token when glued to it. */
  prev?: Token;
  /** Cached dictionary knowledge. */
  info?: TokenInfo;
}

const PARTICLES = new Set(["фон", "дер", "де", "ван", "ибн", "бен", "бин", "ди", "да", "дель", "делла", "дос", "дю", "эль", "аль", "ле", "ла", "оглы", "улы", "кызы", "уулу"]);

const SKIP_BEFORE = new Set([" ", "\t", "\u00a0", "«", '"', "„", "“", "(", "—", "–", "-"]);

/** What precedes position `start` (over spaces, quotes, dashes) ends a sentence or a line. */
function opensSentence(text: string, start: number, afterInitial: boolean): boolean {
  let i = start - 1;
  while (i >= 0 && SKIP_BEFORE.has(text[i])) i--;
  if (i < 0) return true;
  const ch = text[i];
  if (ch === "\n" || ch === "\r") return true;
  return !afterInitial && (ch === "." || ch === "!" || ch === "?" || ch === "…" || ch === ":");
}

const HYPHEN_PARTICLE = /^(аль|эль|ал|ад|ас|ат|аш|ибн|бин|бен|де|ди|дю|ле|ла|ван|фон)-[А-ЯЁ]/;

const isCyr = (c: number) => c >= 0x400 && c <= 0x4ff;
const isUpperCyr = (c: number) => (c >= 0x400 && c <= 0x42f) || (c >= 0x460 && c <= 0x4ff && String.fromCharCode(c) !== String.fromCharCode(c).toLowerCase());

/** Only spaces between `from` and `to`, or (after an initial) a period and spaces. */
function gapKind(text: string, from: number, to: number): "space" | "period" | "other" {
  if (from >= to) return "other";
  let i = from;
  let period = false;
  if (text.charCodeAt(i) === 46) { period = true; i++; }
  // menus and tables separate items by several spaces; a name's words by one
  if (!period && to - i > 2) return "other";
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 0xa0 && !(period && (c === 9 || c === 10 || c === 13))) return "other";
  }
  return period ? "period" : "space";
}

/** Latin and Cyrillic letters, the Kazakh ones included (Жеңіс Қасымбек). */
const isLetter = (c: number) => (c >= 0x400 && c <= 0x4ff) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let prevEnd = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isLetter(text.charCodeAt(i))) { i++; continue; }
    const start = i;
    // letters, with inner hyphens and apostrophes between letters ("Нур-Султан", "О'Рейли")
    for (;;) {
      while (i < n && isLetter(text.charCodeAt(i))) i++;
      const c = text.charCodeAt(i);
      if ((c === 45 || c === 39 || c === 0x2019) && i + 1 < n && isLetter(text.charCodeAt(i + 1))) { i++; continue; }
      break;
    }
    const end = i;
    const word = text.slice(start, end);
    const prev = out.length ? out[out.length - 1] : undefined;
    const gap = prev ? gapKind(text, prevEnd, start) : "other";
    const afterInitial = !!prev?.initial && gap === "period";
    const glued = !!prev && (gap === "space" || afterInitial);
    const c0 = word.charCodeAt(0);
    const cyr = isCyr(c0);
    const upper = isUpperCyr(c0);
    const next = text.charCodeAt(end);
    const followedByNumber = (next >= 48 && next <= 57) || (next === 45 && text.charCodeAt(end + 1) >= 48 && text.charCodeAt(end + 1) <= 57);
    // "аль-Хадж", "эль-Масри": a lower-case particle glued to a capitalised name
    const cap = (!followedByNumber && upper) || (!upper && cyr && word.includes("-") && HYPHEN_PARTICLE.test(word));
    out.push({
      text: word,
      start,
      end,
      cap,
      cyr,
      initial: upper && word.length === 1 && next === 46,
      particle: !upper && cyr && word.length <= 5 && PARTICLES.has(word.toLowerCase()),
      // only capitalised words need to know
      sentenceStart: cap && (out.length === 0 || opensSentence(text, start, afterInitial)),
      glued,
      prev: glued ? prev : undefined,
    });
    prevEnd = end;
  }
  return out;
}

type Role = "F" | "P" | "S" | "I" | "X";

interface Candidate {
  tokens: Token[];
  roles: Role[];
  /** Index of the first token in the article's token list. */
  at: number;
  /** Length of the capitalised run the span came from. */
  run: number;
}

function info(t: Token): TokenInfo {
  return (t.info ??= tokenInfo(t.text));
}

const isFirst = (t: Token) => t.cap && !t.initial && info(t).first.length > 0;
const isPatr = (t: Token) => info(t).patronymic.length > 0 && (t.cap || /^(улы|уулу|оглы|кызы|гызы)$/.test(t.text));
/** Could be a surname: not a place, organisation or everyday word in the dictionary. */
function surnameLike(t: Token): boolean {
  if (!t.cap || t.initial || !t.cyr) return false;
  const i = info(t);
  if (i.dictSurname) return true;
  if (i.place || i.organisation) return false;
  // az reads many -ов/-ев/-ин surnames as possessive adjectives (Токаев → токаев ADJF)
  if (/(ов|ев|ёв|ин|ын)(а|у|ым|ом|е|ой|ы)?$/.test(t.text)) return true;
  if (i.common && !i.nameFirst) return false;
  return true;
}
// "», – сказала X" and the end of a dash paragraph ", – сказала X"
const SPEECH_CLOSE = /(?:[»"“]\s*,?\s*[–—-]|[»"“],|[,!?…]\s*[–—-])\s*$/;
const MASCULINE_INSTRUMENTAL = /[^аеёиоуыэюяй](?:ом|ем)$/;
const INSTRUMENTAL = /[^аеёиоуыэюя](?:ом|ем|ой|ей|ым|им)$/;
const FEMININE_INSTRUMENTAL = /[^аеёиоуыэюяй](?:ией|ьей|ой|ей)$/;
const POSSESSIVE_FORM = /(ов|ев|ёв|ин|ын)а?$/;
/** Endings hardly anything but a surname has. */
const STRONG_SURNAME = /(?:ов|ев|ёв|ин|ын)(?:а|у|ым|ом|е|ой|ы)?$|(?:енко|швили|дзе|ян|янц|ский|цкий|ская|цкая)$/u;
const SURNAME_SHAPE = /((ов|ев|ёв|ин|ын)(а|у|ым|ом|е|ой|ы)?|(ск|цк)(ий|ая|ого|ому|им|ом|ой|ую)|швили|дзе|ян|янц|енко|ук|юк|баев[а-я]*|улы|ұлы)$/i;
/** An animate common noun in the dictionary: a title ("Президент"), not a first name. */
/** Titles of Central Asian officials that OpenCorpora lacks (its guesses read "Аким" as a name). */
const LOCAL_TITLE = /^(?:аким|хоким|мажилисмен|торага|акимат|хокимият)\p{L}{0,3}$/iu;
const isTitleWord = (t: Token) => LOCAL_TITLE.test(t.text) || (t.text.length >= 3 && parse(t.text).some((p) => p.known && p.pos === "NOUN" && p.marks.has("anim") && !p.marks.has("Name") && !p.marks.has("Surn")));
/** The token right before is a lower-case noun ("вдова Ельцина"): a genitive, not the start of a decree-style name. */
function afterNoun(t: Token): boolean {
  const prev = t.prev;
  return !!prev && !prev.cap && parse(prev.text).some((p) => p.known && p.pos === "NOUN" && p.marks.has("anim"));
}

/** Known to the dictionary as a word, place, organisation, given name or surname: "Жамиль", known only as a patronymic-like form, is not. */
const knownBeyondNames = (t: Token) => {
  const i = info(t);
  return i.known && (i.common || i.place || i.organisation || i.dictFirst || i.dictSurname);
};

/** Known to the dictionary as a name part and nothing else ("Аарон", which it files as a surname). */
const nameOnly = (t: Token) => {
  const i = info(t);
  return i.nameFirst && !i.common && !i.place && !i.organisation;
};

/** A real patronymic is made from a first name: Николаевич ← Николай, Иосифовна ← Иосиф. */
function fromFirstName(t: Token): boolean {
  const m = /^(.+?)(ович|евич|овн|евн|ичн|ич)/.exec(t.text.toLowerCase());
  if (!m) return false;
  const stem = m[1].charAt(0).toUpperCase() + m[1].slice(1);
  return [stem, stem + "й", stem + "а", stem.replace(/ь$/, "") + "а"].some((f) => tokenInfo(f).first.some((h) => h.case === "nomn"));
}
const isAbbrev = (t: Token) => t.text.length >= 2 && t.text === t.text.toUpperCase();

/** Splits the article's capitalised runs into candidate name spans. */
/** «Нур Отан», „Энергия“, "Ак жол": right after an opening quote (“ closes in Russian typography). */
function afterOpeningQuote(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text[i] === " " || text[i] === "\u00a0")) i--;
  if (i < 0) return false;
  const q = text[i];
  if (q === "«" || q === "„") return true;
  return q === '"' && (i === 0 || /\s|\(/.test(text[i - 1]));
}

/**
 * Surnames the article also uses alone ("… Арарат Мирзоян … Мирзоян отметил"): the keys of capitalised words that
 * stand by themselves inside a sentence (no capitalised neighbour) at least once, counted by their stem.
 */
function loneStems(tokens: Token[]): Set<string> {
  const out = new Set<string>();
  tokens.forEach((t, i) => {
    if (!t.cap || !t.cyr || t.initial || isAbbrev(t) || t.text.length < 4) return;
    const prevCap = t.glued && !!tokens[i - 1]?.cap;
    const nextCap = !!tokens[i + 1]?.glued && !!tokens[i + 1]?.cap;
    if (!prevCap && !nextCap) out.add(stemKey(t.text));
  });
  return out;
}

/** A surname's key without a case ending: "Мирзояна", "Мирзояном" → "мирзоян". */
function stemKey(word: string): string {
  return key(word).replace(/(?:ом|ем|ым|им|ой|ей|ам|ах|у|ю|а|я|е|ы|и)$/u, "");
}

/** `blocked`: tokens that belong to no name (a country's or an organisation's): a run of capitalised words ends there. */
function candidates(tokens: Token[], text: string, blocked: (t: Token) => boolean = () => false): Candidate[] {
  const out: Candidate[] = [];
  const lone = loneStems(tokens);
  // the same two capitalised words, in any case, more than once ("Арарата Мирзояна … Арарат Мирзоян")
  const pairs = new Map<string, number>();
  tokens.forEach((t, i) => {
    const n = tokens[i + 1];
    if (t.cap && t.cyr && n?.glued && n.cap && n.cyr) pairs.set(`${stemKey(t.text)} ${stemKey(n.text)}`, (pairs.get(`${stemKey(t.text)} ${stemKey(n.text)}`) ?? 0) + 1);
  });
  // the words each capitalised word is followed by: a given name opens pairs with several surnames
  const opens = new Map<string, Set<string>>();
  tokens.forEach((t, i) => {
    const n = tokens[i + 1];
    if (t.cap && t.cyr && n?.glued && n.cap && n.cyr) opens.set(stemKey(t.text), (opens.get(stemKey(t.text)) ?? new Set()).add(stemKey(n.text)));
  });
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!(t.cap && t.cyr) || isAbbrev(t) || INSTITUTION_WORD.test(t.text) || blocked(t)) {
      i++;
      continue;
    }
    // the run of glued capitalised words (and particles between them)
    let j = i + 1;
    while (j < tokens.length && tokens[j].glued && tokens[j].cyr && !blocked(tokens[j]) && !INSTITUTION_WORD.test(tokens[j].text) && ((tokens[j].cap && !isAbbrev(tokens[j])) || (tokens[j].particle && (particleChainEndsCapitalised(tokens, j) || TURKIC_PATRONYMIC_WORD.test(tokens[j].text))))) j++;
    const run = tokens.slice(i, j);
    // «Нур Отан», "Ак жол": a quoted name is a party, a company, a title
    if (!afterOpeningQuote(text, t.start)) segment(run, i, out, tokens[j], (k) => titleBefore(tokens, i + k, text) !== null, (g, sn) => lone.has(stemKey(sn.text)) || (pairs.get(`${stemKey(g.text)} ${stemKey(sn.text)}`) ?? 0) >= 2, (g) => (opens.get(stemKey(g.text))?.size ?? 0) >= 2, (g, sn) => (pairs.get(`${stemKey(g.text)} ${stemKey(sn.text)}`) ?? 0) >= 2);
    i = j;
  }
  return out;
}

/** Parliaments whose names read like a given name and a surname ("Олий Мажлиса", "Жогорку Кенеша") or like a woman's name before one ("Мажилиса Зарина …"). */
const INSTITUTION_WORD = /^(?:Мажилис|Олий|Оли|Жогорку|Милли|Мажлис|Маджлис|Меджлис|Кенеш|Маслахат|Хурал|Курултай|Кнессет|Бундестаг|Сейм|Риксдаг|Стортинг|Фолькетинг|Альтинг|Эдускунт)\p{L}{0,3}$/u;

/** "Азамат Асанбек уулу", "Гульнара Серик кызы": the word that makes a father's name a Turkic patronymic or surname. */
const TURKIC_PATRONYMIC_WORD = /^(?:уулу|кызы|гызы|оглы|улы)$/;

/** "фон дер Ляйен": particles count only when a capitalised word follows them. */
function particleChainEndsCapitalised(tokens: Token[], j: number): boolean {
  let k = j;
  while (k < tokens.length && tokens[k].particle && tokens[k].glued) k++;
  return k < tokens.length && tokens[k].glued && tokens[k].cap;
}

/** A lower-case verb in the past or the present third person right after: the run before it is its subject. */
function verbAfter(t: Token | undefined): boolean {
  return !!t && t.glued && !t.cap && parse(t.text).some((p) => p.known && p.pos === "VERB" && p.number === "sing" && (p.raw.tag["past"] || p.raw.tag["3per"]));
}

/** A word the dictionary does not know but guesses, first of all, to be a given name ("Гергей", "Йохен"). */
function guessedGivenName(t: Token): boolean {
  if (info(t).known) return false;
  const top = parse(t.text)[0];
  return !!top && top.marks.has("Name");
}

/** The two words from k are the last of the run, after only places and organisations ("Португалии Антониу Кошта"). */
function lastPairOfRun(run: Token[], k: number): boolean {
  return k + 2 === run.length && run.slice(0, k).every((x) => info(x).place || info(x).organisation);
}

/**
 * "Мухаммадом Исхаком Даром": after two or more given names, the next capitalised word inside the sentence is the
 * surname even when it is also a common word ("даром"), unless it is a place, an organisation or a title.
 */
function surnameAfterGiven(t: Token, roles: readonly Role[]): boolean {
  return roles.length >= 2 && roles.every((r) => r === "F") && t.cap && t.cyr && t.glued && !t.sentenceStart && !t.initial && !isAbbrev(t) && !info(t).place && !info(t).organisation && !isTitleWord(t);
}

/**
 * "Н. Кан", "А. Анкара"? After an initial, a word the dictionary knows as a place and also as a given name or with a
 * surname's ending is the surname: initials stand before surnames. "Н. Новгород" (a place and nothing else) is not.
 */
/** "Эссам Абд Эль Фатах", "Махмуд Абу Заид": inside a name, words that link its parts. */
const ARABIC_LINK = /^(?:Абд|Абдель|Абдуль|Абу)$/u;
/** "Аль Аин", "Эль Фатах": the Arabic article opens a place or a surname, never a given name. */
const ARTICLE = /^(?:Аль|Эль|Ас|Ад|Ат)$/u;

/** Posts written with a capital in official texts; other animate nouns ("Кок", "Барон") may well be surnames. */
const POST = /^(?:Президент|Премьер|Министр|Посол|Председател|Спикер|Глав|Секретар|Генсек|Генеральн|Депутат|Сенатор|Советник|Помощник|Замести|Вице|Руководител|Директор|Губернатор|Мэр|Канцлер|Король|Корол|Принц|Эмир|Султан|Шейх)/u;

function surnameAfterInitial(t: Token): boolean {
  const i = info(t);
  return t.cap && t.cyr && !t.initial && !isAbbrev(t) && i.place && !i.organisation && (i.dictFirst || i.dictSurname || POSSESSIVE_FORM.test(t.text));
}

/** Known to the dictionary only as a place (Ольвия, Салем): after a title, a given name rather than a town. */
const onlyPlace = (t: Token) => {
  const i = info(t);
  return i.known && i.place && !i.common && !i.organisation && !i.dictFirst && !i.dictSurname;
};

function segment(run: Token[], offset: number, out: Candidate[], after?: Token, titledAt: (k: number) => boolean = () => false, aloneElsewhere: (given: Token, surname: Token) => boolean = () => false, givenElsewhere: (given: Token) => boolean = () => false, pairTwice: (given: Token, surname: Token) => boolean = () => false) {
  let k = 0;
  const push = (len: number, roles: Role[]) => {
    out.push({ tokens: run.slice(k, k + len), roles, at: offset + k, run: run.length });
    k += len;
  };
  while (k < run.length) {
    const a = run[k], b = run[k + 1], c = run[k + 2];
    // "Аль Аин", "Эль Фатах": what follows the Arabic article is a place or the rest of a name begun before
    if (ARTICLE.test(a.text) && b) { k += 2; continue; }
    // initials before or after a surname: "Н. Байбулин", "Байбулин Н. А."
    if (a.initial) {
      let n = 1;
      if (b?.initial) n = 2;
      const s = run[k + n];
      if (s && (surnameLike(s) || surnameAfterInitial(s))) { push(n + 1, [...Array(n).fill("I"), "S"]); continue; }
      k += n;
      continue;
    }
    if (b?.initial && surnameLike(a) && !a.sentenceStart && !(run[k + (c?.initial ? 3 : 2)] && surnameLike(run[k + (c?.initial ? 3 : 2)]))) {
      const n = c?.initial ? 2 : 1;
      push(n + 1, ["S", ...Array(n).fill("I")]);
      continue;
    }
    // "Шахин Абдулла оглы Мустафаев": a given name, the father's name with "оглы"/"кызы", then the surname
    const d = run[k + 3];
    if (b && c && d && !a.sentenceStart && a.cap && b.cap && TURKIC_PATRONYMIC_WORD.test(c.text) && d.cap && !info(a).place && !info(a).organisation && !isTitleWord(a) && surnameLike(d)) {
      push(4, ["F", "X", "X", "S"]);
      continue;
    }
    // decree order: surname, first name, patronymic
    if (b && c && isFirst(b) && isPatr(c) && surnameLike(a) && !isFirst(a) && !afterNoun(a)) {
      push(3, ["S", "F", "P"]);
      continue;
    }
    // "Астана Опера", "в Астане Председатель": a place that is also a first name starts a person only before a real surname
    const placeAfterPrep = info(a).placeFirst && (/^(в|во|на|из|под)$/i.test(a.prev?.text ?? "") || !(b && (info(b).dictSurname || SURNAME_SHAPE.test(b.text))));
    // "Аким Туркестанской области": a title the dictionary also knows as a given name opens no name
    const starts = isFirst(a) && !LOCAL_TITLE.test(a.text) && !ARTICLE.test(a.text) && !placeAfterPrep && !(a.sentenceStart && info(a).common && !info(a).nameFirst && !(b && surnameLike(b)));
    // "Тулией Аксон", "Одилией Бассо": an unknown feminine given name in the instrumental before a foreign surname that does not decline
    const unknownOrTitledPlace = !info(a).known || (onlyPlace(a) && titledAt(k));
    const foreignFeminine = !starts && !!b && !a.sentenceStart && unknownOrTitledPlace && FEMININE_INSTRUMENTAL.test(a.text) && b.cyr && !b.initial && !info(b).place && !info(b).organisation && !isTitleWord(b);
    // "Ганбатом Дамбой", "Баатаром Лхагвой": an unknown word in the instrumental and a capitalised word in the same case
    const instrumentalPair = !starts && !!b && !a.sentenceStart && unknownOrTitledPlace && MASCULINE_INSTRUMENTAL.test(a.text) && INSTRUMENTAL.test(b.text) && b.cyr && !b.initial && !info(b).place && !info(b).organisation && !isTitleWord(b) && !isAbbrev(b);
    // "Маулен Ашимбаев провел встречу", "Жан-Люк Меланшон заявил": an unknown given name opening a sentence whose verb follows the pair
    const subjectPair = !starts && !!b && a.sentenceStart && k === 0 && run.length === 2 && !info(a).known && !a.initial && !b.initial && !info(b).place && !info(b).organisation && !isTitleWord(b) && (SURNAME_SHAPE.test(b.text) || !info(b).known || info(b).dictSurname) && verbAfter(after);
    const unknownStart = !starts && b && (foreignFeminine || instrumentalPair || subjectPair || ((!a.sentenceStart || (isPatr(b) && !info(a).known)) && !info(a).place && !info(a).organisation && !isTitleWord(a) && (knownBeyondNames(a) ? (info(b).dictSurname && info(b).nameFirst) || (nameOnly(a) && !info(b).known && surnameLike(b)) : surnameLike(a) && (info(b).dictSurname || (isPatr(b) && fromFirstName(b)) || (isFirst(b) && k + 2 === run.length) || (!info(b).known && surnameLike(b)) || /(ов|ев|ёв|ин|ын|ова|ева|ина|ына|ский|ская|ко|швили|дзе|ян|енко|ук|юк|улы|ұлы|баев|баева)$/i.test(b.text.replace(/(а|у|ым|ой|ом|е)$/, ""))))));
    // "Арарат Мирзоян … Мирзоян отметил", "Карлос Батрес … Батрес": an unknown or place-like word before a word the
    // article also uses alone as a name is a given name
    const lastPair = lastPairOfRun(run, k);
    // "Карлос Батрес … Карлос Симон", "Гергей Ковач": a word that opens pairs with several surnames, or that the
    // dictionary guesses to be a given name, is one
    const givenByUse = !starts && !unknownStart && !!b && lastPair && !a.sentenceStart && !a.initial && !b.initial && b.cap && !isTitleWord(b) && !info(b).place && !info(b).organisation && !isAbbrev(b) && !info(a).organisation && !info(a).place && !(info(a).common && !info(a).nameFirst) && !isTitleWord(a) && !LOCAL_TITLE.test(a.text) && (givenElsewhere(a) || guessedGivenName(a));
    // "нидерландский предприниматель Бессель Кок проводит": right after a title, two capitalised words of which the
    // first is unknown to the dictionary and the second names no place, organisation or post
    const titledPair = !starts && !unknownStart && !!b && lastPair && titledAt(k) && !a.sentenceStart && !info(a).known && !a.initial && !isAbbrev(a) && b.cap && b.cyr && !b.initial && !isAbbrev(b) && !info(b).place && !info(b).organisation && !POST.test(b.text) && !LOCAL_TITLE.test(b.text);
    // ("Острова Уайт … Острове Уайт": a common noun that is no given name opens no name, however often)
    // ("Хаканом Фиданом … Хакан Фидан": an animate one, a title, may be a foreign given name)
    const commonOnly = (t: Token) => info(t).common && !info(t).dictFirst && !info(t).nameFirst && !info(t).dictSurname && parse(t.text).every((p) => !p.known || (p.pos === "NOUN" && p.marks.has("inan")));
    const repeatedSurname = !starts && !unknownStart && !!b && lastPair && !a.initial && !b.initial && !info(a).organisation && (!isTitleWord(a) || pairTwice(a, b)) && !isTitleWord(b) && !info(b).place && !info(b).organisation && !a.sentenceStart && surnameLike(b) && (((!info(a).known || info(a).place || info(a).dictFirst || info(a).dictSurname) && aloneElsewhere(a, b)) || (pairTwice(a, b) && !commonOnly(a)));
    // "Мигеля Анхеля Моратиноса … Моратиноса": two unknown given names before a surname the article uses alone
    // (one of them may be a place's name too, "Анхель", when the article writes the two together again)
    if (!starts && !unknownStart && b && c && k + 3 === run.length && run.slice(0, k).every((x) => info(x).place || info(x).organisation) && !a.sentenceStart && [a, b].every((x) => (!info(x).known || (onlyPlace(x) && pairTwice(a, b))) && !x.initial && !isAbbrev(x)) && surnameLike(c) && aloneElsewhere(b, c)) {
      push(3, ["F", "F", "S"]);
      continue;
    }
    if (starts || unknownStart || repeatedSurname || givenByUse || titledPair) {
      // first name, further given names / patronymic / particles, then the surname
      const roles: Role[] = ["F"];
      let n = 1;
      // a particle may lengthen the name: "Мухаммедом бен Сальманом Аль Саудом"
      while (k + n < run.length && (n < 5 || (roles[roles.length - 1] === "X" && n < 7))) {
        const t = run[k + n];
        const isLast = k + n + 1 >= run.length;
        // "Фуад Рамиз оглы Гасанов": the father's name and "оглы" stand as written, the surname follows;
        // "Азамат Асанбек уулу": with nothing after, the two words are the surname
        const turkic = run[k + n + 1];
        if (turkic && TURKIC_PATRONYMIC_WORD.test(turkic.text) && t.cap && !info(t).place && !info(t).organisation) {
          if (k + n + 2 < run.length && run[k + n + 2]!.cap) { roles.push("X", "X"); n += 2; continue; }
          roles.push("S", "X");
          n += 2;
          break;
        }
        if (t.particle || ((PARTICLES.has(t.text.toLowerCase().replace(/-.*/, "")) || ARABIC_LINK.test(t.text)) && !isLast && run[k + n + 1].cap)) { roles.push("X"); n++; continue; }
        if (isPatr(t) && n >= 1 && roles[roles.length - 1] === "F") { roles.push("P"); n++; continue; }
        const afterParticle = roles[roles.length - 1] === "X";
        // "Оли Таджикистана Махмадтоиром": a place known only as such stands for a given name only in the nominative ("Ольвия")
        const givenLikePlace = onlyPlace(t) && !isLast && run[k + n + 1]!.cap && parse(t.text).some((p) => p.known && p.marks.has("Geox") && p.case !== "gent" && p.case !== "gen2");
        const ok = surnameLike(t) || (afterParticle && !info(t).place && !info(t).organisation) || (n === 1 && !info(t).organisation && (!isTitleWord(t) || isLast) && ((info(t).common && !info(t).place) || SURNAME_SHAPE.test(t.text))) || isFirst(t) || givenLikePlace || (n >= 2 && surnameAfterGiven(t, roles));
        if (!ok) break;
        const next = run[k + n + 1];
        roles.push(isLast || !(isFirst(t) && (surnameLike(next) || isFirst(next) || (!!next && surnameAfterGiven(next, [...roles, "F"])))) ? "S" : "F");
        n++;
        if (roles[roles.length - 1] === "S") {
          // a further particle and name part: "Сальманом Аль Саудом", "Абдуллой аль-Гханимом" stays one person
          const nextTok = run[k + n];
          if (nextTok && PARTICLES.has(nextTok.text.toLowerCase()) && k + n + 1 < run.length && run[k + n + 1].cap && roles.includes("X")) {
            roles[roles.length - 1] = "F";
            continue;
          }
          // a second surname or a surname with a particle: "Мехуто Гонсалес", "Абд эль-Фатах", "Тайип Эрдоган"
          const next = run[k + n];
          // ("Элифас Мутени Барине": a capitalised word the dictionary knows as a common one, "барине", glued after an unknown one)
          const commonTail = !!next && !info(t).known && next.cap && next.cyr && !next.sentenceStart && !next.initial && info(next).common && !info(next).place && !info(next).organisation && !LOCAL_TITLE.test(next.text) && !isAbbrev(next);
          // ("Хосе Мануэль Альбарес Буэно": two given names and two surnames)
          if (next && (n < 3 || (n === 3 && roles[0] === "F" && roles[1] === "F" && !info(next).known && !commonTail)) && (!isFirst(next) || k + n + 1 >= run.length) && ((surnameLike(next) && (!info(next).known || info(next).dictSurname || next.text.includes("-") || (isFirst(next) && k + n + 1 >= run.length))) || commonTail) && !info(t).dictSurname) {
            roles[roles.length - 1] = "F";
            continue;
          }
          break;
        }
      }
      while (roles.length > 1 && roles[roles.length - 1] === "X" && !TURKIC_PATRONYMIC_WORD.test(run[k + n - 1]!.text)) { roles.pop(); n--; }
      // "Виктор Янукович": a surname that looks like a patronymic
      if (!roles.includes("S") && roles[roles.length - 1] === "P" && roles.length === 2 && !fromFirstName(run[k + 1])) roles[1] = "S";
      // "Уршей Клакочар Зупанчич": a last word shaped like a patronymic that no given name yields, after two names, is the surname
      if (!roles.includes("S") && roles[roles.length - 1] === "P" && roles.length >= 3 && !fromFirstName(run[k + n - 1]!)) roles[roles.length - 1] = "S";
      if (roles.includes("S") || roles.includes("P")) { push(n, roles); continue; }
      // a lone first name is not a person on its own, but may be a later mention of a surname ("Фидану")
      if (!surnameLike(a) || info(a).dictFirst) { push(1, ["S"]); continue; }
    }
    // at a sentence start only as a later mention of someone already named (checked in findPeople)
    if (surnameLike(a) || (a.sentenceStart && run.length === 1 && !info(a).place && !info(a).organisation)) { push(1, ["S"]); continue; }
    k++;
  }
}

// ------------------------------------------------------------------ case and gender

const PREP_CASES: Record<string, Case[]> = {
  с: ["ablt", "gent"], со: ["ablt", "gent"], у: ["gent"], от: ["gent"], для: ["gent"], без: ["gent"], до: ["gent"], после: ["gent"],
  против: ["gent"], около: ["gent"], кроме: ["gent"], среди: ["gent"], между: ["ablt"], над: ["ablt"], под: ["ablt", "accs"], перед: ["ablt"],
  к: ["datv"], ко: ["datv"], по: ["datv"], благодаря: ["datv"], о: ["loct"], об: ["loct"], обо: ["loct"], при: ["loct"],
  из: ["gent"], вокруг: ["gent"], возле: ["gent"], вместо: ["gent"],
  про: ["accs"], через: ["accs"], на: ["accs", "loct"], в: ["accs", "loct"], за: ["accs", "ablt"],
};

const KINSHIP = /^(?:сестра|брат|жена|муж|сын|дочь|дочка|мать|отец|вдова|вдовец|внук|внучка|дед|бабушка|дядя|тётя|тетя|племянник|племянница|супруг|супруга|зять|невестка|тесть|свекровь|родственник|родственница|наследник|наследница)$/u;

/** Cases suggested by the words right before a span: a preposition, or a title it stands in apposition to. */
/** The cases of an animate title a few words before: "послом США Дэниелом Розенблюмом", "министра ... Масацугу Асакаву". */
function titleBefore(tokens: Token[], at: number, text: string, adjacentOnly = false): Case[] | null {
  // "заместителем председателя комитета Ли Хунчжуном": the head title and the titles in its complement all count
  const found: Case[] = [];
  for (let k = at - 1; k >= Math.max(0, at - 7); k--) {
    const t = tokens[k];
    if (/[,.;:!?()«»"]/.test(text.slice(t.end, tokens[k + 1].start))) break;
    if (t.cap && !isTitleWord(t)) continue;
    // "генерал-лейтенанта", "премьер-министром": the last part carries the title and its case
    const titles = t.text.length < 3 ? [] : parse(t.text.replace(/^.*-/, "")).filter((p) => p.known && p.pos === "NOUN" && p.marks.has("anim") && !p.marks.has("Name") && !p.marks.has("Fixd"));
    // "на сестре Джоанны Стингрей", "сыну Ивана Петрова": a kinship word takes the name as its genitive, not in apposition
    if (titles.length && titles.every((p) => KINSHIP.test(p.lemma))) {
      found.push("gent");
      break;
    }
    if (titles.length) {
      const cases = titles.filter((p) => p.number !== "plur").map((p) => schoolCase(p.case)).filter((c): c is Case => !!c);
      found.push(...cases);
      if (adjacentOnly || !cases.every((c) => c === "gent" || c === "accs")) break;
      continue;
    }
    if (adjacentOnly) break;
    // "Послом Индонезии в Казахстане Фадьроэлем": the post's place does not end the title
    if (/^(в|во|при)$/i.test(t.text) && tokens[k + 1]?.cap) continue;
    // the genitive complement of a title ("министр иностранных дел"): keep looking left
    const ps = parse(t.text).filter((p) => p.known);
    if (!ps.some((p) => p.pos === "CONJ" || p.pos === "PREP" || p.pos === "PRCL") && ps.some((p) => (p.pos === "NOUN" || p.pos === "ADJF") && p.case === "gent")) continue;
    break;
  }
  return found.length ? [...new Set(found)] : null;
}

/** Cases suggested by the words around a span: a verb after it, a preposition, title or noun before it. */
function contextCases(tokens: Token[], at: number, text: string, len = 1): Map<Case, number> {
  const bonus = new Map<Case, number>();
  // "3. Аркади Патаркацишвили — 6,69 %", "• Тору Камикава (Япония)": a list names in the nominative
  if (isListItem(tokens, at, len, text)) return bonus.set("nomn", 0.6);
  const next = tokens[at + len];
  if (next && !/[,.;:!?()«»"]/.test(text.slice(tokens[at + len - 1].end, next.start)) && !next.cap) {
    // the subject of a finite verb: "Кошта заявил", "Саранго отметила"
    if (parse(next.text).some((p) => p.known && p.pos === "VERB" && p.number === "sing" && (p.raw.tag["past"] || p.raw.tag["3per"]))) bonus.set("nomn", 0.3);
  }
  const prev = tokens[at - 1];
  if (!prev) return bonus;
  if (/[,.;:!?()«»"]/.test(text.slice(prev.end, tokens[at].start))) return bonus;
  // "», – подчеркнул Ку Хон Сок": the speaker after the verb that closes a quotation is its subject
  if (SPEECH_CLOSE.test(text.slice(Math.max(0, prev.start - 6), prev.start)) && parse(prev.text).some((p) => p.known && p.pos === "VERB" && p.raw.tag["past"])) {
    bonus.set("nomn", (bonus.get("nomn") ?? 0) + 0.5);
    return bonus;
  }
  const prep = PREP_CASES[prev.text.toLowerCase()];
  const add = (c: Case, v: number) => bonus.set(c, (bonus.get(c) ?? 0) + v);
  if (prep) {
    for (const c of prep) add(c, 0.35);
    return bonus;
  }
  const title = titleBefore(tokens, at, text);
  if (title) {
    for (const c of title) add(c, 0.35);
    return bonus;
  }
  if (prev.cap) return bonus;
  const ps = parse(prev.text).filter((p) => p.known);
  // "высказывания Наото Кана": a name right after a noun is mostly its genitive;
  // after a transitive verb, its object ("заменить Гаррета Рейсмана")
  if (ps.some((p) => p.pos === "NOUN") && !ps.some((p) => p.pos === "VERB" || p.pos === "ADJF" || p.pos === "PREP" || p.pos === "CONJ")) add("gent", 0.2);
  else if (ps.some((p) => (p.pos === "VERB" || p.pos === "INFN") && p.raw.tag["tran"])) add("accs", 0.2);
  return bonus;
}

interface Reading {
  case: Case;
  gender: Gender;
  parts: string[];
  score: number;
  /** Tokens with no reading in the chosen case and gender. */
  misfits: boolean[];
}

const roleHyps = new Map<string, Hypothesis[]>();

function hypsFor(t: Token, role: Role): Hypothesis[] {
  const cacheKey = role + t.text;
  let hit = roleHyps.get(cacheKey);
  if (!hit) {
    hit = computeHyps(t, role);
    if (roleHyps.size > 100_000) roleHyps.clear();
    roleHyps.set(cacheKey, hit);
  }
  return hit;
}

const voteKeyCache = new Map<string, string[]>();

/** The distinct lemma keys a name part could have, for the article-wide vote. */
function voteKeys(t: Token, role: Role): string[] {
  const cacheKey = role + t.text;
  let hit = voteKeyCache.get(cacheKey);
  if (!hit) {
    hit = [...new Set(hypsFor(t, role).map((h) => role + key(h.lemma)))];
    if (voteKeyCache.size > 100_000) voteKeyCache.clear();
    voteKeyCache.set(cacheKey, hit);
  }
  return hit;
}

function computeHyps(t: Token, role: Role): Hypothesis[] {
  const i = info(t);
  if (role === "F") {
    if (i.first.length) return i.first;
    // "Жаном-Люком", "Анной-Марией": each part of a double given name declines on its own
    const dash = t.text.indexOf("-");
    if (dash > 0) {
      const head = tokenInfo(t.text.slice(0, dash)).first;
      const tail = tokenInfo(t.text.slice(dash + 1)).first;
      const both: Hypothesis[] = [];
      for (const h of head) for (const k of tail) if (h.case === k.case && h.gender === k.gender) both.push({ ...h, lemma: `${h.lemma}-${k.lemma}`, score: Math.min(h.score, k.score) });
      if (both.length) return both;
    }
    // an unknown given name: foreign ones are mostly indeclinable (Сейджи, Кими, Ахмат-Хаджи)
    // a soft-sign stem only from the nominative itself or an ending after a consonant
    // (Фадьроэль, Фадьроэлем, Мишаля); "Зульфия" is not the genitive of "Зульфь"
    // nor an adjectival reading: "Уршкой" is Уршка's instrumental, no given name is "Уршкая"
    // ("Джоанны" in an oblique case is Джоанна's genitive rather than a given name that stays as it is)
    return i.surname.filter((h) => !h.undeclinedA && !h.adjectival).filter((h) => !h.lemma.endsWith("ь") || h.lemma === t.text || (/[^аеёиоуыэюя]ь$/.test(h.lemma) && /(?:[её]м|[^аеёиоуыэюяь][яю])$/.test(t.text))).map((h) => ({ ...h, score: h.lemma === t.text ? (h.score < 0.4 ? 0.1 : h.case !== "nomn" && /[^аеёиоуыэюя]ы$/u.test(t.text) ? 0.3 : 0.45) : 0.35 }));
  }
  if (role === "P") return i.patronymic;
  // no Russian word ends in a vowel and a soft sign: "Ивая" is not the genitive of "Иваь"
  if (role === "S") return i.surname.filter((h) => !/[аеёиоуыэюя]ь$/.test(h.lemma));
  return [];
}

const GENDERS: Gender[] = ["masc", "femn"];
const slot = (c: Case, g: Gender) => CASES.indexOf(c) * 2 + (g === "masc" ? 0 : 1);

/**
 * "Дания Еспаева в минувший четверг встретилась …": a past verb a few lower-case words after the name, with
 * no punctuation between, agrees with it as its subject; its gender tells "Дания Еспаева" from the genitive
 * of a man's name, which a genitive title chain before it ("Заместитель Председателя Мажилиса") suggests.
 */
function laterVerbGender(tokens: Token[], from: number, text: string): Gender | undefined {
  let inPhrase = false;
  for (let k = from; k < Math.min(tokens.length, from + 5); k++) {
    const t = tokens[k]!;
    if (t.cap || /[,.;:!?()«»"–—]/.test(text.slice(tokens[k - 1]!.end, t.start))) return undefined;
    // "… Зокирзода речь шла": a noun that can be the verb's subject comes first, and the verb is its
    // (not one inside a prepositional phrase: "Дания Еспаева в минувший четверг встретилась")
    if (PREP_CASES[t.text.toLowerCase()]) inPhrase = true;
    else if (t.text.length >= 3 && !inPhrase && parse(t.text).some((p) => p.known && p.pos === "NOUN" && p.case === "nomn") && !parse(t.text).some((p) => p.known && (p.pos === "VERB" || p.pos === "CONJ" || p.pos === "PRCL"))) return undefined;
    // "… приветствие от Главы государства X и проинформировал": a verb after "и" goes on with an earlier subject
    if (k === from && /^(?:и|а|но)$/u.test(t.text)) return undefined;
    if (k === from) continue; // the word right after is contextCases' business
    const ps = parse(t.text).filter((p) => p.known && p.pos === "VERB" && p.raw.tag["past"] && p.number === "sing");
    if (ps.length) return ps.some((p) => p.raw.tag["femn"]) ? "femn" : ps.some((p) => p.raw.tag["masc"]) ? "masc" : undefined;
  }
  return undefined;
}

function read(c: Candidate, bonus: Map<Case, number>, votes: Map<string, number>, subjectOf?: Gender): Reading {
  // per token, its best reading in each of the 12 case-gender slots
  const bests = c.tokens.map((t, idx) => {
    const role = c.roles[idx];
    const slots: ({ h: Hypothesis; s: number } | null)[] = new Array(12).fill(null);
    if (role === "I" || role === "X") return slots;
    // "Нурланбеком Тургунбек уулу": the father's name before "уулу"/"кызы" does not decline
    const next = c.tokens[idx + 1];
    if (role === "S" && next && TURKIC_PATRONYMIC_WORD.test(next.text)) {
      for (const kase of CASES) for (const gender of GENDERS) slots[slot(kase, gender)] = { h: { case: kase, gender, lemma: t.text, score: 0.6 }, s: 0.6 };
      return slots;
    }
    for (const h of hypsFor(t, role)) {
      const s = h.score + (votes.size ? votes.get(role + key(h.lemma)) ?? 0 : 0) + (h.lemma === t.text ? 0.01 : 0);
      const k = slot(h.case, h.gender);
      const cur = slots[k];
      if (!cur || s > cur.s) slots[k] = { h, s };
    }
    return slots;
  });
  let bestScore = -Infinity;
  let bestSlot = 0;
  for (const kase of CASES) {
    for (const gender of GENDERS) {
      const k = slot(kase, gender);
      let score = bonus.get(kase) ?? 0;
      c.roles.forEach((role, idx) => {
        if (role === "I" || role === "X") return;
        const b = bests[idx][k];
        score += b ? b.s : -1.5;
      });
      if (kase === "nomn") score += 0.05;
      if (subjectOf && kase === "nomn" && gender === subjectOf) score += 0.45;
      // with nothing else to decide, a man: "Даниэла Розенблюма" is far more often his genitive than her name
      if (gender === "masc") score += 0.1;
      if (score > bestScore) { bestScore = score; bestSlot = k; }
    }
  }
  const parts: string[] = [];
  const misfits: boolean[] = [];
  c.tokens.forEach((t, idx) => {
    const role = c.roles[idx];
    const b = bests[idx][bestSlot];
    misfits.push(role !== "I" && role !== "X" && !b);
    parts.push(role === "I" ? t.text + "." : role === "X" || !b ? t.text : b.h.lemma);
  });
  return { case: CASES[bestSlot >> 1], gender: GENDERS[bestSlot & 1], parts, score: bestScore, misfits };
}

const keyCache = new Map<string, string>();

/** Spelling-insensitive comparison key: Маэхара = Маехара, Щёголев = Щеголев. */
export function key(s: string): string {
  let k = keyCache.get(s);
  if (k === undefined) {
    k = computeKey(s);
    if (keyCache.size > 100_000) keyCache.clear();
    keyCache.set(s, k);
  }
  return k;
}

function computeKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/э/g, "е")
    .replace(/й/g, "и")
    .replace(/[ъь'’]/g, "")
    .replace(/(.)\1+/g, "$1");
}

// ------------------------------------------------------------------ persons

interface Person {
  surnameKeys: Set<string>;
  first: string | null;
  initials: string | null;
  name: string;
  nominative: boolean;
  spans: Span[];
  mentions: PersonMention[];
  firstAt: number;
  /** The best reading score seen for each surface (by key), to settle two readings of the same words. */
  readings?: Map<string, number>;
}

/** Every word of `short` is a word of `long` (spelling-insensitively), and `long` has more words. */
function containsWords(long: string, short: string): boolean {
  const lw = long.split(/\s+/u).map(key);
  const sw = short.split(/\s+/u).map(key);
  return lw.length > sw.length && sw.length >= 2 && sw.every((w) => lw.includes(w));
}

function firstCompatible(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  const ka = key(a), kb = key(b);
  if (ka === kb) return true;
  if (a.endsWith(".") || b.endsWith(".")) return ka[0] === kb[0];
  // Даниэл / Дэниел: same consonant skeleton
  const skel = (s: string) => s.replace(/[аеиоуыюя]/g, "");
  return skel(ka) === skel(kb) && Math.abs(ka.length - kb.length) <= 2;
}

export interface FindPeopleOptions {
  known?: Registry["people"];
  /** Spans the partner matcher took for countries and organisations ("Коста Рика", "Гринпис"): no person is there. */
  notPeople?: readonly Span[];
}

/** Kazakh-language text: the rules here are Russian morphology, so it gets no guesses. */
const KAZAKH_LETTERS = new Set([..."әғқңөұүһіӘҒҚҢӨҰҮҺІ"].map((ch) => ch.charCodeAt(0)));
function isKazakh(text: string): boolean {
  let kazakh = 0;
  let cyrillic = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x400) continue;
    if ((c >= 0x430 && c <= 0x44f) || (c >= 0x410 && c <= 0x42f) || c === 0x451 || c === 0x401) cyrillic++;
    else if (KAZAKH_LETTERS.has(c)) kazakh++;
  }
  return kazakh > 20 && kazakh > cyrillic * 0.01;
}

export function findPeople(text: string, options: FindPeopleOptions = {}): { people: ExtractedPerson[]; mentions: PersonMention[] } {
  if (isKazakh(text)) return { people: [], mentions: [] };
  const tokens = tokenize(text);
  // without an East Asian country in the text, only runs opening with a frequent family name
  const eastAsian = [
    ...(speaksOfEastAsia(text) ? eastAsianSpans(tokens, text) : eastAsianSpans(tokens, text).filter((s, _, all) => isFamilyName(s.name.split(" ")[0]!) || eastAsianByContext(tokens, text, s, all))),
    ...mongolianSpans(tokens, text),
  ];
  const regnal = regnalSpans(tokens, text);
  const taken = new Set([...eastAsian.flatMap((c) => c.tokens), ...regnal.flatMap((r) => r.tokens)]);
  const inPartner = (t: Token) => !!options.notPeople?.some(([a, b]) => t.start >= a && t.end <= b);
  const fullNames = new Set(candidates(tokens, text).filter((c) => c.tokens.length > 1).flatMap((c) => c.tokens));
  // list items the general rules do not read as a full name are read by analogy with their siblings
  const listed = listPeople(tokens, text).filter((l) => !l.tokens.some((t) => fullNames.has(t) || taken.has(t) || inPartner(t)));
  for (const l of listed) for (const t of l.tokens) taken.add(t);
  // ("Израиля Биньямин Нетаньяху": the country ends the run, the name after it stands on its own)
  const cands = candidates(tokens, text, inPartner).filter((c) => !c.tokens.some((t) => taken.has(t)));
  const votes = nameVotes(cands);
  const book = new PersonBook(text);
  for (const c of cands) if (c.roles.some((r) => r === "F" || r === "I") || (c.roles.filter((r) => r === "S").length > 0 && c.roles.length > 1)) readFullName(book, tokens, c, votes);
  // "Король Абдалла II", "Папа Римский Лев XIV": a given name and a regnal number are the whole name
  for (const rg of regnal) book.addWhole(rg.tokens, rg.name, rg.case);
  for (const l of listed) book.addWhole(l.tokens, l.name, "nomn");
  for (const ea of eastAsian) book.addWhole(ea.tokens, ea.name, ea.declined ? undefined : "nomn");
  const singles = cands.filter((c) => c.roles.length === 1);
  const singleCounts = new Map<string, number>();
  for (const c of singles) singleCounts.set(key(c.tokens[0].text), (singleCounts.get(key(c.tokens[0].text)) ?? 0) + 1);
  // «Кин-Топ», «Маяк»: a word the article puts in quotes names a thing, wherever it stands
  const quoted = new Set([...text.matchAll(/«([^»]{1,80})»/gu)].flatMap((m) => m[1]!.split(/[\s,]+/u).filter(Boolean).map(stemKey)));
  for (const c of singles) readSingle(book, tokens, c, votes, singleCounts, quoted);
  return book.result(options.known);
}

/** Surname lemmas every span could have: a lemma several spans share is the likely one. */
function nameVotes(cands: Candidate[]): Map<string, number> {
  const votes = new Map<string, number>();
  for (const c of cands) {
    c.tokens.forEach((t, k) => {
      const role = c.roles[k];
      if (role !== "S" && role !== "F") return;
      for (const v of voteKeys(t, role)) votes.set(v, (votes.get(v) ?? 0) + 0.2);
    });
  }
  for (const [k, v] of votes) votes.set(k, v > 0.2 ? v - 0.2 : 0);
  return votes;
}

/** The people found so far and their mentions. */
class PersonBook {
  readonly persons: Person[] = [];
  readonly mentions: PersonMention[] = [];
  constructor(readonly text: string) {}

  mention(p: Person, span: Span, extra: Partial<PersonMention> = {}): PersonMention {
    const m: PersonMention = { name: "", surface: this.text.slice(span[0], span[1]), span, ...extra };
    p.spans.push(span);
    p.mentions.push(m);
    this.mentions.push(m);
    return m;
  }

  /** A name read whole by its own rules (regnal, East Asian): the same spelling is the same person. */
  addWhole(tokens: Token[], name: string, grammaticalCase: Case | undefined): void {
    const span: Span = [tokens[0]!.start, tokens[tokens.length - 1]!.end];
    const sk = key(name);
    let p = this.persons.find((q) => q.surnameKeys.has(sk));
    if (!p) {
      p = { surnameKeys: new Set([sk]), first: null, initials: null, name, nominative: true, spans: [], mentions: [], firstAt: span[0] };
      this.persons.push(p);
    }
    this.mention(p, span, { grammaticalCase });
  }

  result(known: FindPeopleOptions["known"]): { people: ExtractedPerson[]; mentions: PersonMention[] } {
    mergeSameSurface(this.persons);
    applyKnown(this.persons, known);
    for (const p of this.persons) for (const m of p.mentions) m.name = p.name;
    this.mentions.sort((a, b) => a.span[0] - b.span[0]);
    const people = this.persons.sort((a, b) => a.firstAt - b.firstAt).map((p) => ({ name: p.name, spans: [...p.spans].sort((a, b) => a[0] - b[0]) }));
    return { people, mentions: this.mentions };
  }
}

/** A span of two or more name parts: read in the case and gender its parts agree on, then joined to the person it names. */
function readFullName(book: PersonBook, tokens: Token[], c0: Candidate, votes: Map<string, number>): void {
  const text = book.text;
  let c = c0;
  let r = read(c, contextCases(tokens, c.at, text, c.tokens.length), votes, laterVerbGender(tokens, c.at + c.tokens.length, text));
  // a leading word that agrees with nothing is not part of the name ("Мажилиса Данией Еспаевой")
  while (r.misfits[0] && c.tokens.length > 2 && c.roles[0] === "F" && c.roles[1] === "F") {
    c = { ...c, tokens: c.tokens.slice(1), roles: c.roles.slice(1), at: c.at + 1 };
    r = read(c, contextCases(tokens, c.at, text, c.tokens.length), votes, laterVerbGender(tokens, c.at + c.tokens.length, text));
  }
  const sIdx = c.roles.lastIndexOf("S");
  const fIdx = c.roles.indexOf("F");
  const iIdx = c.roles.indexOf("I");
  const surname = sIdx >= 0 ? r.parts[sIdx] : null;
  if (!surname) return;
  const first = fIdx >= 0 ? r.parts[fIdx] : null;
  const initials = iIdx >= 0 ? r.parts[iIdx] : null;
  // "First [Patronymic] Last" regardless of the order the text used, except East Asian order which the text keeps
  const ordered = c.roles[0] === "S" && fIdx > 0 ? [...c.roles.map((_, k) => k).filter((k) => k !== sIdx), sIdx].map((k) => r.parts[k]) : r.parts;
  const name = ordered.join(" ").replace(/\s+/g, " ");
  const span: Span = [c.tokens[0].start, c.tokens[c.tokens.length - 1].end];
  const nominative = r.case === "nomn" && c.tokens.every((t, k) => c.roles[k] === "I" || c.roles[k] === "X" || r.parts[k] === t.text);
  const sk = key(surname);
  // a name part right after a particle also names the person: "Мухаммед бен Сальман [Аль Сауд]"
  const particleKeys = c.roles.flatMap((role, k) => (k > 0 && k !== sIdx && c.roles[k - 1] === "X" && (role === "F" || role === "S") ? [key(r.parts[k])] : []));
  // "Исхак Дар" after "Мухаммад Исхак Дар": a shorter form whose words are all in the longer one is the same person
  const sameWords = (q: Person) => containsWords(q.name, name) || containsWords(name, q.name);
  let p = book.persons.find((q) => (q.surnameKeys.has(sk) || particleKeys.some((pk) => q.surnameKeys.has(pk))) && (firstCompatible(q.first ?? q.initials, first ?? initials) || sameWords(q)));
  if (!p) {
    p = { surnameKeys: new Set([sk, ...particleKeys]), first, initials, name, nominative, spans: [], mentions: [], firstAt: span[0] };
    book.persons.push(p);
  } else {
    for (const pk of [sk, ...particleKeys]) p.surnameKeys.add(pk);
    const richer = (!p.first && first) || name.split(" ").length > p.name.split(" ").length;
    // a shorter nominative ("Исхак Дар") confirms the fuller name already read ("Мухаммад Исхак Дар"), it does not replace it
    if (nominative && containsWords(p.name, name)) p.nominative = true;
    else if ((nominative && !p.nominative && (first || !p.first)) || (richer && (nominative || !p.nominative))) {
      p.name = name;
      p.nominative = nominative || p.nominative;
    }
    if (first && !p.first) p.first = first;
  }
  const m = book.mention(p, span, { grammaticalCase: r.case });
  p.readings ??= new Map();
  p.readings.set(key(m.surface), Math.max(p.readings.get(key(m.surface)) ?? -Infinity, r.score));
}

/** A lone capitalised word: a later mention of someone named in full, or a person named by the surname alone. */
function readSingle(book: PersonBook, tokens: Token[], c: Candidate, votes: Map<string, number>, singleCounts: Map<string, number>, quoted: ReadonlySet<string>): void {
  const text = book.text;
  const t = c.tokens[0];
  const i = info(t);
  const lemmas = new Set([key(t.text), ...i.surname.map((h) => key(h.lemma))]);
  const owners = book.persons.filter((p) => [...p.surnameKeys].some((k) => lemmas.has(k)));
  const span: Span = [t.start, t.end];
  const owner = owners.length ? owners.reduce((a, b) => (Math.abs(b.firstAt - t.start) < Math.abs(a.firstAt - t.start) && b.firstAt < t.start ? b : a)) : undefined;
  if (owner) {
    book.mention(owner, span, { short: true });
    return;
  }
  if (quoted.has(stemKey(t.text))) return;
  const bonus = contextCases(tokens, c.at, text);
  if (!loneSurname(tokens, c, text, bonus, singleCounts)) return;
  const r = read(c, bonus, votes);
  if (r.score < 0.3) return;
  const name = r.parts[0];
  let p = book.persons.find((q) => q.surnameKeys.has(key(name)));
  if (!p) {
    p = { surnameKeys: new Set([key(name)]), first: null, initials: null, name, nominative: r.case === "nomn" && name === t.text, spans: [], mentions: [], firstAt: t.start };
    book.persons.push(p);
  }
  book.mention(p, span, { grammaticalCase: r.case });
}

/** Is a lone word nobody fully named elsewhere a person named by the surname alone? */
function loneSurname(tokens: Token[], c: Candidate, text: string, bonus: Map<Case, number>, singleCounts: Map<string, number>): boolean {
  const t = c.tokens[0];
  const i = info(t);
  // a lone first name ("Виктор", "Лиза") is someone the text does not fully name
  if (i.dictFirst && !i.dictSurname) return false;
  const cue = titleBefore(tokens, c.at, text, true) !== null || (!t.sentenceStart && !i.known && titleBefore(tokens, c.at, text) !== null);
  // an unknown surname-like word the article repeats is someone it keeps talking about
  const repeated = !i.known && (singleCounts.get(key(t.text)) ?? 0) >= 2 && !t.sentenceStart;
  const subjectCue = /(ов|ев|ёв|ин|ын)а?$/.test(t.text) && !i.common && (bonus.get("nomn") ?? 0) > 0;
  // "Лукашенко", "Терещенко", "Радулов" alone inside a sentence: a surname by its shape, unless a common word or a place
  const surnameShaped = !t.sentenceStart && !i.common && !i.place && !i.organisation && STRONG_SURNAME.test(t.text) && gazetteer().nominative(t.text) === null;
  if (!((i.dictSurname && i.nameFirst) || cue || repeated || subjectCue || surnameShaped)) return false;
  // after a spatial preposition a lone name is a place ("в Тусоне", "из Бенрата")
  if (/^(в|во|на|из|под|над|возле|около)$/i.test(tokens[c.at - 1]?.text ?? "")) return false;
  // "агентству Рейтер", "аэропорту Рейган": a nominative name after an oblique thing-noun names the thing
  const prevTok = tokens[c.at - 1];
  if (prevTok && !prevTok.cap && /[бвгджзклмнпрстфхцчшщ]$/.test(t.text) && !/[,.;:!?()«»"]/.test(text.slice(prevTok.end, t.start))) {
    const ps = parse(prevTok.text).filter((p) => p.known && p.pos === "NOUN");
    if (ps.length && ps.every((p) => p.marks.has("inan") && p.case !== "nomn")) return false;
    // "активистам Гринпис", "представители Хамас": an undeclined word after people in the plural is their organisation
    if (!i.dictSurname && ps.length && ps.every((p) => p.marks.has("anim") && p.number === "plur")) return false;
  }
  // a lone capitalised word among others, in quotes, or shaped like an adjective is a name of something else
  // ("Посла Индонезии Сутрисно", "главой МИД Индонезии Сугионо": a titled single name after the country it serves is one)
  const afterPlace = cue && !!tokens[c.at - 1] && (info(tokens[c.at - 1]!).place || info(tokens[c.at - 1]!).organisation || isAbbrev(tokens[c.at - 1]!));
  if ((c.run > 1 && !afterPlace) || afterOpeningQuote(text, t.start)) return false;
  if (!i.dictSurname && /(ого|его|ому|ему|ых|их|ыми|ими|ая|ое|ые)$/.test(t.text)) return false;
  // "Восточно-Казахстанской области", "Тверской улице": an adjective before its noun
  const after = tokens[c.at + 1];
  if (after?.glued && !after.cap && parse(after.text).find((p) => p.known)?.pos === "NOUN") return false;
  // "Ашимбаев поблагодарил": a surname-shaped subject of a verb
  const subject = POSSESSIVE_FORM.test(t.text) && (bonus.get("nomn") ?? 0) > 0;
  if (t.sentenceStart && !i.dictSurname && !subject) return false;
  if (t.sentenceStart && i.common && !i.nameFirst) return false;
  return true;
}

/**
 * "Дания Еспаева" read as her nominative in one sentence and as "Даний Еспаев"'s genitive in another: the same
 * words are the same person. A person one of whose mentions is written exactly as another person's name is that person.
 */
function mergeSameSurface(persons: Person[]): void {
  for (let i = persons.length - 1; i >= 0; i--) {
    const p = persons[i]!;
    // the reading that scored higher for the shared words wins ("Дания Еспаева" as hers, "Хиссейна Брахима Таху" as his accusative)
    const target = persons.find((q) => {
      if (q === p || !q.readings || !p.readings) return false;
      for (const [surface, score] of p.readings) {
        const theirs = q.readings.get(surface);
        if (theirs !== undefined && theirs > score) return true;
      }
      return false;
    });
    if (!target) continue;
    target.spans.push(...p.spans);
    target.mentions.push(...p.mentions);
    for (const k of p.surnameKeys) target.surnameKeys.add(k);
    target.firstAt = Math.min(target.firstAt, p.firstAt);
    for (const [surface, score] of p.readings!) target.readings!.set(surface, Math.max(target.readings!.get(surface) ?? -Infinity, score));
    persons.splice(i, 1);
  }
}

/** A registry person whose canonical name or alias matches gets the canonical name. */
function applyKnown(persons: Person[], known: Registry["people"] | undefined) {
  if (!known?.length) return;
  for (const p of persons) {
    const mine = new Set(p.name.split(" ").map(key));
    for (const k of known) {
      const variants = [k.name, ...k.aliases];
      if (variants.some((v) => v.split(/\s+/).map(key).every((w) => mine.has(w)))) {
        p.name = k.name;
        break;
      }
    }
  }
}

interface EastAsianSpan {
  tokens: Token[];
  name: string;
  declined: boolean;
}

/**
 * "Ку Хон Соком", "Ван И", "Фам Тхань Бинем": two to four glued capitalised one-syllable words (the last may
 * have two syllables and a case ending). Runs made of dictionary words ("Дом Мод") or opening a sentence with
 * one are left to the general rules.
 */
function eastAsianSpans(tokens: Token[], text: string): EastAsianSpan[] {
  const out: EastAsianSpan[] = [];
  const nameWord = (t: Token | undefined): t is Token => !!t && t.cap && t.cyr && !isAbbrev(t);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!nameWord(t) || t.initial) continue;
    // some write the family name declined and the rest not: "с депутатом Паком Мин Су"
    const undeclined = isSyllable(t.text) ? null : lastPartNominative(t.text);
    const declinedHead = undeclined !== null && undeclined !== t.text && isSyllable(undeclined) && nameWord(tokens[i + 1]) && tokens[i + 1].glued && isSyllable(tokens[i + 1].text);
    if (!isSyllable(t.text) && !declinedHead) continue;
    const head = declinedHead ? (undeclined as string) : t.text;
    let j = i + 1;
    while (j - i < 4 && nameWord(tokens[j]) && tokens[j].glued && isSyllable(tokens[j].text)) j++;
    // the last word may be declined or have two syllables: "Соком", "Бинем", "Цзиньпин"
    let last: string | null = null;
    const next = tokens[j];
    if (j - i < 4 && nameWord(next) && next.glued && !next.initial) {
      last = lastPartNominative(next.text);
      if (last !== null) j++;
    }
    const run = tokens.slice(i, j);
    if (run.length < 2) continue;
    last ??= run[run.length - 1].text;
    i = j - 1;
    // a Russian phrase of short words ("Как Дом", "Сон Мой") is not a name: at most one dictionary word
    // (the dictionary knows most of these syllables as abbreviations or rare words, so only a sentence's first word is suspect)
    if (t.sentenceStart && info(t).common && !info(t).nameFirst) continue;
    // ("Кима Чен Ира": after a frequent family name, a syllable the dictionary also knows as a place is part of the name)
    // (or after a title, or in a run of three: "Председателем … Вьетнама Выонг Динь Хюэ", Хюэ being also a city)
    const familyHead = isFamilyName(head) || run.length >= 3 || titleBefore(tokens, i, text) !== null;
    if (afterOpeningQuote(text, t.start) || run.some((r, k) => (info(r).place && !info(r).nameFirst && !(familyHead && k > 0)) || info(r).organisation)) continue;
    // the conjunction "И" opens the next clause: "Ван И" is a name, "Ван И Ли" is not one
    if (run.some((r, k) => r.text === "И" && k < run.length - 1)) continue;
    const parts = run.map((r) => r.text);
    parts[parts.length - 1] = last;
    parts[0] = head;
    out.push({ tokens: run, name: parts.join(" "), declined: last !== run[run.length - 1].text || head !== t.text });
  }
  return out;
}

/** "Ухнаагийн Хурэлсухом", "Цэрэнжавын Оюунбаатар": a genitive patronymic and a given name, in an article about Mongolia. */
function mongolianSpans(tokens: Token[], text: string): EastAsianSpan[] {
  if (!speaksOfMongolia(text)) return [];
  const out: EastAsianSpan[] = [];
  const bare = new Set(tokens.map((t) => t.text));
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1]!;
    if (!t.cap || !t.cyr || !MONGOLIAN_PATRONYMIC.test(t.text) || !next.cap || !next.cyr || !next.glued || isAbbrev(next)) continue;
    if ((info(t).common && !info(t).nameFirst) || info(next).organisation || info(next).place) continue;
    const given = mongolianGivenNominative(next.text, (w) => bare.has(w));
    out.push({ tokens: [t, next], name: `${t.text} ${given}`, declined: given !== next.text });
    i++;
  }
  return out;
}

const REGNAL = /^(?:X{0,2}(?:IX|IV|V?I{0,3})|XX)$/;

/**
 * "с Генеральным директором ФАО Цюй Дунъюем … Цюй Дунъюй высоко оценил": outside an article about an East Asian
 * country, a run of syllables is a name when the article names it again and a title introduces it or Russian
 * declines it.
 */
function eastAsianByContext(tokens: Token[], text: string, s: EastAsianSpan, all: readonly EastAsianSpan[]): boolean {
  // ("Марин Ле Пен": syllables after a capitalised word are the end of another name)
  if (s.tokens[0]!.prev?.cap) return false;
  const own = all.filter((o) => !o.tokens[0]!.prev?.cap);
  const again = own.some((o) => o !== s && o.name === s.name);
  // (declined in one place and not in another, the syllables behave as a name does)
  return again && own.some((o) => o.name === s.name && (o.declined || titleBefore(tokens, tokens.indexOf(o.tokens[0]!), text) !== null));
}

/** A capitalised Cyrillic word right before a Roman numeral, read in the case its context asks for. */
function regnalSpans(tokens: Token[], text: string): { tokens: Token[]; name: string; case: Case }[] {
  const out: { tokens: Token[]; name: string; case: Case }[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    const n = tokens[i + 1]!;
    if (!t.cap || !t.cyr || t.initial || !n.glued || n.cyr || !n.text || !REGNAL.test(n.text)) continue;
    if (info(t).place || info(t).organisation) continue;
    // a known given name, or a title before it ("Короля Иордании Абдаллы II"): "Арес I" is a rocket
    if (!info(t).dictFirst && titleBefore(tokens, i, text) === null) continue;
    const bonus = contextCases(tokens, i, text);
    // the given name alone decides the case: it is read as a name part with every reading the lexicon knows
    const hyps = [...hypsFor(t, "F"), ...info(t).surname.filter((h) => !h.undeclinedA)];
    let best: Hypothesis | null = null;
    let bestScore = -Infinity;
    for (const h of hyps) {
      const score = h.score + (bonus.get(h.case) ?? 0) + (h.case === "nomn" ? 0.05 : 0);
      if (score > bestScore) { best = h; bestScore = score; }
    }
    if (!best) continue;
    out.push({ tokens: [t, n], name: `${best.lemma} ${n.text}`, case: best.case });
    i++;
  }
  return out;
}

/** Internals for tests and debugging. */
export const internals = { tokenize, candidates, read, contextCases };
