// Full-text search over articles that also finds surnames in any case. PostgreSQL's
// Russian stemmer strips «-ев»/«-ов» from a nominative surname but keeps it in every other
// case ('Ашимбаев' → ашимба, 'Ашимбаева', 'Ашимбаеву', 'Ашимбаевым' → ашимбаев), so a search
// for one form missed the others. Each surname-like word is searched as itself, its
// nominative and one oblique form, which between them carry both stems.
import { sql, type SQL } from "drizzle-orm";
import { articles } from "@/db/schema";

/** A Russian-type surname in any case: the stem with its suffix, then a case ending. */
const SURNAME = /^(\p{L}{2,}?(?:ов|ев|ёв|ин|ын))(?:а|у|ым|ом|е|ой|ою|ых|ыми|ы)?$/iu;
/** websearch syntax (a quoted phrase, -word, "or"): left to websearch_to_tsquery as written. */
const OPERATORS = /["«»]|(?:^|\s)-\S|\sor\s/iu;
const MAX_WORDS = 12;

/** The forms of one query word to look for. */
export function wordForms(word: string): string[] {
  const forms = new Set([word.toLowerCase()]);
  const m = SURNAME.exec(word);
  if (m) {
    const base = m[1]!.toLowerCase();
    forms.add(base);
    forms.add(`${base}а`);
  }
  return [...forms];
}

/** A to_tsquery expression (every word, any of its forms), or null when the query uses websearch syntax. */
export function expandedQuery(q: string): string | null {
  if (OPERATORS.test(q)) return null;
  const words = (q.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
  if (!words.length) return null;
  return words.map((w) => `(${wordForms(w).join(" | ")})`).join(" & ");
}

function tsQuery(q: string): SQL {
  const expanded = expandedQuery(q);
  return expanded ? sql`to_tsquery('russian', ${expanded})` : sql`websearch_to_tsquery('russian', ${q})`;
}

/** The article matches the search. */
export const articleMatches = (q: string): SQL => sql`${articles.searchVector} @@ ${tsQuery(q)}`;

/** How well the article matches (for ordering by relevance). */
export const articleRank = (q: string): SQL => sql`ts_rank(${articles.searchVector}, ${tsQuery(q)})`;
