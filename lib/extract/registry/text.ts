// Word atoms over a text with exact offsets: the unit both matchers work on.
// Normalisation keeps offsets (one UTF-16 unit in, one out), so a span found on the
// normalised text is exact in the original.

/** How an atom is joined to the one before it. */
export const enum Gap {
  /** First atom, or something other than spaces, dashes and quotes in between (a comma, a full stop, a line break). */
  Break = 0,
  /** Spaces, spaced dashes or quotes only: a phrase may continue across it. */
  Space = 1,
  /** A bare hyphen: parts of one hyphenated word ("казахстанско-японских"). */
  Join = 2,
}

export interface Atom {
  start: number;
  end: number;
  /** Lower-case, ё→е. */
  norm: string;
  firstUpper: boolean;
  allUpper: boolean;
  gap: Gap;
  /** Only a sentence boundary (or nothing) precedes it. */
  sentenceStart: boolean;
}

function isWordCode(c: number): boolean {
  return (
    (c >= 0x430 && c <= 0x44f) || // а-я
    (c >= 0x410 && c <= 0x42f) || // А-Я
    (c >= 0x400 && c <= 0x40f) ||
    (c >= 0x450 && c <= 0x4ff) || // ё, Kazakh and other Cyrillic letters
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)
  );
}

const APOSTROPHES = new Set(["'", "’", "ʼ"]);
const SOFT_GAP = /^[\s\u00a0«»"“”„‘’'\-–—‐‑]*$/;
const SENTENCE_END = /[.!?…\n]\s*[«"“„(]?\s*$/;

/** Lower-case and ё→е, one code unit per code unit. */
export function normalizeChars(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower.replace(/ё/g, "е");
  let out = "";
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out.replace(/ё/g, "е");
}

export function atomize(text: string): Atom[] {
  const norm = normalizeChars(text);
  const atoms: Atom[] = [];
  const n = text.length;
  let i = 0;
  let prevEnd = -1;
  while (i < n) {
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n) {
      if (isWordCode(text.charCodeAt(i))) i++;
      else if (APOSTROPHES.has(text[i]) && i + 1 < n && isWordCode(text.charCodeAt(i + 1)) && i > start) i++;
      else break;
    }
    const surface = text.slice(start, i);
    const lower = norm.slice(start, i);
    let gap = Gap.Break;
    let sentenceStart = prevEnd < 0;
    if (prevEnd >= 0) {
      const between = text.slice(prevEnd, start);
      if (between === "-" || between === "‑" || between === "‐") gap = Gap.Join;
      else if (!between.includes("\n") && SOFT_GAP.test(between)) gap = Gap.Space;
      sentenceStart = SENTENCE_END.test(text.slice(Math.max(0, prevEnd - 1), start));
    }
    atoms.push({
      start,
      end: i,
      norm: lower,
      firstUpper: surface[0] !== lower[0] || surface[0] === "Ё",
      allUpper: surface === surface.toUpperCase() && surface !== lower,
      gap,
      sentenceStart,
    });
    prevEnd = i;
  }
  return atoms;
}

/** What partner_aliases.normalized holds: lower-case, ё→е, quotes stripped, spaces collapsed. */
export function normalizeAlias(s: string): string {
  return normalizeChars(s.normalize("NFC"))
    .replace(/[«»"“”„‘‚`]/g, "")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}
