// A scraped article's raw text → its cleaned text, headline and date line.
// Every later stage's spans refer to the text returned here.
import {
  isCopyrightLine,
  isFooterLine,
  isFurniture,
  isListHeading,
  isListItem,
  isNavLine,
  isWidgetCell,
  isWidgetLine,
  segments,
} from "./boilerplate";
import { findDates, toIso, type DateHit } from "./dates";

export interface CleanedArticle {
  text: string;
  title: string | null;
  /** ISO date of the article's own date line, or null. */
  publishedOn: string | null;
}

interface Line {
  text: string;
  block: number;
  words: number;
  prose: boolean;
  /** Long lines are prose whatever they mention; the furniture patterns are only tried on short ones. */
  short: boolean;
}

const WORD_CHAR = /[\p{L}\d]/u;

/** Whitespace-separated chunks holding a letter or a digit (counted by hand: it runs on every line of every article). */
function wordCount(line: string): number {
  let count = 0;
  let inChunk = false;
  let hasWordChar = false;
  for (let i = 0; i <= line.length; i++) {
    const c = i < line.length ? line.charCodeAt(i) : 32;
    const space = c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x3000 || c === 0xfeff || c === 0x0b || c === 0x0c || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x1680 || c === 0x205f;
    if (space) {
      if (inChunk && hasWordChar) count++;
      inChunk = false;
      hasWordChar = false;
      continue;
    }
    inChunk = true;
    if (!hasWordChar) {
      hasWordChar = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0x400 && c <= 0x4ff) || (c > 127 && WORD_CHAR.test(line[i]));
    }
  }
  return count;
}
const SHORT_LINE_WORDS = 40;

/** An outlet crediting itself ("..., сообщает Kazpravda.kz") ends a lead paragraph, never a headline. */
const ATTRIBUTION = /(?:сообща(?:ет|ют)|переда[её]т|передают|хабарлайды)\s+\S+/i;

/** Prose: a long line, or a sentence of a dozen words. Headlines, menus and captions are shorter. */
function isProse(line: string, n = wordCount(line)): boolean {
  return n >= 20 || (n >= 12 && /[.!?…»"”):;]$/.test(line.trim())) || (n >= 8 && ATTRIBUTION.test(line));
}

const UPDATED = /(?:обновлен\S*|изменен\S*|updated|жаңартылды)\s*:?\s*$/i;
const TIME = /(?:^|\s|,)\d{1,2}:\d{2}(?::\d{2})?(?=\s|$|,)/g;

/**
 * A date line carries a date and little else: "25 Июнь 2024, 19:40   Просмотров: 1 087", "Самарканд, 4 апреля 2025 года".
 * A headline that happens to hold a date ("В Астане 12 марта 2024 года прошли переговоры") is not one.
 */
function dateLineHit(line: string): DateHit | null {
  if (wordCount(line) > 14 || isProse(line)) return null;
  const hits = findDates(line);
  // "Обновлено 16 окт 2024" is not the publication date.
  const hit = hits.find((h) => !UPDATED.test(line.slice(Math.max(0, h.index - 20), h.index)));
  if (!hit) return null;
  if (LEAD_DATELINE.test(line.slice(0, hit.index))) return hit;
  let rest = line;
  for (const h of [...hits].reverse()) rest = rest.slice(0, h.index) + " " + rest.slice(h.index + h.length);
  rest = rest.replace(TIME, " ");
  const restSegments = segments(rest).filter((seg) => !isFurniture(seg) && !UPDATED.test(seg));
  const words = restSegments.join(" ").match(/[\p{L}][\p{L}-]*/gu) ?? [];
  return words.length <= 3 ? hit : null;
}

/** The year of the page's copyright notice ("© 2025 Trend", "Trend © 2025"), when it names one year only. */
function copyrightYear(lines: readonly string[]): number | null {
  for (const line of lines) {
    const m = /©[^\d\n]{0,40}((?:19|20)\d{2})(?![\d–-])|((?:19|20)\d{2})\s*©/u.exec(line);
    if (m) return +(m[1] ?? m[2]!);
  }
  return null;
}

/** "Опубликовано: 12.03.2024", "Дата публикации: 12 марта 2024": a labelled date may stand anywhere on the page. */
const LABELLED_DATE = /^(?:опубликовано|дата публикации|дата|published|жарияланды|жарияланған күні)\s*:?\s*/i;

/** Reduce a date line to its date: the counters and categories that share the line are page furniture. */
function reduceDateLine(line: string): string {
  const parts = segments(line);
  if (parts.length <= 1) {
    // "date 2026-03-04 Фото: пресс-служба Сената": a caption glued to the date.
    const hit = findDates(line)[0];
    const end = hit.index + hit.length + (/^,?\s*\d{1,2}:\d{2}/.exec(line.slice(hit.index + hit.length))?.[0].length ?? 0);
    const rest = line.slice(end).trim();
    return rest && isFurniture(rest) ? line.slice(0, end).trim() : line.trim();
  }
  const dated = parts.find((p) => findDates(p).length > 0);
  return dated ?? line.trim();
}

/** The dateline opening the lead: "Будапешт, 21 мая 2025 года. Заместитель...", "АСТАНА, 16 октября 2024. /ТАСС/". */
const LEAD_DATELINE = /^(?:[\p{Lu}][\p{L}-]+(?:[ -][\p{Lu}][\p{L}-]+)?[,.]\s+)?$/u;

function leadDate(line: string): DateHit | null {
  const hit = findDates(line.slice(0, 80))[0];
  if (!hit || hit.year === null) return null;
  if (!LEAD_DATELINE.test(line.slice(0, hit.index))) return null;
  const after = line.slice(hit.index + hit.length);
  // "Ташкент, 7 апреля 2025 г. Депутат …": the abbreviation's period ends the dateline
  return /^\s*(?:[.,]|[—–-]\s|$)/.test(after) || (/\.$/.test(line.slice(hit.index, hit.index + hit.length)) && /^\s/.test(after)) ? hit : null;
}

function toLines(raw: string): { lines: Line[]; hasBlankLines: boolean } {
  const text = raw
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u2007\u202f]/g, " ")
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, "");
  const rows = text.split("\n").map((l) => l.replace(/\s+$/, ""));
  const hasBlankLines = rows.some((r, i) => r.trim() === "" && i > 0 && i < rows.length - 1);
  const lines: Line[] = [];
  let block = 0;
  for (const row of rows) {
    if (row.trim() === "") {
      block++;
      continue;
    }
    const text = row.trim();
    const words = wordCount(text);
    // Without blank lines every line is its own paragraph, except runs of one- to three-word lines (a menu, a widget).
    const previous = lines.at(-1);
    if (!hasBlankLines && previous && !(previous.words <= 3 && words <= 3)) block++;
    lines.push({ text, block, words, prose: isProse(text, words), short: words <= SHORT_LINE_WORDS });
  }
  return { lines, hasBlankLines };
}

export function cleanArticle(raw: string): CleanedArticle {
  const { lines, hasBlankLines } = toLines(raw);
  const keep: (string | null)[] = lines.map((l) => l.text);
  const drop = (i: number) => {
    keep[i] = null;
  };
  const blocks = new Map<number, number[]>();
  lines.forEach((l, i) => {
    const members = blocks.get(l.block);
    if (members) members.push(i);
    else blocks.set(l.block, [i]);
  });
  const blockOf = (b: number) => blocks.get(b) ?? [];

  const junk = lines.map((l) => l.short && (isFurniture(l.text) || isFooterLine(l.text) || isWidgetLine(l.text) || isNavLine(l.text, 3)));
  const body = lines.map((l, i) => l.prose && !junk[i]);
  const firstBody = body.indexOf(true);
  const bodyStart = firstBody < 0 ? lines.length : firstBody;
  const lastBody = body.lastIndexOf(true);
  // A headline long enough to read as prose pushes the date line below it; the second paragraph is body for sure.
  const secondBody = body.indexOf(true, bodyStart + 1);
  const dateRegionEnd = secondBody < 0 ? lines.length : secondBody;

  // Vertical widgets: a block of numbers, currency codes and "Сейчас"/"Завтра" with a city name among them.
  for (const idx of blocks.values()) {
    if (idx.length < 3 || !idx.every((i) => lines[i].words <= 3)) continue;
    const cells = idx.filter((i) => isWidgetCell(lines[i].text)).length;
    if (cells / idx.length >= 0.6) idx.forEach(drop);
  }

  let publishedOn: string | null = null;
  let yearless: DateHit | null = null;
  const dateLines = new Set<number>();
  const menus = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    if (keep[i] === null) continue;
    const { text, words, short } = lines[i];
    const inHeader = i < bodyStart;
    if (!short) continue;

    if (i < dateRegionEnd) {
      const hit = dateLineHit(text);
      if (hit) {
        dateLines.add(i);
        keep[i] = reduceDateLine(text);
        if (!publishedOn && hit.iso) publishedOn = hit.iso;
        if (!publishedOn && !hit.iso && !yearless) yearless = hit;
        continue;
      }
    }
    // A lone word above the headline is a rubric ("Политика", "ПОЛИТИКА").
    if (inHeader && words === 1 && !/\d/.test(text)) {
      drop(i);
      continue;
    }
    if (isListHeading(text)) {
      dropList(i);
      continue;
    }
    // Inside the article a line of short items is a list the article gives (referees, countries), not a menu.
    const menu = (inHeader && isNavLine(text, 2)) || (i > lastBody && isNavLine(text, 3));
    if (isFurniture(text) || isWidgetLine(text) || menu || isWidgetCell(text)) {
      drop(i);
      if (inHeader && (menu || isWidgetLine(text))) menus.add(i);
      continue;
    }
    if (isFooterLine(text) && !(lines[i].prose && i < lastBody)) {
      drop(i);
      // Everything after the copyright notice at the end of the page is the site's footer.
      if (isCopyrightLine(text) && i > lastBody) for (let k = i + 1; k < lines.length; k++) drop(k);
      continue;
    }
  }

  // A masthead sits above the menu in the same block ("Казахстанская правда" over "kazpravda.kz  Политика  ...");
  // a block of one- to three-word lines above the headline is a menu written vertically.
  for (const b of new Set(lines.slice(0, bodyStart).map((l) => l.block))) {
    const idx = blockOf(b).filter((i) => i < bodyStart);
    if (idx.length >= 2 && idx.every((i) => lines[i].words <= 3 || dateLines.has(i))) {
      idx.filter((i) => !dateLines.has(i)).forEach(drop);
      continue;
    }
    const lastMenu = Math.max(-1, ...idx.filter((i) => keep[i] === null && lines[i].text !== "").map((i) => i));
    for (const i of idx) if (i < lastMenu && !dateLines.has(i) && lines[i].words <= 8) drop(i);
  }
  // The same without blank lines: the short lines right above a menu line belong to the masthead.
  for (const m of hasBlankLines ? [] : menus) {
    for (let i = m - 1; i >= 0 && keep[i] !== null && !dateLines.has(i) && lines[i].words <= 8; i--) drop(i);
  }

  if (!publishedOn && firstBody >= 0) publishedOn = leadDate(lines[firstBody].text)?.iso ?? null;
  // a headline long enough to read as prose: the lead with its dateline is the next paragraph
  if (!publishedOn && secondBody >= 0 && !/[.!?…]$/.test(lines[firstBody].text)) publishedOn = leadDate(lines[secondBody].text)?.iso ?? null;
  if (!publishedOn) {
    const labelled = lines.find((l) => l.words <= 10 && LABELLED_DATE.test(l.text));
    publishedOn = labelled ? (findDates(labelled.text)[0]?.iso ?? null) : null;
  }
  // "Баку, 11 июня. Trend:" … "© 2025 Trend": a date line without a year takes the page's copyright year
  if (!publishedOn && yearless) {
    const year = copyrightYear(lines.map((l) => l.text));
    if (year) publishedOn = toIso(year, yearless.month, yearless.day);
  }

  const headlines: string[] = [];
  for (let i = 0; i < bodyStart; i++) {
    const t = keep[i];
    if (t !== null && !dateLines.has(i) && wordCount(t) >= 2 && wordCount(t) <= 30) headlines.push(t.replace(/\s{2,}/g, " "));
  }
  // A line in capitals above the headline is the site's name more often than a headline.
  const title = headlines.find((h) => h !== h.toUpperCase()) ?? headlines[0] ?? null;

  return { text: assemble(lines, keep), title, publishedOn };

  function dropList(heading: number) {
    const block = lines[heading].block;
    drop(heading);
    let i = heading + 1;
    for (; i < lines.length && lines[i].block === block; i++) drop(i);
    // The heading alone in its block: the list follows in the next one.
    if (i < lines.length) {
      const next = blockOf(lines[i].block);
      const listy = next.every((k) => isListItem(lines[k].text) || (lines[k].words <= 15 && !/[.!?…]$/.test(lines[k].text)));
      if (listy && (next.length >= 2 || isListItem(lines[i].text))) next.forEach(drop);
    }
  }
}

function assemble(lines: Line[], keep: (string | null)[]): string {
  const out: string[] = [];
  let previousBlock = -1;
  lines.forEach((line, i) => {
    const text = keep[i];
    if (text === null) return;
    if (out.length > 0) out.push(line.block === previousBlock ? "\n" : "\n\n");
    out.push(text.replace(/[ \t]{2,}/g, " "));
    previousBlock = line.block;
  });
  return out.join("");
}
