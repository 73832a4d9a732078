// Bytes → text. Russian news arrives as UTF-8, windows-1251, KOI8-R or (rarely) IBM866; anything else is refused.
import jschardet from "jschardet";
import { ExtractionError } from "../types";

/** Larger files are not news articles (a page of news is well under 1 MB). */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

export type Encoding = "utf-8" | "windows-1251" | "koi8-r" | "ibm866";
const SINGLE_BYTE: Encoding[] = ["windows-1251", "koi8-r", "ibm866"];

export interface Decoded {
  text: string;
  encoding: Encoding;
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new ExtractionError("empty file (0 bytes)");
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new ExtractionError(
      `file too large: ${bytes.length} bytes, the limit is ${MAX_INPUT_BYTES} bytes (5 MB)`,
    );
  }
  const bom = decodeWithBom(bytes);
  if (bom) return checked(bom);
  refuseBinary(bytes);

  const declared = declaredCharset(bytes);
  if (declared && declared !== "utf-8") return checked({ text: decode(bytes, declared), encoding: declared });

  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return checked({ text: utf8, encoding: "utf-8" });

  return checked(guessSingleByte(bytes));
}

function checked(decoded: Decoded): Decoded {
  if (decoded.text.trim() === "") throw new ExtractionError("empty file (only whitespace)");
  return decoded;
}

function decode(bytes: Uint8Array, encoding: Encoding): string {
  return new TextDecoder(encoding).decode(bytes);
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function refuseBinary(bytes: Uint8Array): void {
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b === 0) throw new ExtractionError("binary file (contains NUL bytes), not a text article");
    // Tab, line feed, form feed, carriage return and escape appear in real text files; other C0 codes do not.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) control++;
  }
  if (control > 8 && control / sample.length > 0.002) {
    throw new ExtractionError("binary file (control characters), not a text article");
  }
}

function decodeWithBom(bytes: Uint8Array): Decoded | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryUtf8(bytes.subarray(3));
    if (text === null) throw new ExtractionError("cannot decode: UTF-8 byte order mark but invalid UTF-8 bytes");
    return { text, encoding: "utf-8" };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ExtractionError("cannot decode: UTF-16 text is not supported (use UTF-8, windows-1251 or KOI8-R)");
  }
  return null;
}

const CHARSET_ALIASES: Record<string, Encoding> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  "windows-1251": "windows-1251",
  "win-1251": "windows-1251",
  cp1251: "windows-1251",
  "x-cp1251": "windows-1251",
  "koi8-r": "koi8-r",
  koi8r: "koi8-r",
  "koi8-u": "koi8-r",
  ibm866: "ibm866",
  cp866: "ibm866",
};

/** <meta charset="..."> or <meta http-equiv content="...; charset=..."> in the first bytes of an HTML file. */
function declaredCharset(bytes: Uint8Array): Encoding | null {
  const start = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096));
  if (start.indexOf("charset") < 0 && start.indexOf("CHARSET") < 0) return null;
  const head = start.toString("latin1");
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  if (!match) return null;
  return CHARSET_ALIASES[match[1].toLowerCase()] ?? null;
}

/** Not UTF-8: pick the single-byte Cyrillic encoding whose decoding reads most like Russian. */
function guessSingleByte(bytes: Uint8Array): Decoded {
  const sample = bytes.subarray(0, 64 * 1024);
  const highBytes = sample.reduce((n, b) => n + (b >= 0x80 ? 1 : 0), 0);
  const hinted = detectorHint(sample);
  const scored = SINGLE_BYTE.map((encoding) => {
    const text = decode(sample, encoding);
    return { encoding, score: cyrillicPlausibility(text) + (encoding === hinted ? 0.03 : 0) };
  }).sort((a, b) => b.score - a.score);
  const best = scored[0];
  // A handful of high bytes (a dash, a quote) cannot be judged; windows-1251 is by far the most common.
  if (highBytes < 16) return { text: decode(bytes, "windows-1251"), encoding: "windows-1251" };
  if (best.score < 0.5) {
    throw new ExtractionError(
      "cannot decode: not valid UTF-8 and does not read as Russian in windows-1251, KOI8-R or IBM866",
    );
  }
  return { text: decode(bytes, best.encoding), encoding: best.encoding };
}

function detectorHint(sample: Uint8Array): Encoding | null {
  const result = jschardet.detect(Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength), {
    detectEncodings: ["windows-1251", "KOI8-R", "IBM866", "windows-1252"],
  });
  const name = result?.encoding?.toLowerCase() ?? "";
  if (name.includes("1251")) return "windows-1251";
  if (name.includes("koi8")) return "koi8-r";
  if (name.includes("866")) return "ibm866";
  return null;
}

// The most frequent Russian letters; a wrong code page scatters capitals, rare letters and box-drawing signs instead.
const COMMON = new Set("оеаинтсрвлкмдпуяыьгзбчй");

/** 0..1: the share of non-ASCII characters that are common lower-case Russian letters or normal capitals. */
export function cyrillicPlausibility(text: string): number {
  let total = 0;
  let good = 0;
  let previousIsLetter = false;
  const chars = [...text];
  const isLatin = (ch: string | undefined) => ch !== undefined && /[A-Za-z]/.test(ch);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const code = ch.codePointAt(0) ?? 0;
    const isCyrillic = code >= 0x400 && code <= 0x4ff;
    if (code >= 0x80) {
      total++;
      // Cyrillic glued to Latin letters ("cafй") is a Western text read in the wrong code page.
      if (isLatin(chars[i - 1]) || isLatin(chars[i + 1])) {
        previousIsLetter = true;
        continue;
      }
      if (COMMON.has(ch)) good++;
      else if (isCyrillic && ch === ch.toLowerCase()) good += 0.5;
      // A capital starts a word; capitals inside words are the signature of a wrong code page.
      else if (isCyrillic && !previousIsLetter) good += 0.5;
    }
    previousIsLetter = /\p{L}/u.test(ch);
  }
  return total === 0 ? 0 : good / total;
}
