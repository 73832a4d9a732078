// The extraction pipeline: bytes → text → articles → people and events. Pure and deterministic.
import { extractEvents } from "./contacts";
import { findPeople } from "./names";
import { compilePartners, compileThemes, defaultRegistry } from "./registry";
import { decodeBytes } from "./text/decode";
import { looksLikeHtml } from "./text/html";
import { prepareFile, type PreparedArticle } from "./text/prepare";
import {
  ExtractionError,
  type ExtractedArticle,
  type ExtractedEvent,
  type ExtractedPerson,
  type FileExtraction,
  type Registry,
} from "./types";

/** Bump when the output for the same input may change: stored extractions older than this are re-extracted. */
export const EXTRACTOR_VERSION = "0.5.0";

export interface Extractor {
  extractBytes(bytes: Uint8Array, opts?: { fileName?: string } & DateFallback): FileExtraction;
  extractText(text: string, opts?: { isHtml?: boolean } & DateFallback): FileExtraction;
}

/**
 * A date known from outside the article (a feed's item date): it dates an article that
 * carries no dateline of its own and anchors its relative dates ("вчера"); an article's
 * own dateline always wins.
 */
export interface DateFallback {
  fallbackDate?: string | null;
}

/** Only Russian is extracted (spec: any other language gives no events). */
const EXTRACTED_LANGUAGES = new Set(["ru"]);

export function createExtractor(registry?: Registry): Extractor {
  const reg = registry ?? defaultRegistry();
  const partners = compilePartners(reg);
  const themes = compileThemes(reg);

  function analyse(found: PreparedArticle, fallbackDate?: string | null): ExtractedArticle {
    const prepared = found.publishedOn || !fallbackDate ? found : { ...found, publishedOn: fallbackDate };
    const base = { ...prepared, people: [] as ExtractedPerson[], events: [] as ExtractedEvent[] };
    if (!EXTRACTED_LANGUAGES.has(prepared.language) || prepared.text.trim() === "") return base;
    const partnerMentions = partners.find(prepared.text);
    // a country's or an organisation's name is nobody's ("Коста Рика", "Гринпис"); a capital may be a given name's look-alike
    const notPeople = partnerMentions.filter((pm) => pm.via !== "capital" && pm.via !== "demonym" && pm.via !== "adjective").map((pm) => pm.span);
    const { people, mentions } = findPeople(prepared.text, { known: reg.people, notPeople });
    const events = extractEvents({
      text: prepared.text,
      title: prepared.title,
      publishedOn: prepared.publishedOn,
      mentions,
      partnerMentions,
      partners,
      themes,
    });
    return { ...base, people, events };
  }

  function extractText(text: string, opts?: { isHtml?: boolean } & DateFallback): FileExtraction {
    if (text.trim() === "") throw new ExtractionError("empty file (only whitespace)");
    const isHtml = opts?.isHtml ?? looksLikeHtml(text);
    return { raw: text, encoding: "utf-8", isHtml, articles: prepareFile(text, isHtml).map((a) => analyse(a, opts?.fallbackDate)) };
  }

  return {
    extractText,
    extractBytes(bytes, opts) {
      const decoded = decodeBytes(bytes);
      const byName = opts?.fileName ? /\.x?html?$/i.test(opts.fileName) : false;
      const isHtml = byName || looksLikeHtml(decoded.text);
      return { ...extractText(decoded.text, { isHtml, fallbackDate: opts?.fallbackDate }), encoding: decoded.encoding };
    },
  };
}

export { ExtractionError };
