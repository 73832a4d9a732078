// One file, several articles: pages of digests separate them with a rule of underscores, dashes or asterisks.

const RULE = /^[ \t]*(?:[_]{5,}|[-]{5,}|[—–]{3,}|[=]{5,}|\*(?:[ \t]*\*){2,})[ \t]*$/m;

export function splitArticles(text: string): string[] {
  const parts = text.split(new RegExp(RULE.source, "gm")).filter((p) => /[\p{L}\d]/u.test(p));
  return parts.length > 0 ? parts : [text];
}
