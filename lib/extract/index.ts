// The extraction pipeline: bytes → text → articles → people and events.
import { ExtractionError, type ExtractedArticle, type FileExtraction, type Registry } from "./types";
import { decodeBytes } from "./text/decode";
import type { EventInput, ExtractedEvent, ExtractedPerson, PersonMention } from "./types";

// Until the names / registry / events stages land, these adapters yield empty results so the CLI runs end to end.
const stages = {
  findPeople(_text: string): { people: ExtractedPerson[]; mentions: PersonMention[] } {
    return { people: [], mentions: [] };
  },
  extractEvents(_input: EventInput): ExtractedEvent[] {
    return [];
  },
};

export const EXTRACTOR_VERSION = "0.1.0-skeleton";

export interface Extractor {
  extractBytes(bytes: Uint8Array, opts?: { fileName?: string }): FileExtraction;
  extractText(text: string, opts?: { isHtml?: boolean }): FileExtraction;
}

export function createExtractor(_registry?: Registry): Extractor {
  function extractText(text: string, opts?: { isHtml?: boolean }): FileExtraction {
    if (text.trim() === "") throw new ExtractionError("empty file");
    const isHtml = opts?.isHtml ?? /<html|<body|<article|<p[\s>]/i.test(text.slice(0, 4096));
    const { people } = stages.findPeople(text);
    const article: ExtractedArticle = {
      text,
      language: "ru",
      outlet: null,
      publishedOn: null,
      title: null,
      people,
      events: [],
    };
    return { raw: text, encoding: "utf-8", isHtml, articles: [article] };
  }
  return {
    extractText,
    extractBytes(bytes, opts) {
      const decoded = decodeBytes(bytes);
      const isHtml = /\.html?$/i.test(opts?.fileName ?? "") || undefined;
      return { ...extractText(decoded.text, { isHtml }), encoding: decoded.encoding };
    },
  };
}

export { ExtractionError };
