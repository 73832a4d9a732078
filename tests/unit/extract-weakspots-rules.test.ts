// General weak spots found on invented probe texts, each checked on other invented names and countries
// than the probes that exposed them.
import { describe, expect, it } from "vitest";
import { createExtractor } from "@/lib/extract";
import type { ExtractedArticle } from "@/lib/extract/types";

const extractor = createExtractor();
const article = (text: string): ExtractedArticle => extractor.extractText(text).articles[0]!;
const partnerCodes = (a: ExtractedArticle) => a.events.flatMap((e) => e.partners.map((p) => p.code));

describe("statements about two countries", () => {
  it("a statement on an agreement 'между X и Y' names both countries as partners", () => {
    const a = article(`МИД Казахстана приветствует договоренность о прекращении огня

Астана, 3 мая 2025 года. Министерство иностранных дел Республики Казахстан приветствует подписание соглашения о прекращении огня между Эфиопией и Эритреей. Казахстан призывает стороны соблюдать достигнутые договоренности.`);
    expect(a.events.map((e) => e.kind)).toEqual(["statement"]);
    expect(partnerCodes(a)).toEqual(expect.arrayContaining(["ET", "ER"]));
  });
});
