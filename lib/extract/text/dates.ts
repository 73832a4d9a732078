// Calendar dates as news pages write them: "21 декабря 2022", "25 Июнь 2024", "16 окт 2024", "10.05.2024", "2026-03-04".

/** Month stems: Russian (any case, abbreviated), Kazakh and English. */
const MONTH_STEMS: [RegExp, number][] = [
  [/^(янв|jan|қаңтар)/, 1],
  [/^(фев|feb|ақпан)/, 2],
  [/^(мар|mar|наурыз)/, 3],
  [/^(апр|apr|сәуір)/, 4],
  [/^(мая|май|мае|may|мамыр)/, 5],
  [/^(июн|jun|маусым)/, 6],
  [/^(июл|jul|шілде)/, 7],
  [/^(авг|aug|тамыз)/, 8],
  [/^(сен|sep|қыркүйек)/, 9],
  [/^(окт|oct|қазан)/, 10],
  [/^(ноя|nov|қараша)/, 11],
  [/^(дек|dec|желтоқсан)/, 12],
];

const MONTH_WORD =
  "(?:январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]" +
  "|янв|фев|мар|апр|июн|июл|авг|сент?|окт|ноя|дек" +
  "|қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан" +
  "|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\\.?";

/** One date expression; the groups are read by parseDateMatch. */
export const DATE_PATTERN = new RegExp(
  [
    `(?<iso>(?<isoY>(?:19|20)\\d{2})-(?<isoM>\\d{2})-(?<isoD>\\d{2}))`,
    `(?<ymd>(?<ymdY>(?:19|20)\\d{2})[./](?<ymdM>\\d{2})[./](?<ymdD>\\d{2}))`,
    `(?<dot>(?<dotD>\\d{1,2})(?<sep>[./-])(?<dotM>\\d{1,2})\\k<sep>(?<dotY>(?:19|20)\\d{2}))`,
    // "05/11/25 15:42": a two-digit year, only right before a time or at the end of a line
    `(?<short>(?<shD>\\d{1,2})(?<shSep>[./])(?<shM>\\d{1,2})\\k<shSep>(?<shY>\\d{2})(?=,?\\s+\\d{1,2}:\\d{2}|\\s*$))`,
    `(?<word>(?<wD>\\d{1,2})\\s+(?<wM>${MONTH_WORD})(?:,?\\s+(?<wY>(?:19|20)\\d{2}))?(?:\\s*(?:года|г\\.|жылы|ж\\.))?)`,
    `(?<en>(?<enM>january|february|march|april|may|june|july|august|september|october|november|december)\\s+(?<enD>\\d{1,2}),?\\s+(?<enY>(?:19|20)\\d{2}))`,
  ].join("|"),
  "giu",
);

export interface DateHit {
  /** ISO date, or month-day only ("--MM-DD") when the text gave no year. */
  iso: string | null;
  year: number | null;
  month: number;
  day: number;
  index: number;
  length: number;
}

export function monthNumber(word: string): number | null {
  const lower = word.toLowerCase();
  for (const [stem, month] of MONTH_STEMS) if (stem.test(lower)) return month;
  return null;
}

function valid(year: number | null, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (year === null) return true;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export function toIso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function findDates(text: string): DateHit[] {
  const hits: DateHit[] = [];
  for (const m of text.matchAll(DATE_PATTERN)) {
    const g = m.groups ?? {};
    let year: number | null;
    let month: number | null;
    let day: number;
    if (g.iso) [year, month, day] = [+g.isoY, +g.isoM, +g.isoD];
    else if (g.ymd) [year, month, day] = [+g.ymdY, +g.ymdM, +g.ymdD];
    else if (g.dot) [year, month, day] = [+g.dotY, +g.dotM, +g.dotD];
    else if (g.short) [year, month, day] = [2000 + +g.shY, +g.shM, +g.shD];
    else if (g.word) [year, month, day] = [g.wY ? +g.wY : null, monthNumber(g.wM), +g.wD];
    else [year, month, day] = [+g.enY, monthNumber(g.enM), +g.enD];
    if (month === null || !valid(year, month, day)) continue;
    // A word boundary the regex cannot express for Cyrillic: "15 марта" but not "15 мартовских".
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 1);
    if (/[\p{L}\d]/u.test(after) && !/[.]$/.test(m[0])) continue;
    const before = text.slice(Math.max(0, m.index - 1), m.index);
    if (/[\p{L}\d]/u.test(before)) continue;
    hits.push({ iso: year === null ? null : toIso(year, month, day), year, month, day, index: m.index, length: m[0].length });
  }
  return hits;
}
