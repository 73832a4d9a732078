// The day an event happened, from the words of its own sentences: "14 августа", "10 мая 2024
// года", "вчера", "накануне", "в понедельник", relative to the article's date.
import * as chrono from "chrono-node";
import type { Span } from "../types";

const MONTHS: Record<string, number> = {
  январ: 1, феврал: 2, март: 3, апрел: 4, ма: 5, июн: 6, июл: 7, август: 8, сентябр: 9, октябр: 10, ноябр: 11, декабр: 12,
};
const MONTH_RE = "(январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья])";
const DAY_MONTH = new RegExp(`(?<![\\d.])(\\d{1,2})(?:\\s*[–—-]\\s*\\d{1,2})?\\s+${MONTH_RE}(?:\\s+(\\d{4})(?:\\s*(?:года|г\\.))?)?`, "giu");
const NUMERIC = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])/g;
const WEEKDAYS: Record<string, number> = { понедельник: 1, вторник: 2, сред: 3, четверг: 4, пятниц: 5, суббот: 6, воскресень: 0 };
const WEEKDAY_RE = /(?:^|\s)(?:в|во)\s+(?:(?:минувш|прошл|эт)[а-яё]*\s+)?(понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)(?=[\s,.])/iu;

export interface DateHit {
  iso: string;
  span: Span;
  confidence: number;
}

function monthOf(word: string): number {
  const w = word.toLowerCase();
  for (const [stem, n] of Object.entries(MONTHS)) if (w.startsWith(stem)) return n;
  return 0;
}

function iso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

function shift(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A day-month without a year takes the article's year, or the year before when that would put it in the future. */
function withYear(day: number, month: number, year: number | null, publishedOn: string | null): { iso: string; certain: boolean } | null {
  if (year) {
    const v = iso(year, month, day);
    return v ? { iso: v, certain: true } : null;
  }
  if (!publishedOn) return null;
  const py = Number(publishedOn.slice(0, 4));
  let v = iso(py, month, day);
  if (v && v > shift(publishedOn, 7)) v = iso(py - 1, month, day);
  return v ? { iso: v, certain: false } : null;
}

/** "в понедельник", "в минувшую пятницу": the last such weekday on or before the article's date. */
function weekdayHit(lower: string, offset: number, publishedOn: string | null): DateHit | null {
  const wd = WEEKDAY_RE.exec(lower);
  if (!wd || !publishedOn) return null;
  const target = Object.entries(WEEKDAYS).find(([stem]) => wd[1]!.startsWith(stem))?.[1];
  if (target === undefined) return null;
  const pub = new Date(`${publishedOn}T00:00:00Z`);
  const back = (pub.getUTCDay() - target + 7) % 7;
  const at = wd.index + wd[0].search(/\S/);
  return { iso: shift(publishedOn, -back), span: [offset + at, offset + wd.index + wd[0].length], confidence: 0.7 };
}

/** "накануне" as the day before; "накануне визита" (the eve of an event) is no date. */
const DAY_BEFORE = /(?:^|[\s,(])накануне(?=[\s,.])(?!\s+(?!(?:вечером|утром|днем|днём|ночью)(?![\p{L}]))(?:[а-яё]+(?:ого|его|ой|ей|ых|их)\s+){0,2}(?:визит|выбор|саммит|встреч|переговор|праздник|дн(?:я|ей)|годовщин|заседани|начал|открыти|сесси|форум|поездк|турнир|чемпионат|конференци|съезд|референдум|юбиле|выступлени|прибыти|отъезд|голосовани|запуск|церемони|торжеств|нов\p{L}*\s+год)\p{L}*)/u;
/** After a dateline, these date the event relative to it ("Осака, 20 мая – Накануне посол …"). */
const RELATIVE_AFTER_DATELINE = /(?:^|[\s,(])(?:вчера|позавчера)(?=[\s,.])/u;

/**
 * The date a sentence gives its event, or null. `text` is the sentence (quotes masked) and
 * `offset` its position in the article.
 */
export function dateInSentence(text: string, offset: number, publishedOn: string | null): DateHit | null {
  DAY_MONTH.lastIndex = 0;
  for (let m = DAY_MONTH.exec(text); m; m = DAY_MONTH.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 4), m.index);
    // "СЕУЛ, 6 февраля. /Ёнхап/ – Министр … провел в четверг …": the dateline dates the report, the weekday the event
    // ("Пекин, 13 февраля /Синьхуа/ -- … была принята в четверг": the city written either way)
    if (/^\s*[А-ЯЁ][А-ЯЁа-яё-]+(?:\s[А-ЯЁ][А-ЯЁа-яё-]+)?,\s*$/u.test(text.slice(0, m.index)) && (WEEKDAY_RE.test(text.slice(m.index).toLowerCase()) || RELATIVE_AFTER_DATELINE.test(text.slice(m.index).toLowerCase()) || DAY_BEFORE.test(text.slice(m.index).toLowerCase()))) continue;
    // "до 15 марта", "с 1 июля": a deadline or a range, not the day of the event
    if (/(?:^|\s)(?:до|с|со|к|по|после)\s$/u.test(before)) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 3);
    if (/^\s*[–—-]\s*\d/u.test(after)) continue;
    const v = withYear(Number(m[1]), monthOf(m[2]!), m[3] ? Number(m[3]) : null, publishedOn);
    if (v) return { iso: v.iso, span: [offset + m.index, offset + m.index + m[0].length], confidence: v.certain ? 0.95 : 0.85 };
  }
  NUMERIC.lastIndex = 0;
  const num = NUMERIC.exec(text);
  if (num) {
    const v = iso(Number(num[3]), Number(num[2]), Number(num[1]));
    if (v) return { iso: v, span: [offset + num.index, offset + num.index + num[0].length], confidence: 0.9 };
  }
  const lower = text.toLowerCase();
  // "Накануне, в понедельник, …": the weekday names the day "накануне" only approximates
  const weekday = weekdayHit(lower, offset, publishedOn);
  if (weekday && /(?:^|[\s,(])накануне(?=[\s,.])/u.test(lower)) return weekday;
  const relative: [RegExp, number][] = [
    [/(?:^|[\s,(])позавчера(?=[\s,.])/u, -2],
    [/(?:^|[\s,(])вчера(?=[\s,.])/u, -1],
    // "накануне" is the day before; "накануне визита" (the eve of an event) is no date
    [DAY_BEFORE, -1],
    [/(?:^|[\s,(])сегодня(?=[\s,.])/u, 0],
  ];
  for (const [re, days] of relative) {
    const m = re.exec(lower);
    if (m) {
      if (!publishedOn) return null;
      const at = m.index + m[0].search(/\S/);
      return { iso: shift(publishedOn, days), span: [offset + at, offset + m.index + m[0].length], confidence: 0.8 };
    }
  }
  if (weekday) return weekday;
  // Other written forms, only in strict mode so that "среды" in "окружающей среды" is never a weekday.
  if (publishedOn && /\d(?:-?го)?\s+(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)/iu.test(text)) {
    const ref = new Date(`${publishedOn}T12:00:00Z`);
    const parsed = chrono.ru.strict.parse(text, ref);
    for (const r of parsed) {
      if (!r.start.isCertain("day") || !r.start.isCertain("month")) continue;
      if (/(?:^|\s)(?:до|с|со|к|по|после)\s*$/u.test(text.slice(Math.max(0, r.index - 6), r.index))) continue;
      const v = iso(r.start.get("year") ?? 0, r.start.get("month") ?? 0, r.start.get("day") ?? 0);
      if (v) return { iso: v, span: [offset + r.index, offset + r.index + r.text.length], confidence: 0.75 };
    }
  }
  return null;
}
