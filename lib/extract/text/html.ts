// HTML → the article's plain text, plus what the page's metadata says about title, date and outlet.
import { Readability } from "@mozilla/readability";
import { convert, type HtmlToTextOptions } from "html-to-text";
import { parseHTML } from "linkedom";

export interface HtmlArticle {
  /** Paragraphs separated by blank lines; the headline first when the page has one. */
  text: string;
  title: string | null;
  /** ISO date from the page's metadata, or null. */
  publishedOn: string | null;
  /** og:site_name or a similar declaration, or null. */
  siteName: string | null;
}

const TO_TEXT: HtmlToTextOptions = {
  wordwrap: false,
  preserveNewlines: false,
  selectors: [
    { selector: "a", options: { ignoreHref: true } },
    { selector: "img", format: "skip" },
    { selector: "script", format: "skip" },
    { selector: "style", format: "skip" },
    { selector: "noscript", format: "skip" },
    { selector: "nav", format: "skip" },
    { selector: "button", format: "skip" },
    { selector: "h1", options: { uppercase: false } },
    { selector: "h2", options: { uppercase: false } },
    { selector: "h3", options: { uppercase: false } },
    { selector: "h4", options: { uppercase: false } },
    { selector: "h5", options: { uppercase: false } },
    { selector: "h6", options: { uppercase: false } },
    { selector: "table", options: { uppercaseHeaderCells: false } },
    { selector: "ul", options: { itemPrefix: "• " } },
  ],
};

/** Readability decides what the article is; below this many characters its verdict is not trusted. */
const MIN_READABLE_CHARS = 200;

export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).toLowerCase();
  return /<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]/.test(head) || (/<(p|div|article|br)[\s/>]/.test(head) && /<\/\w+>/.test(head));
}

export function htmlToArticle(html: string): HtmlArticle {
  const { document } = parseHTML(html);
  const title = pageTitle(document);
  const publishedOn = pageDate(document);
  const siteName = metaContent(document, ["og:site_name", "application-name", "publisher", "article:publisher"]);

  let body = "";
  try {
    // Readability mutates the document it reads; the fallback below needs an intact copy.
    const parsed = new Readability(parseHTML(html).document as unknown as Document, { charThreshold: 100 }).parse();
    if (parsed?.content) body = convert(parsed.content, TO_TEXT);
  } catch {
    body = "";
  }
  if (body.replace(/\s+/g, "").length < MIN_READABLE_CHARS) body = fallbackText(document);

  body = normaliseParagraphs(body);
  const headline = title && !body.slice(0, 400).includes(title) ? `${title}\n\n` : "";
  return { text: headline + body, title, publishedOn, siteName };
}

type Doc = ReturnType<typeof parseHTML>["document"];

function fallbackText(document: Doc): string {
  const root = document.querySelector("article") ?? document.querySelector("main") ?? document.querySelector("body");
  if (!root) return "";
  for (const drop of root.querySelectorAll("script, style, noscript, nav, header, footer, aside, form, button")) drop.remove();
  return convert(root.innerHTML ?? "", TO_TEXT);
}

function normaliseParagraphs(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t\u00a0]+/g, " ")
    .split(/\n\s*\n+/)
    .map((p) => p.split("\n").map((l) => l.trim()).filter(Boolean).join("\n"))
    .filter(Boolean)
    .join("\n\n");
}

function metaContent(document: Doc, names: string[]): string | null {
  for (const name of names) {
    const el =
      document.querySelector(`meta[property="${name}"]`) ??
      document.querySelector(`meta[name="${name}"]`) ??
      document.querySelector(`meta[itemprop="${name}"]`);
    const value = el?.getAttribute("content")?.trim();
    if (value) return value;
  }
  return null;
}

function pageTitle(document: Doc): string | null {
  const h1 = document.querySelector("article h1") ?? document.querySelector("h1");
  const candidates = [
    h1?.textContent,
    metaContent(document, ["og:title", "twitter:title"]),
    stripSiteSuffix(document.querySelector("title")?.textContent ?? ""),
  ];
  for (const candidate of candidates) {
    const clean = candidate?.replace(/\s+/g, " ").trim();
    if (clean) return clean;
  }
  return null;
}

/** "Headline | Kazinform", "Headline - Новости Казахстана": the site's part is not the headline. */
function stripSiteSuffix(title: string): string {
  return title.replace(/\s+[|–—-]\s+[^|–—-]{1,40}$/, "").trim();
}

function pageDate(document: Doc): string | null {
  const raw =
    metaContent(document, ["article:published_time", "pubdate", "publishdate", "datePublished", "date", "dc.date", "DC.date.issued"]) ??
    document.querySelector("time[itemprop=datePublished]")?.getAttribute("datetime") ??
    document.querySelector("time[datetime]")?.getAttribute("datetime") ??
    null;
  const match = raw ? /^(\d{4})-(\d{2})-(\d{2})/.exec(raw.trim()) : null;
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}
