// Rule data: wordings that report a contact. Each pattern carries the sentences that justify
// it (`examples`, which it must match) and the near misses it must not match (`counterexamples`);
// tests/unit/extract-rules-data.test.ts runs both.

export interface PatternRule {
  id: string;
  pattern: RegExp;
  examples: string[];
  counterexamples: string[];
}

/** A verb of discussion: with a foreign counterpart after "с" it reports a contact ("С X обсуждались …"). */
export const DISCUSSION_RULE: PatternRule = {
  id: "discussion-verb",
  pattern:
    /(?<![\p{L}\d])(?:обсудил\p{L}*|обсуждал\p{L}*|обсужден[оыа]|рассмотрел\p{L}*|рассматривал\p{L}*|обменял\p{L}*|договорил\p{L}*|условил\p{L}*|затронул\p{L}*|коснул\p{L}*|уделил\p{L}*|уделялось|говорил\p{L}*|речь\s+шла|сверил\p{L}*|констатировал\p{L}*)(?![\p{L}\d])/u,
  examples: [
    "с главой мид индонезии сугионо обсуждались подготовка визитов",
    "с министром иностранных дел омана глава казахстанского мид обсудил привлечение инвестиций",
    "с председателем парламента речь шла о межпарламентском сотрудничестве",
    "с послом стороны обменялись мнениями",
  ],
  counterexamples: ["с министром обсудят вопросы", "обсуждение продолжится завтра"],
};

export const DISCUSSION = DISCUSSION_RULE.pattern;

export const RULES: PatternRule[] = [DISCUSSION_RULE];
