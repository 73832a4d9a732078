// A contact's date and place: from its own trigger sentences first, then its stretch of text,
// then what a "серия встреч" header says, then — for a contact the text ties to the one before
// ("на полях сессии", "в тот же день") — the previous contact's, then the visit or the dateline.
import type { Provenance } from "../types";
import { dateInSentence, type DateHit } from "./dates";
import { datelineFor } from "./mentions";
import type { Contact } from "./participants";
import { gazetteer } from "../registry/places";
import { placeIn, visitPlace, type PlaceHit } from "./places";
import type { SidedArticle } from "./sides";

/** Verbs whose objects are the subjects of talks: a city there is a topic, not the venue. */
const TOPIC_VERB = /(?:^|\s)(?:обсудил|обсуждал|обменял|рассмотрел|договорил|затронул|условил|предложил|пригласил|проведени|открыти)\p{L}*/u;
/** A sentence that tells where the contact took place even when it is not the trigger's. */
const VENUE_SENTENCE = /прош(?:ла|ло|ли|ел|ёл)|состоял\p{L}*|завершил\p{L}*|открыл\p{L}*|стартовал\p{L}*|проходил\p{L}*|участвовал\p{L}*|(?:^|\s)(?:в|во)\s+(?:переговорах|встрече)\s/u;

/** A sentence that is only a day ("Понедельник.", "22 сентября."): a diary-style article's heading for what follows. */
const DAY_HEADING = /^(?:в\s+)?(?:понедельник|вторник|среда|среду|четверг|пятница|пятницу|суббота|субботу|воскресенье|\d{1,2}\s+[а-яё]+(?:\s+\d{4})?)\.?$/iu;

function headingDate(a: SidedArticle, c: Contact): DateHit | null {
  for (let i = c.triggers[0]!.sentence; i >= 0; i--) {
    const s = a.sentences[i]!;
    const text = a.text.slice(s.start, s.end).trim();
    if (!DAY_HEADING.test(text)) continue;
    const day = text.replace(/\.$/u, "").toLowerCase();
    // a weekday heading reads as "в понедельник"; the accusative forms are what the date reader knows
    const phrase = `${/^\d/u.test(day) || day.startsWith("в ") ? day : `в ${day.replace(/а$/u, "у")}`}.`;
    const hit = dateInSentence(phrase, s.start, a.publishedOn);
    return hit ? { ...hit, span: [s.start, s.end], confidence: Math.min(hit.confidence, 0.7) } : null;
  }
  return null;
}

/** What a contact's date and place were found from: the next contact the text ties to it may take them. */
export interface WhenWhere {
  date: DateHit | null;
  place: PlaceHit | null;
  kind: Contact["kind"];
  dateline: PlaceHit | null;
}

/** "На полях сессии", "в тот же день", "там же": the contact happened where and when the one before did. */
const TIED_TO_PREVIOUS = /(?:^|[\s,(])(?:на\s+полях|в\s+кулуарах|в\s+(?:тот|этот)\s+же\s+день|там\s+же|затем|после\s+этого|вслед\s+за\s+этим|тогда\s+же|в\s+ходе\s+(?:того\s+же|этого|данного)\s+\p{L}+|по\s+завершении|по\s+окончании|после\s+(?:заседания|саммита|сессии|форума|переговоров|встречи))(?=[\s,.])/iu;

/** "На полях саммита", "в кулуарах сессии": the side meeting of the conference reported, whatever came between. */
const SIDELINES = /(?:^|[\s,(])(?:на\s+полях|в\s+кулуарах)(?=[\s,.])/iu;

/**
 * The contact this one is tied to, when both belong to the same article of the file: the conference for a
 * meeting on its sidelines, else the contact before.
 */
export function tiedPrevious(a: SidedArticle, c: Contact, previous: WhenWhere | null, conference: WhenWhere | null = null): WhenWhere | null {
  const dateline = datelineFor(a, c.range[0]);
  const sentences = [...c.triggers.map((t) => t.sentence), ...(c.header ? [c.header.sentence] : [])].map((i) => a.masked.slice(a.sentences[i]!.start, a.sentences[i]!.end));
  if (conference && conference.dateline === dateline && sentences.some((s) => SIDELINES.test(s))) return conference;
  if (!previous || previous.dateline !== dateline) return null;
  return sentences.some((s) => TIED_TO_PREVIOUS.test(s)) ? previous : null;
}

export function contactDate(a: SidedArticle, c: Contact, tied: WhenWhere | null): { date: string | null; hit: DateHit | null; evidence: Provenance } {
  let date: DateHit | null = null;
  for (const t of c.triggers) {
    const s = a.sentences[t.sentence]!;
    date = dateInSentence(a.masked.slice(s.start, s.end), s.start, a.publishedOn);
    // "10 декабря … посетит Ватикан": a day after the article's own is that of something announced
    if (date && a.publishedOn && date.iso > a.publishedOn) date = null;
    if (date) break;
  }
  if (!date && c.header?.date) date = c.header.date;
  // a contact tied to another ("на полях заседания, которое состоялось 5 декабря") happened on its day,
  // which says more than a date line under the headline (the day the news was posted)
  if (!date && tied?.date) date = { ...tied.date, confidence: Math.min(tied.date.confidence, 0.75) };
  if (!date) date = headingDate(a, c);
  return {
    date: date?.iso ?? a.publishedOn ?? null,
    hit: date,
    evidence: date ? { spans: [date.span], confidence: date.confidence } : { spans: [], confidence: a.publishedOn ? 0.65 : 0.4 },
  };
}

export function contactPlace(a: SidedArticle, c: Contact, tied: WhenWhere | null, previous: WhenWhere | null = null): { location: string | null; hit: PlaceHit | null; evidence: Provenance } {
  const dateline = datelineFor(a, c.range[0]);
  let found = c.kind === "phone_call" ? null : venueOf(a, c, dateline, tied, previous);
  // the dateline spells the city in the nominative: prefer its form over one rebuilt from "в Тяньцзине"
  if (found && dateline && found.place.name !== dateline.name && sameStem(found.place.name, dateline.name)) {
    found = { ...found, place: { ...found.place, name: dateline.name } };
  }
  return found
    ? { location: found.place.name, hit: found.place, evidence: { spans: [found.place.span], confidence: found.confidence } }
    : { location: null, hit: null, evidence: { spans: [], confidence: c.kind === "phone_call" ? 0.9 : 0.5 } };
}

function venueOf(a: SidedArticle, c: Contact, dateline: PlaceHit | null, tied: WhenWhere | null, previous: WhenWhere | null): { place: PlaceHit; confidence: number } | null {
  const inTrigger = placeOfTriggers(a, c);
  if (inTrigger) return { place: inTrigger, confidence: 0.9 };
  if (c.kind === "statement") return null;
  const inStretch = placeOfStretch(a, c);
  if (inStretch) return { place: inStretch, confidence: 0.8 };
  if (c.header?.place) return { place: c.header.place, confidence: 0.75 };
  if (tied?.place && tied.kind !== "phone_call") return { place: tied.place, confidence: 0.7 };
  // the next contact of a visit reported with no place of its own happened where the one before did: a report
  // filed at home from a visit abroad carries the home dateline
  if (previous?.place && previous.kind !== "phone_call" && previous.dateline === dateline) return { place: previous.place, confidence: 0.6 };
  const upTo = a.sentences[Math.max(c.first, c.end - 1)]!.end;
  // in a file of several articles, only this article's text
  const articleStart = dateline && dateline !== a.datelines[0] ? dateline.span[0] : 0;
  const visited = visitPlace(a.masked, [articleStart, upTo], a.titleSpans, a.partnerMentions);
  if (visited) return { place: visited, confidence: 0.65 };
  // "Токаев в Тяньцзине: …": the headline names where the news happened, the dateline only where it was filed
  const headline = articleStart === 0 && a.title ? headlinePlace(a.title, a.text.indexOf(a.title)) : null;
  if (headline) return { place: headline, confidence: 0.6 };
  return dateline ? { place: dateline, confidence: 0.55 } : null;
}

function placeOfTriggers(a: SidedArticle, c: Contact): PlaceHit | null {
  for (const t of c.triggers) {
    const s = a.sentences[t.sentence]!;
    // "Стороны обсудили открытие филиалов вузов в Ташкенте": a city in what was discussed is no venue
    if (TOPIC_VERB.test(a.masked.slice(s.start, s.end))) continue;
    const place = placeIn(a.masked, [s.start, s.end], a.titleSpans, a.partnerMentions);
    // "МИД приветствует подписание соглашения … в Вашингтоне": far past the verb, a city is in what was said
    if (place && c.kind === "statement" && place.span[0] > t.span[1] + 20) continue;
    if (place) return place;
  }
  return null;
}

function placeOfStretch(a: SidedArticle, c: Contact): PlaceHit | null {
  const trigParagraph = a.sentences[c.triggers[0]!.sentence]!.paragraph;
  let place: PlaceHit | null = null;
  for (let i = c.first; i < c.end && !place; i++) {
    const s = a.sentences[i]!;
    if (a.roles[i]!.background) continue;
    const sm = a.masked.slice(s.start, s.end);
    // (not a city among what was discussed or planned: "рассмотрели возможность проведения в Астане …")
    if ((s.paragraph === trigParagraph || VENUE_SENTENCE.test(sm)) && !(i !== c.triggers[0]!.sentence && TOPIC_VERB.test(sm))) {
      place = placeIn(a.masked, [s.start, s.end], a.titleSpans, a.partnerMentions);
    }
  }
  return place;
}

/** A known city after "в/во" in the headline; `at` is where the headline stands in the text (-1: not there, empty span). */
function headlinePlace(title: string, at: number): PlaceHit | null {
  const re = /(?:^|[\s(«])(?:в|во)\s+([А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*)/gu;
  for (let m = re.exec(title); m; m = re.exec(title)) {
    const name = gazetteer().nominative(m[1]!);
    const start = m.index + m[0].lastIndexOf(m[1]!);
    if (name) return { name, span: at >= 0 ? [at + start, at + start + m[1]!.length] : [0, 0] };
  }
  return null;
}

const key = (s: string) => s.toLowerCase().replace(/ё/g, "е");

function sameStem(a: string, b: string): boolean {
  const x = key(a);
  const y = key(b);
  const n = Math.min(x.length, y.length) - 1;
  return n >= 3 && x.slice(0, n) === y.slice(0, n);
}

