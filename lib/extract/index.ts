// The extraction pipeline: bytes → text → articles → people and events. Pure and deterministic.
import { findPeople } from "./names";
import { decodeBytes } from "./text/decode";
import { looksLikeHtml } from "./text/html";
import { prepareFile, type PreparedArticle } from "./text/prepare";
import {
  ExtractionError,
  type EventInput,
  type ExtractedArticle,
  type ExtractedEvent,
  type ExtractedPerson,
  type FileExtraction,
  type PartnerMatcher,
  type Registry,
  type ThemeMatcher,
} from "./types";

/** Bump when the output for the same input may change: stored extractions older than this are re-extracted. */
export const EXTRACTOR_VERSION = "0.2.0";

export interface Extractor {
  extractBytes(bytes: Uint8Array, opts?: { fileName?: string }): FileExtraction;
  extractText(text: string, opts?: { isHtml?: boolean }): FileExtraction;
}

// Until the registry / events stages land, these adapters yield empty results so the CLI runs end to end.
const EMPTY_PARTNERS: PartnerMatcher = { find: () => [], byCode: () => undefined };
const EMPTY_THEMES: ThemeMatcher = { find: () => [], classify: () => [] };
const stages = {
  defaultRegistry(): Registry {
    return { partners: [], themes: [] };
  },
  compilePartners(_registry: Registry): PartnerMatcher {
    return EMPTY_PARTNERS;
  },
  compileThemes(_registry: Registry): ThemeMatcher {
    return EMPTY_THEMES;
  },
  findPeople,
  extractEvents(_input: EventInput): ExtractedEvent[] {
    return [];
  },
};

/** Only Russian is extracted (spec: any other language gives no events). */
const EXTRACTED_LANGUAGES = new Set(["ru"]);

export function createExtractor(registry?: Registry): Extractor {
  const reg = registry ?? stages.defaultRegistry();
  const partners = stages.compilePartners(reg);
  const themes = stages.compileThemes(reg);

  function analyse(prepared: PreparedArticle): ExtractedArticle {
    const base = { ...prepared, people: [] as ExtractedPerson[], events: [] as ExtractedEvent[] };
    if (!EXTRACTED_LANGUAGES.has(prepared.language) || prepared.text.trim() === "") return base;
    const { people, mentions } = stages.findPeople(prepared.text, { known: reg.people });
    const events = stages.extractEvents({
      text: prepared.text,
      title: prepared.title,
      publishedOn: prepared.publishedOn,
      mentions,
      partnerMentions: partners.find(prepared.text),
      partners,
      themes,
    });
    return { ...base, people, events };
  }

  function extractText(text: string, opts?: { isHtml?: boolean }): FileExtraction {
    if (text.trim() === "") throw new ExtractionError("empty file (only whitespace)");
    const isHtml = opts?.isHtml ?? looksLikeHtml(text);
    return { raw: text, encoding: "utf-8", isHtml, articles: prepareFile(text, isHtml).map(analyse) };
  }

  return {
    extractText,
    extractBytes(bytes, opts) {
      const decoded = decodeBytes(bytes);
      const byName = opts?.fileName ? /\.x?html?$/i.test(opts.fileName) : false;
      const isHtml = byName || looksLikeHtml(decoded.text);
      return { ...extractText(decoded.text, { isHtml }), encoding: decoded.encoding };
    },
  };
}

export { ExtractionError };
