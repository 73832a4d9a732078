// Where an event happened: a city the text names around the event ("провел в Софии встречу",
// "в Акорде", "в рамках визита в Астану") or, for an in-person event, the dateline's city.
import type { PartnerMention, Span } from "../types";
import { FUTURE, NOT_PLACE, VENUE_CITY } from "./lexicon";
import { placeToNominative } from "./morphology";
import { insideAny, type Paragraph } from "./units";
import { parse } from "../names/morph";
import { gazetteer } from "../registry/places";

export interface PlaceHit {
  name: string;
  span: Span;
}

// ("в азербайджанской Габале": an adjective of place may come between, and its gender is the city's)
const IN_PLACE = /(?:^|[\s(«])(?:в|во|В|Во)\s+(?:г\.\s*|городе\s+|([а-яё]{4,}(?:ской|ском|цкой|цком))\s+)?([А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*)(?=([\s,.;:)»]|$))/gu;
const VISIT_PLACE = /(?:посетил\p{L}*|прибыл\p{L}*\s+в|прибывш\p{L}*\s+в|визит\p{L}*\s+в|по\s+прибытии\s+в|поездк\p{L}*\s+в)\s+([А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*)/gu;

function isCountryOrOrg(span: Span, partnerMentions: readonly PartnerMention[], word?: string): boolean {
  // a capital names a city as well as its country ("в Астане"): only country and organisation names are not places,
  // and a city-state's name is a city's too ("в Ватикане", "в Сингапуре")
  const city = word ? gazetteer().nominative(word) : null;
  for (const pm of partnerMentions) {
    if (pm.via === "capital" || pm.span[0] > span[0] || pm.span[1] < span[1]) continue;
    if (city !== null && pm.partner.type === "country" && city === pm.partner.name) continue;
    return true;
  }
  return false;
}

function candidate(masked: string, word: string, at: number, excluded: readonly Span[], partnerMentions: readonly PartnerMention[]): PlaceHit | null {
  const span: Span = [at, at + word.length];
  if (NOT_PLACE.test(word)) return null;
  if (insideAny(at, excluded)) return null;
  if (isCountryOrOrg(span, partnerMentions, word)) return null;
  // "в Таврическом дворце": an adjective before a common noun, not a city
  const next = masked.slice(span[1], span[1] + 20);
  if (/^(?:ом|ем|ой|ых|их|ую|ая|ое|ий|ый)$/u.test(word.slice(-2)) && /^\s+[а-яё]/u.test(next)) return null;
  if (/(?:ом|ем|ой)$/u.test(word) && /^\s+[А-ЯЁ]/u.test(next)) return null;
  // "в Послании", "в Дни культуры": a capitalised common noun is no city, unless the gazetteer knows one by that name
  if (!gazetteer().nominative(word) && parse(word.toLowerCase()).some((p) => p.known && p.pos === "NOUN" && !p.marks.has("Geox") && !p.marks.has("Name") && !p.marks.has("Surn"))) return null;
  return { name: placeToNominative(word), span };
}

/** "в таджикской столице", "в столице Узбекистана", "прибыл в столицу Северной Македонии". */
const CAPITAL = /(?<![\p{L}\d])столиц\p{L}*/gu;

/** The capital a "столица" phrase names through its country: an adjective right before, a genitive right after. */
export function capitalIn(masked: string, range: Span, partnerMentions: readonly PartnerMention[]): PlaceHit | null {
  const slice = masked.slice(range[0], range[1]);
  CAPITAL.lastIndex = 0;
  for (let m = CAPITAL.exec(slice); m; m = CAPITAL.exec(slice)) {
    const at = range[0] + m.index;
    const end = at + m[0].length;
    const country = partnerMentions.find(
      (pm) => pm.partner.type === "country" && ((pm.span[1] <= at && /^\s+$/u.test(masked.slice(pm.span[1], at))) || (pm.span[0] >= end && /^\s+$/u.test(masked.slice(end, pm.span[0])))),
    );
    const capital = country?.partner.aliases.find((a) => country.partner.aliasKinds?.[a] === "capital" && gazetteer().nominative(a) !== null);
    if (country && capital) return { name: capital, span: [Math.min(at, country.span[0]), Math.max(end, country.span[1])] };
  }
  return null;
}

const PLANNED_VISIT = /(?:подготовк|предстоящ|будущ|приглашени|пригласил|организаци)\p{L}*\s+(?:\S+\s+){0,2}?(?:визит|поездк)\p{L}*\s+(?:[^\s.,;:]+\s+){0,3}?(?:в|во)\s+$/u;

/** A city named with "в/во" in the range, outside people's titles. */
export function placeIn(masked: string, range: Span, excluded: readonly Span[], partnerMentions: readonly PartnerMention[]): PlaceHit | null {
  const slice = masked.slice(range[0], range[1]);
  for (const [re, city] of VENUE_CITY) {
    const m = re.exec(slice);
    if (m) return { name: city, span: [range[0] + m.index, range[0] + m.index + m[0].length] };
  }
  // (the locative only: "в столицу" is where someone goes)
  const capital = /(?:^|\s)(?:в|во)\s+(?:\p{L}+\s+)?столице(?![\p{L}])/iu.test(slice) ? capitalIn(masked, range, partnerMentions) : null;
  IN_PLACE.lastIndex = 0;
  for (let m = IN_PLACE.exec(slice); m; m = IN_PLACE.exec(slice)) {
    if (capital && capital.span[0] < range[0] + m.index) return capital;
    const word = m[2]!;
    const at = range[0] + m.index + m[0].lastIndexOf(word);
    const found = candidate(masked, word, at, excluded, partnerMentions);
    // "в азербайджанской Габале": a feminine adjective makes an unknown city's locative -е a nominative -а
    const hit = found && m[1]?.endsWith("ой") && /е$/u.test(word) && /[бвгджзклмнпрстфхцчшщ]$/u.test(found.name) && !gazetteer().nominative(word) ? { ...found, name: `${found.name}а` } : found;
    // "визит сенаторов в Астану": the accusative of an -а/-я city is where someone goes, not where the event is
    if (hit && /[ую]$/u.test(word) && /[ая]$/u.test(hit.name)) continue;
    // "в Сеул", "в Минск": a consonant-final city after "в" is the accusative too (the location is "в Сеуле")
    if (hit && /[бвгджзклмнпрстфхцчшщ]$/u.test(word)) continue;
    // "подготовку визита делегации в Алматы": where a visit yet to come goes
    if (hit && PLANNED_VISIT.test(masked.slice(Math.max(range[0], at - 70), at))) continue;
    // "…, заседание которого планируется провести весной в Брюсселе": the place of something still to come
    if (hit && FUTURE.test(clauseBefore(masked, Math.max(range[0], at - 80), at))) continue;
    if (hit) return hit;
  }
  return capital;
}

/** The text of the clause that runs up to `at`: from the last comma, semicolon or dash. */
function clauseBefore(masked: string, from: number, at: number): string {
  const slice = masked.slice(from, at);
  const cut = Math.max(slice.lastIndexOf(","), slice.lastIndexOf(";"), slice.lastIndexOf(" – "), slice.lastIndexOf(" — "));
  return cut >= 0 ? slice.slice(cut + 1) : slice;
}

/** "посетил Астану", "в рамках визита в Астану", "по прибытии в Самарканд". */
export function visitPlace(masked: string, range: Span, excluded: readonly Span[], partnerMentions: readonly PartnerMention[]): PlaceHit | null {
  const slice = masked.slice(range[0], range[1]);
  // "по прибытии в таджикскую столицу", "прибыл в столицу Узбекистана"
  const toCapital = /(?:посетил\p{L}*|прибыл\p{L}*\s+в|прибывш\p{L}*\s+в|визит\p{L}*\s+в|по\s+прибытии\s+в|поездк\p{L}*\s+в)\s+(?:\p{L}+\s+)?столиц/iu.exec(slice);
  if (toCapital) {
    const capital = capitalIn(masked, [range[0] + toCapital.index, range[1]], partnerMentions);
    if (capital) return capital;
  }
  VISIT_PLACE.lastIndex = 0;
  for (let m = VISIT_PLACE.exec(slice); m; m = VISIT_PLACE.exec(slice)) {
    const word = m[1]!;
    const at = range[0] + m.index + m[0].lastIndexOf(word);
    const hit = candidate(masked, word, at, excluded, partnerMentions);
    if (hit) return hit;
  }
  return null;
}

// ("Бишкек (АКИpress) - …": the outlet in brackets after the city)
const DATELINE = /^([А-ЯЁ][А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)?)(?:[,.]\s+(?=\d{1,2}\s+[а-яё]+|\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}|[A-ZА-ЯЁ«"/]{2,})|\s+(?=\([^)]{2,40}\)\s*[-–—]\s))/u;

/** A geographical name in the dictionary, or a word the dictionary does not know at all. */
function placeWord(word: string): boolean {
  if (gazetteer().nominative(word) !== null) return true;
  const ps = parse(word.charAt(0) + word.slice(1).toLowerCase());
  return !ps.some((p) => p.known) || ps.some((p) => p.known && p.marks.has("Geox"));
}

/** "27 ноября 2025 года, Санкт-Петербург.": the date first, then the city. */
const DATE_FIRST_DATELINE = /^\d{1,2}\s+[а-яё]+(?:\s+\d{4}(?:\s+(?:года|г\.))?)?,\s+([А-ЯЁ][А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*)(?=[.,]\s)/u;

/** "Астана, 25 января 2024 года.", "АСТАНА. KAZINFORM —": the city a report was filed from. */
export function datelinePlace(text: string, paragraphs: readonly Paragraph[], partnerMentions: readonly PartnerMention[]): PlaceHit | null {
  return datelinePlaces(text, paragraphs, partnerMentions)[0] ?? null;
}

/** Every dateline, in order: a file of several articles has one per article. */
export function datelinePlaces(text: string, paragraphs: readonly Paragraph[], partnerMentions: readonly PartnerMention[]): PlaceHit[] {
  const out: PlaceHit[] = [];
  paragraphs.forEach((p, n) => {
    const head = text.slice(p.start, Math.min(p.end, p.start + 80));
    // past the first paragraphs only the unmistakable date-and-city form opens another article
    const m = (n < 12 ? DATELINE.exec(head) : null) ?? DATE_FIRST_DATELINE.exec(head);
    if (!m) return;
    const raw = m[1]!;
    // after the first, a "Word, 31 августа" opener is a dateline only when the word can be a place ("Накануне, 31 августа" is not)
    // a "Word, 31 августа" opener is a dateline only when the word can be a place ("Накануне, 31 августа" is not);
    // past the first, only such a word opens another article
    if (DATELINE.test(head) && !placeWord(raw)) return;
    const word = raw === raw.toUpperCase() ? raw.charAt(0) + raw.slice(1).toLowerCase().replace(/-([а-яё])/gu, (_, c: string) => `-${c.toUpperCase()}`) : raw;
    if (NOT_PLACE.test(word)) return;
    const at = p.start + m[0].lastIndexOf(raw);
    const span: Span = [at, at + raw.length];
    if (isCountryOrOrg(span, partnerMentions)) return;
    out.push({ name: placeToNominative(word), span });
  });
  return out;
}
