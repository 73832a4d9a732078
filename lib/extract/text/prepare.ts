// Decoded file → the articles it holds, each cleaned, with its language, outlet, date and headline.
import { cleanArticle } from "./clean";
import { htmlToArticle, looksLikeHtml, pageText as wholePageText } from "./html";
import { detectLanguage } from "./language";
import { findOutlet } from "./outlet";
import { splitArticles } from "./split";

export interface PreparedArticle {
  /** Cleaned text: every span of the later stages refers to it. */
  text: string;
  language: string;
  outlet: string | null;
  publishedOn: string | null;
  title: string | null;
}

export function prepareFile(raw: string, isHtml = looksLikeHtml(raw)): PreparedArticle[] {
  return isHtml ? prepareHtml(raw) : preparePlain(raw);
}

function preparePlain(raw: string): PreparedArticle[] {
  return inheritPageFacts(
    splitArticles(raw).map((chunk) => {
      const cleaned = cleanArticle(chunk);
      return {
        text: cleaned.text,
        language: detectLanguage(cleaned.text),
        outlet: findOutlet(chunk),
        publishedOn: cleaned.publishedOn,
        title: cleaned.title,
      };
    }),
  );
}

function prepareHtml(html: string): PreparedArticle[] {
  const page = htmlToArticle(html);
  const chunks = splitArticles(page.text);
  let pageText: string | null = null;
  const articles = chunks.map((chunk, i) => {
    const cleaned = cleanArticle(chunk);
    let outlet = findOutlet(chunk, { siteName: page.siteName });
    if (!outlet && i === 0) {
      // Readability drops the footer, where the copyright names the outlet.
      pageText ??= wholePageText(html);
      outlet = findOutlet(pageText);
    }
    return {
      text: cleaned.text,
      language: detectLanguage(cleaned.text),
      outlet,
      publishedOn: (i === 0 ? page.publishedOn : null) ?? cleaned.publishedOn,
      title: (i === 0 ? page.title : null) ?? cleaned.title,
    };
  });
  return inheritPageFacts(articles);
}

/** Articles of one page share its outlet and, unless they say otherwise, its date. */
function inheritPageFacts(articles: PreparedArticle[]): PreparedArticle[] {
  const outlet = articles.find((a) => a.outlet)?.outlet ?? null;
  let date: string | null = null;
  return articles.map((article) => {
    date = article.publishedOn ?? date;
    return { ...article, outlet: article.outlet ?? outlet, publishedOn: article.publishedOn ?? date };
  });
}
