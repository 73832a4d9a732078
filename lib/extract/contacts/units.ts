// Paragraphs, sentences and direct-speech regions of an article, all as offsets into the
// cleaned text, so every later rule can report spans without re-searching the text.
import type { Span } from "../types";

export interface Paragraph {
  index: number;
  start: number;
  end: number;
}

export interface Sentence {
  index: number;
  paragraph: number;
  start: number;
  end: number;
  /** The sentence opens its paragraph. */
  first: boolean;
}

export interface QuoteRegion {
  /** The quoted words, without the quotation marks or the opening dash. */
  inner: Span;
  /** Marks included. */
  outer: Span;
  /** The paragraph opens with a dash: reported speech of a whole paragraph. */
  dash: boolean;
}

export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trail = raw.length - raw.trimEnd().length;
    if (raw.trim() === "") continue;
    out.push({ index: out.length, start: m.index + lead, end: m.index + raw.length - trail });
  }
  return out;
}

// A full stop after these does not end a sentence.
const ABBREVIATION = /(?:^|[\s(])(?:[А-ЯЁA-Z]|г|гг|т|им|ул|д|стр|пер|мкр|оф|тел|др|р|млн|млрд|тыс|проф|акад|см|рис|ст|п|пп|корп|обл|р-н|з)\.$/u;

const SPECIAL = /[«„»“.!?…]/g;
const CLOSERS = /[.!?…"»)]/u;
const SPACE = /\s/u;
const STARTER = /[А-ЯЁA-Z0-9«"„–—-]/u;

/** Sentences of one paragraph; a sentence never ends inside «…». Visits only punctuation. */
function splitSentences(text: string, p: Paragraph, into: Sentence[]): void {
  let depth = 0;
  let start = p.start;
  const push = (end: number) => {
    let s = start;
    while (s < end && SPACE.test(text[s]!)) s++;
    let e = end;
    while (e > s && SPACE.test(text[e - 1]!)) e--;
    if (e > s) into.push({ index: into.length, paragraph: p.index, start: s, end: e, first: s === p.start });
  };
  SPECIAL.lastIndex = p.start;
  for (let m = SPECIAL.exec(text); m && m.index < p.end; m = SPECIAL.exec(text)) {
    const i = m.index;
    const ch = m[0];
    if (ch === "«" || ch === "„") depth++;
    else if (ch === "»" || ch === "“") {
      if (depth > 0) depth--;
    } else if (depth === 0) {
      let j = i + 1;
      while (j < p.end && CLOSERS.test(text[j]!)) j++;
      if (j >= p.end || !SPACE.test(text[j]!)) continue;
      let k = j;
      while (k < p.end && SPACE.test(text[k]!)) k++;
      if (!STARTER.test(text[k] ?? "")) continue;
      if (ch === "." && ABBREVIATION.test(text.slice(Math.max(p.start, i - 6), i + 1))) continue;
      push(j);
      start = j;
      SPECIAL.lastIndex = j;
    }
  }
  push(p.end);
}

export function splitSentencesOf(text: string, paragraphs: Paragraph[]): Sentence[] {
  const out: Sentence[] = [];
  for (const p of paragraphs) splitSentences(text, p, out);
  return out;
}

const DASH_OPEN = /^(?:--|[–—-])\s+/u;
// ", – сказал …" / "– отметила она": the attribution that closes a dash paragraph's speech.
const DASH_ATTRIBUTION = /[,.!?…]\s+(?:--|[–—-])\s+(?=[а-яё]+(?:л|ла|ли|лся|лась)(?![\p{L}]))/u;

const OPEN = /[«„"“]/g;

/** Direct speech: «…» (with „…“ nested), "…" and paragraphs opening with a dash. */
export function findQuotes(text: string, paragraphs: Paragraph[]): QuoteRegion[] {
  const out: QuoteRegion[] = [];
  for (const p of paragraphs) {
    const lead = text.charCodeAt(p.start);
    const dash = lead === 0x2013 || lead === 0x2014 || lead === 0x2d ? DASH_OPEN.exec(text.slice(p.start, p.start + 4)) : null;
    if (dash) {
      const body = text.slice(p.start, p.end);
      const innerStart = p.start + dash[0].length;
      const attr = DASH_ATTRIBUTION.exec(body.slice(dash[0].length));
      let innerEnd = attr ? innerStart + attr.index + 1 : p.end;
      if (attr && text[innerEnd - 1] === ",") innerEnd--;
      out.push({ inner: [innerStart, innerEnd], outer: [p.start, innerEnd], dash: true });
      continue;
    }
    OPEN.lastIndex = p.start;
    for (let m = OPEN.exec(text); m && m.index < p.end; m = OPEN.exec(text)) {
      const i = m.index;
      const ch = m[0];
      let close = -1;
      if (ch === "«" || ch === "„") close = matchClose(text, i, p.end);
      else {
        close = text.indexOf(ch === '"' ? '"' : "”", i + 1);
        if (close >= p.end) close = -1;
      }
      if (close > i) {
        out.push({ inner: [i + 1, close], outer: [i, close + 1], dash: false });
        OPEN.lastIndex = close + 1;
      }
    }
  }
  return out;
}

function matchClose(text: string, open: number, limit: number): number {
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const ch = text[i]!;
    if (ch === "«") depth++;
    else if (ch === "„" && text[open] === "„") depth++;
    else if (ch === "»" || (ch === "“" && text[open] === "„")) {
      depth--;
      if (depth === 0) return i;
    } else if (ch === "„") {
      // „…“ nested inside «…»: skip it whole.
      const end = text.indexOf("“", i + 1);
      if (end > i && end < limit) i = end;
    }
  }
  return -1;
}

/** A copy of the text with quoted speech blanked out (same length), for rules that must ignore speech. */
export function maskQuotes(text: string, quotes: QuoteRegion[]): string {
  if (!quotes.length) return text;
  const parts: string[] = [];
  let at = 0;
  for (const q of [...quotes].sort((a, b) => a.inner[0] - b.inner[0])) {
    if (q.inner[0] < at) continue;
    // speech never spans a line break (quotes are found within a paragraph)
    parts.push(text.slice(at, q.inner[0]), " ".repeat(q.inner[1] - q.inner[0]));
    at = q.inner[1];
  }
  parts.push(text.slice(at));
  return parts.join("");
}

export function insideAny(pos: number, spans: readonly Span[]): boolean {
  for (const [s, e] of spans) if (pos >= s && pos < e) return true;
  return false;
}

/** Stage 1 of the contact pipeline: the article's paragraphs, sentences and speech, with speech masked out. */
export interface ArticleUnits {
  readonly text: string;
  /** The text with direct speech blanked (same length): rules about the report ignore what was said. */
  readonly masked: string;
  readonly paragraphs: readonly Paragraph[];
  readonly sentences: readonly Sentence[];
  readonly quotes: readonly QuoteRegion[];
  /** The inner spans of the quotes. */
  readonly quoteSpans: readonly Span[];
}

export function segmentArticle(text: string): ArticleUnits {
  const paragraphs = splitParagraphs(text);
  const sentences = splitSentencesOf(text, paragraphs);
  const quotes = findQuotes(text, paragraphs);
  return { text, masked: maskQuotes(text, quotes), paragraphs, sentences, quotes, quoteSpans: quotes.map((q) => q.inner) };
}

/** The index of the sentence holding position `pos` (the last sentence starting at or before it). */
export function sentenceIndexAt(sentences: readonly Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid]!.start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The text of a sentence in the masked copy (speech blanked). */
export function maskedSentence(units: Pick<ArticleUnits, "masked">, s: Sentence): string {
  return units.masked.slice(s.start, s.end);
}
