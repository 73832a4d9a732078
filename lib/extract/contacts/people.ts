// Who each named person is in the article: their title, the side they stand on, the
// organisation or country they represent, their grammatical gender, and which of their
// mentions are reports of acting rather than references.
import type { PartnerMention, PersonMention, Side, Span } from "../types";
import { GENERIC_TITLE, GUEST_WORD, HOME_TITLE, isFemininePast, isPastVerb, MENTION_ONLY_BEFORE, ROLE_START } from "./lexicon";
import type { Sentence } from "./units";
import { insideAny } from "./units";
import { eastAsianShaped, MONGOLIAN_PATRONYMIC } from "../names/east-asian";
import { parse } from "../names/morph";
import { gazetteer } from "../registry/places";

/**
 * "а с монгольской стороны – член Хурала …", "В состав китайской делегации вошла …": a national adjective
 * other than Kazakhstan's places the people named after it on the foreign side.
 */
const FOREIGN_SIDE_CUE = /(?:(?:^|\s)(?:с|со)\s+([а-яё]+(?:ской|цкой))\s+стороны|(?:^|\s)в\s+состав\p{L}*\s+([а-яё]+(?:ской|цкой))\s+делегаци\p{L}*)[^.;!?]*$/u;
const HOME_ADJECTIVE = /^(?:казахстанск|казахск|наш|сво|друг|кажд|обеих|т[оа]й|эт)/u;
/**
 * "… делегация Бундестага Германии … В делегацию входят председатель группы X, а также депутаты Y и Z": members of a
 * delegation the article has just named as foreign.
 */
function foreignDelegationMember(masked: string, sentenceStart: number, at: number, partnerMentions: readonly PartnerMention[]): boolean {
  // ("В ее состав входит также …": the delegation of the sentence before)
  if (!/(?:^|\s)в\s+(?:(?:состав\s+)?делегаци\p{L}*|(?:ее|её|их)\s+состав)\s+(?:также\s+)?(?:входят|входит|вошли|вошел|вошёл|вошла|входили)(?![\p{L}])/iu.test(masked.slice(sentenceStart, at))) return false;
  const before = masked.slice(Math.max(0, sentenceStart - 400), sentenceStart);
  // ("делегация Европейского парламента … во главе с председателем делегации X. В ее состав …": any naming of it)
  return [...before.matchAll(/делегаци\p{L}*/giu)].some((d) => {
    const from = sentenceStart - before.length + d.index;
    return partnerMentions.some((pm) => pm.partner.code !== HOME_CODE && pm.span[0] >= from && pm.span[0] <= from + 80);
  });
}

/** "Казахстанскую делегацию возглавил X, македонскую – государственный секретарь Y": the adjective of an ellipsis before a dash. */
const ELLIPTIC_SIDE_CUE = /(?:^|[\s,])([а-яё]+(?:ск|цк)(?:ую|ой|ая|ие|ий|ого))\s*[–—-]\s*$/u;

export function foreignSideCue(before: string): boolean {
  const m = FOREIGN_SIDE_CUE.exec(before) ?? ELLIPTIC_SIDE_CUE.exec(before);
  return !!m && !HOME_ADJECTIVE.test((m[1] ?? m[2])!);
}

/**
 * "Со стороны Монголии присутствовал …", "а со стороны Турции – …": the last side the sentence names before a
 * person, when it is a foreign country or organisation, is theirs.
 */
function sideNamedBefore(masked: string, from: number, to: number, partnerMentions: readonly PartnerMention[]): PartnerMention | null {
  const head = masked.slice(from, to);
  const re = /(?:^|\s)со\s+стороны\s+/giu;
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(head); m; m = re.exec(head)) last = m;
  if (!last) return null;
  const at = from + last.index + last[0].length;
  const pm = partnerMentions.find((x) => x.span[0] === at || (x.span[0] > at && /^\s*(?:Республики\s+)?$/u.test(masked.slice(at, x.span[0]))));
  // "Со стороны Монголии поступило предложение, которое поддержал …": the cue covers its own clause only
  if (!pm || pm.partner.code === HOME_CODE || /[,:]/u.test(masked.slice(pm.span[1], to))) return null;
  return pm;
}

/** East Asian or Mongolian names are not those of Kazakhstan's officials (Korean-Kazakh names are Russian-shaped: "Ольга Ким"). */
function foreignShapedName(name: string): boolean {
  return eastAsianShaped(name) || MONGOLIAN_PATRONYMIC.test(name.split(" ")[0] ?? "");
}

export interface MentionInfo {
  mention: PersonMention;
  name: string;
  sentence: number;
  inQuote: boolean;
  /** Grammatical subject form (nominative) as far as the surface tells. */
  nominative: boolean;
  /** Only referred to: "по поручению Президента …". */
  referenceOnly: boolean;
  title: Span | null;
  /** A reference by title or pronoun ("министр", "спикер Сената") resolved to this person, not the name itself. */
  byTitle?: boolean;
}

export interface Profile {
  name: string;
  mentions: MentionInfo[];
  title: Span | null;
  titleText: string | null;
  side: Side | null;
  /** Why the side was chosen, for the confidence. */
  sideCertainty: number;
  affiliations: PartnerMention[];
  feminine: boolean | null;
  /** A title names Kazakhstan or one of its institutions (not just "министр"). */
  kazakhTitle: boolean;
}

export const HOME_CODE = "KZ";

const words = (s: string) => s.toLowerCase().replace(/ё/g, "е").split(/[^a-zа-я0-9-]+/u).filter(Boolean);

function isNominative(m: PersonMention): boolean {
  if (m.grammaticalCase) return m.grammaticalCase === "nomn";
  const canon = new Set(words(m.name));
  return words(m.surface).every((w) => canon.has(w));
}

interface Token {
  text: string;
  start: number;
  end: number;
}

const TOKEN = /[A-Za-zА-ЯЁа-яёӘәҒғҚқҢңӨөҰұҮүҺһІі0-9]+(?:[-‐][A-Za-zА-ЯЁа-яёӘәҒғҚқҢңӨөҰұҮүҺһІі0-9]+)*|[–—]|[^\sA-Za-zА-ЯЁа-яё0-9]/gu;

function tokensBetween(text: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  const slice = text.slice(start, end);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) out.push({ text: m[0], start: start + m.index, end: start + m.index + m[0].length });
  return out;
}

const TITLE_BREAK = /^[,.;:!?()"„“\[\]]$/u;
const RELATION_WORDS = new Set(["с", "со", "между", "от", "к", "у", "через", "перед", "после", "а", "но", "что", "который", "которая", "которые", "где", "когда", "также", "как", "гостя", "гость"]);

/** The title phrase right before a name: "с Чрезвычайным и Полномочным послом США в Казахстане [Дэниелом Розенблюмом]". */
export function titleBefore(text: string, sentence: Sentence, mentionStart: number, stopAt: number): Span | null {
  const from = Math.max(sentence.start, stopAt, mentionStart - 220);
  const toks = tokensBetween(text, from, mentionStart);
  let i = toks.length - 1;
  // walk back over title words until punctuation, a verb or a relation word
  for (; i >= 0; i--) {
    const t = toks[i]!.text;
    const lower = t.toLowerCase();
    // "Комитета по международным отношениям, обороне и безопасности": a comma inside an enumeration ending in "и …"
    if (t === "," && i > 0 && enumerationComma(toks, i)) continue;
    // "Детского фонда ООН (ЮНИСЕФ) в Казахстане": an abbreviation in brackets inside the title
    if (t === ")" && i >= 2) {
      const open = toks.slice(Math.max(0, i - 4), i).map((x) => x.text).lastIndexOf("(");
      if (open >= 0) {
        const at = Math.max(0, i - 4) + open;
        if (toks.slice(at + 1, i).every((x) => /^[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё-]*$/u.test(x.text))) { i = at; continue; }
      }
    }
    // "председатель группы дружбы "Корея - Казахстан" в …": a short quoted name inside the title
    if ((t === '"' || t === "»" || t === "“") && i > 1) {
      const open = t === "»" ? "«" : t === "“" ? "„" : '"';
      let k = i - 1;
      while (k >= Math.max(0, i - 8) && toks[k]!.text !== open && toks[k]!.text !== t) k--;
      if (k >= 0 && k < i && toks[k]!.text === open) { i = k; continue; }
    }
    if (TITLE_BREAK.test(t)) break;
    if ((t === "–" || t === "—" || t === "-") && i > 0 && /^[A-ZА-ЯЁ]{3,}$/u.test(toks[i - 1]!.text)) break;
    if (RELATION_WORDS.has(lower)) break;
    // "член Хурала", "депутат Меджлиса": a capitalised word inside a sentence is an institution, not a past verb
    const capitalised = t !== lower;
    if ((isPastVerb(lower) && !capitalised) || /^(?:провел|провела|провели|принял|приняла|приняли|встретил|встретила|встретили|встретился|встретилась)$/u.test(lower)) break;
    // "… был принят сегодня в Акорде Президентом", "парламентарии были приняты Председателем": a passive's agent
    if (/^(?:был|была|были|было|принят|принята|приняты|принято|находящ\p{L}*|прибывш\p{L}*)$/u.test(lower)) break;
    if (/^\d/.test(t)) break;
  }
  // then forward to the first word a title can start with
  let k = i + 1;
  // ("в Национальном дворце в Аддис-Абебе Чрезвычайный и Полномочный Посол …": a word after a preposition names a place)
  while (k < toks.length && (!ROLE_START.test(toks[k]!.text.toLowerCase()) || (k > 0 && /^(?:в|во|на)$/iu.test(toks[k - 1]!.text)))) k++;
  if (k >= toks.length) return null;
  // "Депутат Мажилиса …, руководитель группы … Айдос Сарым": an apposition before the comma is the same title
  let start = toks[k]!.start;
  if (i >= 0 && toks[i]!.text === ",") {
    const earlier = titleBefore(text, sentence, toks[i]!.start, stopAt);
    if (earlier && earlier[1] === toks[i]!.start && text.slice(earlier[0], earlier[1]).split(/\s+/u).length <= 12) start = earlier[0];
  }
  const end = toks[toks.length - 1]!.end;
  if (end <= start) return null;
  return [start, end];
}

/** The comma at `i` separates lower-case items of a list that "и" closes before any title word: "по делам, обороне и безопасности". */
function enumerationComma(toks: { text: string }[], i: number): boolean {
  const before = toks[i - 1]!.text;
  if (!/^[а-яё]+$/u.test(before) || isPastVerb(before)) return false;
  let sawAnd = false;
  for (let k = i + 1; k < toks.length; k++) {
    const t = toks[k]!.text;
    if (TITLE_BREAK.test(t) || RELATION_WORDS.has(t.toLowerCase()) || ROLE_START.test(t.toLowerCase())) return false;
    if (t === "и") { sawAnd = true; break; }
    if (!/^[а-яё]+$/u.test(t)) return false;
  }
  return sawAnd;
}

function foreignAffiliations(text: string, span: Span, partnerMentions: readonly PartnerMention[], quoteSpans: readonly Span[]): { foreign: PartnerMention[]; home: boolean } {
  const foreign: PartnerMention[] = [];
  let home = false;
  for (const pm of partnerMentions) {
    if (pm.span[0] < span[0] || pm.span[1] > span[1]) continue;
    // a name in quotation marks (a friendship group «Казахстан – Корея») is not an affiliation
    if (insideAny(pm.span[0], quoteSpans)) continue;
    // "посол США в Казахстане", "представитель РК при органах СНГ": after в/при comes the posting
    const before = text.slice(Math.max(span[0], pm.span[0] - 40), pm.span[0]);
    if (/(?:^|\s)(?:в|во|при|для|по|на)\s+$/u.test(before)) continue;
    if (/(?:^|\s)при\s+(?:[а-яё]+\s+){1,4}$/u.test(before)) continue;
    // the first country or organisation a title names is the side the person stands on
    if (pm.partner.code === HOME_CODE) {
      if (!foreign.length) home = true;
      continue;
    }
    if (home) continue;
    foreign.push(pm);
  }
  return { foreign, home };
}

/** A one-word name ("Сутрисно"): capitalised like a name, no partner's name ("ТюркПа") and no word of the dictionary ("Госсобрания"). */
function singleWordName(m: PersonMention, partnerMentions: readonly PartnerMention[]): boolean {
  if (!/^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?$/u.test(m.surface)) return false;
  if (partnerMentions.some((pm) => pm.span[0] < m.span[1] && pm.span[1] > m.span[0])) return false;
  // "в Тяньцзине": a city is nobody
  if (gazetteer().nominative(m.surface) !== null) return false;
  const lower = m.surface.toLowerCase();
  const common = (w: string) => parse(w).some((p) => p.known && !p.marks.has("Name") && !p.marks.has("Surn"));
  if (common(lower)) return false;
  // "Госсобрания", "Минсельхоза": a compound whose tail is a common noun names an institution
  for (let k = 3; lower.length - k >= 6; k++) if (parse(lower.slice(k)).some((p) => p.known && p.pos === "NOUN" && !p.marks.has("Name") && !p.marks.has("Surn"))) return false;
  return true;
}

export interface PeopleAnalysis {
  profiles: Map<string, Profile>;
  infos: MentionInfo[];
}

/** Mentions that the partner matcher, the quote finder and the sentence splitter agree are people. */
export function analysePeople(
  text: string,
  masked: string,
  sentences: readonly Sentence[],
  sentenceAt: (pos: number) => number,
  mentions: PersonMention[],
  quoteSpans: readonly Span[],
  partnerMentions: readonly PartnerMention[],
): PeopleAnalysis {
  const infos: MentionInfo[] = [];
  const canonical = canonicalNames(text, mentions, partnerMentions);
  const sorted = [...mentions].map((m) => ({ ...m, name: canonical.get(m.name) ?? m.name })).sort((a, b) => a.span[0] - b.span[0]);
  const profiles = new Map<string, Profile>();
  let prevEnd = 0;
  for (const m of sorted) {
    const si = sentenceAt(m.span[0]);
    const sentence = sentences[si];
    if (!sentence) continue;
    const inQuote = insideAny(m.span[0], quoteSpans);
    const before = masked.slice(Math.max(sentence.start, m.span[0] - 80), m.span[0]);
    const title = inQuote ? null : titleBefore(masked, sentence, m.span[0], prevEnd > sentence.start ? prevEnd : sentence.start);
    // a single word is too weak to be a person acting in the news ("ТюркПА", "Акорда") unless a title
    // introduces it, there or earlier ("Посла Индонезии Сутрисно", "главой МИД Индонезии Сугионо")
    if (!/\s/u.test(m.name.trim()) && ((!title && !profiles.get(m.name)?.title) || !singleWordName(m, partnerMentions))) continue;
    const nominative = isNominative(m);
    const sentenceHead = masked.slice(sentence.start, m.span[0]);
    // "напомнил, что Президент … говорит": a person inside reported content
    const reported = /(?:,\s*|\s)(?:что|чтобы|будто)\s/u.test(sentenceHead);
    const referenceOnly = reported || MENTION_ONLY_BEFORE.test(before) || (!nominative && /(?:^|\s)(?:президента|главы\s+государства|премьер-министра)\s+(?:\S+\s+){0,2}$/iu.test(before) && !/(?:с|со)\s+(?:\S+\s+){0,3}$/u.test(before) && !/прин[яи]\p{L}*\s+(?:\S+\s+){0,4}$/u.test(before));
    const info: MentionInfo = { mention: m, name: m.name, sentence: si, inQuote, nominative, referenceOnly, title };
    infos.push(info);
    prevEnd = m.span[1];
    let p = profiles.get(m.name);
    if (!p) {
      p = { name: m.name, mentions: [], title: null, titleText: null, side: null, sideCertainty: 0, affiliations: [], feminine: null, kazakhTitle: false };
      profiles.set(m.name, p);
    }
    p.mentions.push(info);
  }

  for (const p of profiles.values()) {
    let homeVotes = 0;
    let foreignVotes = 0;
    let genericVotes = 0;
    let namesKazakhstan = false;
    for (const info of p.mentions) {
      if (!info.inQuote) {
        const s = sentences[info.sentence]!;
        const cut = info.title ? info.title[0] : info.mention.span[0];
        if (foreignSideCue(masked.slice(s.start, cut)) || foreignDelegationMember(masked, s.start, cut, partnerMentions)) foreignVotes += 2;
        const named = sideNamedBefore(masked, s.start, cut, partnerMentions);
        if (named) {
          foreignVotes += 2;
          if (!p.affiliations.some((a) => a.partner === named.partner)) p.affiliations.push(named);
        }
      }
      // "Делегация Сената Парламента Казахстана во главе с председателем комитета X": the delegation names the side
      if (!info.inQuote && homeDelegationBefore(masked, info.title?.[0] ?? info.mention.span[0], partnerMentions)) homeVotes += 1;
      if (!info.title) continue;
      const span = info.title;
      const { foreign, home } = foreignAffiliations(text, span, partnerMentions, quoteSpans);
      if (home) namesKazakhstan = true;
      const ctx = delegationContext(masked, span, partnerMentions);
      const all = foreign.length ? foreign : ctx;
      if (!p.title || (span[1] - span[0] > p.title[1] - p.title[0] && (all.length > 0 || !p.affiliations.length))) {
        p.title = span;
        p.titleText = text.slice(span[0], span[1]).replace(/\s+/g, " ").trim();
      }
      if (all.length) {
        foreignVotes += 2;
        for (const f of all) if (!p.affiliations.some((a) => a.partner === f.partner)) p.affiliations.push(f);
      } else if (home || HOME_TITLE.test(text.slice(span[0], span[1]))) homeVotes += 1;
      else if (GENERIC_TITLE.test(text.slice(span[0], span[1]))) genericVotes += 1;
    }
    p.kazakhTitle = homeVotes > 0;
    if (!namesKazakhstan && foreignShapedName(p.name)) foreignVotes = Math.max(foreignVotes, homeVotes + 1);
    if (foreignVotes > homeVotes) {
      p.side = "partner";
      p.sideCertainty = 0.9;
    } else if (homeVotes > 0) {
      p.side = "home";
      p.sideCertainty = 0.85;
    } else if (genericVotes > 0) {
      p.side = "home";
      p.sideCertainty = 0.5;
    }
    p.feminine = genderOf(masked, p, sentences);
  }
  shareListedTitles(masked, infos, profiles);
  respectiveTitles(masked, infos, profiles, partnerMentions);
  return { profiles, infos };
}

/** Plural heads of a title two people share, one country each: "Президенты Казахстана и Узбекистана A и B". */
const RESPECTIVE_HEAD = /^(?:президенты|главы|лидеры|министры|премьер-министры|спикеры|председатели|руководители|послы)$/u;

/**
 * "Президенты Казахстана и Узбекистана Касым-Жомарт Токаев и Шавкат Мирзиёев", "главы МИД Турции и Казахстана A и B":
 * the two people stand for the two countries in the order named, so the second takes the second country's side.
 */
function respectiveTitles(masked: string, infos: MentionInfo[], profiles: Map<string, Profile>, partnerMentions: readonly PartnerMention[]): void {
  for (let k = 1; k < infos.length; k++) {
    const cur = infos[k]!;
    const prev = infos[k - 1]!;
    if (cur.sentence !== prev.sentence || cur.inQuote || !prev.title || cur.title) continue;
    if (!/^\s*и\s*$/u.test(masked.slice(prev.mention.span[1], cur.mention.span[0]))) continue;
    const titleText = masked.slice(prev.title[0], prev.title[1]);
    if (!RESPECTIVE_HEAD.test(titleText.split(/\s+/u)[0]!.toLowerCase())) continue;
    const named = partnerMentions.filter((pm) => pm.span[0] >= prev.title![0] && pm.span[1] <= prev.title![1]);
    const distinct = named.filter((pm, i) => named.findIndex((q) => q.partner === pm.partner) === i);
    if (distinct.length !== 2 || !/^\s*и\s*$/u.test(masked.slice(distinct[0]!.span[1], distinct[1]!.span[0]))) continue;
    const p = profiles.get(cur.name);
    const q = profiles.get(prev.name);
    if (!p || !q || p === q || p.sideCertainty >= 0.85) continue;
    const [first, second] = distinct as [PartnerMention, PartnerMention];
    // the first person stands for the first country: only then is the order a reliable guide
    if ((first.partner.code === HOME_CODE) !== (q.side === "home")) continue;
    p.side = second.partner.code === HOME_CODE ? "home" : "partner";
    p.sideCertainty = 0.85;
    // each one's own title: "Президент Казахстана", "Президент Узбекистана"
    const head = titleText.split(/\s+/u)[0]!;
    const noun = parse(head.toLowerCase()).find((w) => w.known && w.pos === "NOUN" && w.number === "plur");
    if (noun) {
      const headSg = head[0] === head[0]!.toUpperCase() ? noun.lemma.charAt(0).toUpperCase() + noun.lemma.slice(1) : noun.lemma;
      const between = masked.slice(prev.title[0] + head.length, first.span[0]);
      q.titleText = `${headSg}${between}${masked.slice(first.span[0], first.span[1])}`.replace(/\s+/gu, " ");
      p.titleText = `${headSg}${between}${masked.slice(second.span[0], second.span[1])}`.replace(/\s+/gu, " ");
    }
    if (p.side === "partner" && !p.affiliations.some((a) => a.partner === second.partner)) p.affiliations.push(second);
  }
}

/**
 * "депутаты Мажилиса Айнур Кенжебаева, Бауыржан Нурланулы и Ольга Ким": a plural title before a list is each
 * listed person's title, in the singular.
 */
function shareListedTitles(masked: string, infos: MentionInfo[], profiles: Map<string, Profile>): void {
  for (const p of profiles.values()) if (p.titleText) p.titleText = singularTitle(p.titleText);
  const listed = new Set<MentionInfo>();
  for (let k = 1; k < infos.length; k++) {
    const cur = infos[k]!;
    const prev = infos[k - 1]!;
    const p = profiles.get(cur.name);
    const q = profiles.get(prev.name);
    if (!p || !q || p === q || p.titleText || !q.titleText || cur.sentence !== prev.sentence || cur.inQuote) continue;
    if (!/^\s*(?:,|и|,\s*а\s+также)\s*$/u.test(masked.slice(prev.mention.span[1], cur.mention.span[0]))) continue;
    const listHead = q.mentions.find((m) => m.sentence === prev.sentence)?.title;
    const headsList = !!listHead && PLURAL_HEAD.has(masked.slice(listHead[0], listHead[1]).split(/\s+/u)[0]!.toLowerCase());
    if (!headsList && !listed.has(prev)) continue;
    p.titleText = q.titleText;
    listed.add(cur);
  }
}

/** Plural heads of titles that a list of people shares. */
const PLURAL_HEAD = new Set(["депутаты", "члены", "сенаторы", "депутатов", "членов", "сенаторов", "министры", "послы", "представители", "руководители", "заместители"]);

function singularTitle(title: string): string {
  const [head, ...rest] = title.split(" ");
  if (!head || !PLURAL_HEAD.has(head.toLowerCase())) return title;
  const noun = parse(head.toLowerCase()).find((w) => w.known && w.pos === "NOUN" && w.number === "plur");
  if (!noun) return title;
  const lemma = head[0] === head[0]!.toUpperCase() ? noun.lemma.charAt(0).toUpperCase() + noun.lemma.slice(1) : noun.lemma;
  return [lemma, ...rest].join(" ");
}

/** "Делегация Сената Казахстана во главе с …", "казахстанскую делегацию возглавил …": a home delegation right before. */
function homeDelegationBefore(masked: string, at: number, partnerMentions: readonly PartnerMention[]): boolean {
  const before = masked.slice(Math.max(0, at - 160), at);
  const m = /делегаци\p{L}*([^.;:\n]*?)\s+(?:во\s+главе\s+с|возглавил\p{L}*|возглавляем\p{L}*)\s*$/iu.exec(before) ?? /(?:^|\s)(казахстанск\p{L}*)\s+делегаци\p{L}*\s+(?:возглавил\p{L}*|возглавля\p{L}*)\s*$/u.exec(before);
  if (!m) return false;
  const from = at - before.length + m.index;
  const foreign = partnerMentions.some((pm) => pm.span[0] >= from && pm.span[1] <= at && pm.partner.code !== HOME_CODE);
  return !foreign && HOME_TITLE.test(m[0]);
}

/** "с делегацией … КНР во главе с …": the delegation's country is the person's side. */
function delegationContext(masked: string, title: Span, partnerMentions: readonly PartnerMention[]): PartnerMention[] {
  const before = masked.slice(Math.max(0, title[0] - 160), title[0]);
  const m = /делегаци\p{L}*([^.;:\n]*?)\s+во\s+главе\s+с\s*$/u.exec(before);
  if (!m) return [];
  const from = title[0] - before.length + m.index;
  return partnerMentions.filter((pm) => pm.span[0] >= from && pm.span[1] <= title[0] && pm.partner.code !== HOME_CODE);
}

function genderOf(masked: string, p: Profile, sentences: readonly Sentence[]): boolean | null {
  // agreement of a past verb right after a nominative mention is the surest sign
  for (const info of p.mentions) {
    if (info.inQuote || !info.nominative) continue;
    const after = masked.slice(info.mention.span[1], Math.min(sentences[info.sentence]!.end, info.mention.span[1] + 60));
    const verb = /^\s*(?:,[^,]*,\s*)?(?:(?:также|в\s+свою\s+очередь|же|тоже|лично|еще|ещё)\s*,?\s*)*([а-яё]+)/u.exec(after);
    if (verb && isPastVerb(verb[1]!)) return isFemininePast(verb[1]!);
  }
  const last = p.name.split(" ").pop() ?? "";
  if (/(?:ова|ева|ёва|ина|ына|ская|цкая|ая)$/u.test(last)) return true;
  if (/(?:ов|ев|ёв|ин|ын|ский|цкий|ой|ый|ий)$/u.test(last)) return false;
  // a first name's ending is no guide for foreign names (Ямада, Кошта): unknown
  return null;
}

export function mentionsGuest(sentenceText: string): boolean {
  return GUEST_WORD.test(sentenceText);
}

/**
 * One name per person: a name whose words include another name's words ("Астану Каха Имнадзе",
 * "Мажилиса Дания Еспаева") is the same person with a stray word; keep the clean form, or drop a
 * leading word that is a place or an institution.
 */
function canonicalNames(text: string, mentions: PersonMention[], partnerMentions: readonly PartnerMention[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  const names = [...counts.keys()];
  const out = new Map<string, string>();
  const wordsOf = (n: string) => n.toLowerCase().replace(/ё/g, "е").split(/\s+/u);
  // a stray leading word: the place or institution the name was glued to
  const strayLead = (n: string): boolean => {
    const first = n.split(/\s+/u)[0]!;
    const surfaceHit = mentions.find((m) => m.name === n && m.surface.startsWith(first));
    const glued = !!surfaceHit && partnerMentions.some((pm) => pm.span[0] === surfaceHit.span[0]);
    return glued || /^(?:Мажилис|Сенат|Парламент|Правительств|Министерств|Палат|Совет|Комитет|Акимат|Посольств|Администраци|Астан|Алмат)/u.test(first);
  };
  for (const n of names) {
    const w = wordsOf(n);
    if (w.length < 3 || !strayLead(n)) continue;
    const rest = n.split(/\s+/u).slice(1).join(" ");
    out.set(n, names.find((o) => wordsOf(o).join(" ") === wordsOf(rest).join(" ")) ?? rest);
  }
  // the same person written shorter elsewhere ("Мин Су" beside "Пак Мин Су"): the fuller form
  for (const n of names) {
    if (out.has(n)) continue;
    const w = wordsOf(n);
    if (w.length < 2) continue;
    for (const o of names) {
      if (o === n || out.has(o)) continue;
      const ow = wordsOf(o);
      if (ow.length <= w.length) continue;
      if (w.every((x) => ow.includes(x)) && ow[ow.length - 1] === w[w.length - 1]) {
        out.set(n, o);
        break;
      }
    }
  }
  return out;
}
