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
  /** Has capital letters and no small ones ("США", "G20"). */
  allUpper: boolean;
  gap: Gap;
}

/** Character classes of the first 0x500 code units: 1 word character, 2 soft gap (space, quote, dash). */
const CLASS = new Uint8Array(0x500);
for (let c = 0x400; c < 0x500; c++) CLASS[c] = 1; // Cyrillic, with ё and the Kazakh letters
for (let c = 0x61; c <= 0x7a; c++) CLASS[c] = 1;
for (let c = 0x41; c <= 0x5a; c++) CLASS[c] = 1;
for (let c = 0x30; c <= 0x39; c++) CLASS[c] = 1;
for (let c = 0xc0; c <= 0x24f; c++) if (c !== 0xd7 && c !== 0xf7) CLASS[c] = 1;
for (const c of [0x20, 0x09, 0xa0, 0xab, 0xbb, 0x22, 0x27, 0x2d]) CLASS[c] = 2;

function isWordCode(c: number): boolean {
  return c < 0x500 && CLASS[c] === 1;
}

function isLetterCode(c: number): boolean {
  return c > 0x39 || c < 0x30;
}

function isHyphen(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011;
}
/** Spaces, dashes and quotes: a phrase may continue across them. */
const SOFT_WIDE = new Set([0x202f, 0x2009, 0x201c, 0x201d, 0x201e, 0x2018, 0x2019, 0x2013, 0x2014, 0x2010, 0x2011]);
function isSoft(c: number): boolean {
  return c < 0x500 ? CLASS[c] === 2 : SOFT_WIDE.has(c);
}

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

let memo: { text: string; atoms: Atom[] } | null = null;

/** The word atoms of a text (the last result is kept: both matchers atomise the same article). */
export function atomize(text: string): Atom[] {
  if (memo && memo.text === text) return memo.atoms;
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
    let upper = 0;
    let lower = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isWordCode(c)) {
        if (isLetterCode(c)) {
          const l = norm.charCodeAt(i);
          if (c !== l && !(c === 0x451 && l === 0x435)) upper++;
          else lower++;
        }
        i++;
      } else if ((c === 0x27 || c === 0x2019 || c === 0x2bc) && i + 1 < n && isWordCode(text.charCodeAt(i + 1))) i++;
      else break;
    }
    let gap = Gap.Break;
    if (prevEnd >= 0) {
      if (start - prevEnd === 1 && isHyphen(text.charCodeAt(prevEnd))) gap = Gap.Join;
      else {
        gap = Gap.Space;
        for (let k = prevEnd; k < start; k++) {
          if (!isSoft(text.charCodeAt(k))) {
            gap = Gap.Break;
            break;
          }
        }
      }
    }
    const c0 = text.charCodeAt(start);
    const l0 = norm.charCodeAt(start);
    atoms.push({
      start,
      end: i,
      norm: norm.slice(start, i),
      firstUpper: c0 !== l0 && !(c0 === 0x451 && l0 === 0x435),
      allUpper: upper > 0 && lower === 0,
      gap,
    });
    prevEnd = i;
  }
  memo = { text, atoms };
  return atoms;
}

/** Only a sentence boundary (or nothing) comes before the atom. */
export function startsSentence(text: string, atom: Atom): boolean {
  for (let k = atom.start - 1; k >= 0; k--) {
    const ch = text[k];
    if (ch === "\n" || ch === "." || ch === "!" || ch === "?" || ch === "…") return true;
    if (!isSoft(text.charCodeAt(k)) && ch !== "(") return false;
  }
  return true;
}

/** What partner_aliases.normalized holds: lower-case, ё→е, quotes stripped, spaces collapsed. */
export function normalizeAlias(s: string): string {
  return normalizeChars(s.normalize("NFC"))
    .replace(/[«»"“”„‘‚`]/g, "")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}
