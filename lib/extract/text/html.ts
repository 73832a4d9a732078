// HTML → the article's plain text, plus what the page's metadata says about title, date and outlet.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { findDates } from "./dates";

export interface HtmlArticle {
  /** Paragraphs separated by blank lines; the headline first when the page has one. */
  text: string;
  title: string | null;
  /** ISO date from the page's metadata, or null. */
  publishedOn: string | null;
  /** og:site_name or a similar declaration, or null. */
  siteName: string | null;
}

/** Readability decides what the article is; below this many characters its verdict is not trusted. */
const MIN_READABLE_CHARS = 200;

/**
 * Readability's cost grows faster than the page for deep or huge trees (it walks up the
 * ancestors of every paragraph and recurses; 100,000 nested <div>s took minutes and then
 * overflowed the stack). Real articles are a few dozen levels deep and a few thousand
 * elements, so past these bounds the page is read by the linear walk below instead.
 */
export const READABILITY_MAX_DEPTH = 200;
export const READABILITY_MAX_ELEMENTS = 30_000;

export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).toLowerCase();
  return /<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]/.test(head) || (/<(p|div|article|br)[\s/>]/.test(head) && /<\/\w+>/.test(head));
}

/**
 * The HTML parser keeps its open elements in an array it shifts and unshifts, so its cost
 * grows with the square of the nesting depth (100,000 nested <div>s: about a minute).
 * Tags nested deeper than this are dropped before parsing (their text is kept): one
 * linear pass, and no real page comes near it.
 */
export const MAX_HTML_DEPTH = 1000;
const VOID_TAGS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]);

/** The HTML with every tag past MAX_HTML_DEPTH removed (the input itself when none is). */
export function limitHtmlDepth(html: string, maxDepth = MAX_HTML_DEPTH): string {
  const tag = /<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g;
  let depth = 0;
  let dropped = 0;
  let out: string[] | null = null;
  let last = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const closing = m[1] === "/";
    if (!closing && (m[3] === "/" || VOID_TAGS.has(m[2].toLowerCase()))) continue;
    let drop = false;
    if (closing) {
      if (dropped > 0) {
        dropped--;
        drop = true;
      } else depth = Math.max(0, depth - 1);
    } else if (depth >= maxDepth) {
      dropped++;
      drop = true;
    } else depth++;
    if (!drop) continue;
    out ??= [];
    out.push(html.slice(last, m.index));
    last = m.index + m[0].length;
  }
  if (!out) return html;
  out.push(html.slice(last));
  return out.join("");
}

export function htmlToArticle(source: string): HtmlArticle {
  const html = limitHtmlDepth(source);
  const { document } = parseHTML(html);
  const title = pageTitle(document);
  const publishedOn = pageDate(document);
  const siteName = metaContent(document, ["og:site_name", "application-name", "publisher", "article:publisher"]);

  let body = "";
  if (withinReadabilityBounds(document as unknown as Node)) {
    try {
      // Readability mutates the document it reads: the metadata above is read first, the fallback re-parses.
      // Its article comes back as a node, read directly rather than serialised and parsed again.
      const parsed = new Readability<Node>(document as unknown as Document, { charThreshold: 100, serializer: (node) => node }).parse();
      if (parsed?.content) body = nodeText(parsed.content);
    } catch {
      body = "";
    }
  }
  if (body.replace(/\s+/g, "").length < MIN_READABLE_CHARS) body = fallbackText(parseHTML(html).document);

  body = normaliseParagraphs(body);
  const headline = title && !body.slice(0, 400).includes(title) ? `${title}\n\n` : "";
  return { text: headline + body, title, publishedOn, siteName };
}

type Doc = ReturnType<typeof parseHTML>["document"];

const SKIPPED = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "IMG", "PICTURE", "SVG", "VIDEO", "AUDIO", "IFRAME", "BUTTON", "NAV", "FORM", "INPUT", "SELECT", "TEMPLATE"]);
const BLOCKS = new Set([
  "P", "DIV", "SECTION", "ARTICLE", "MAIN", "HEADER", "FOOTER", "ASIDE", "BLOCKQUOTE", "FIGURE", "FIGCAPTION", "H1", "H2", "H3",
  "H4", "H5", "H6", "UL", "OL", "LI", "TABLE", "TR", "PRE", "DL", "DT", "DD", "ADDRESS", "HR", "TIME",
]);

/** True when the tree is shallow and small enough for Readability (one iterative pass, stops early). */
function withinReadabilityBounds(root: Node): boolean {
  let elements = 0;
  let depth = 0;
  let node: Node | null = root.firstChild;
  while (node) {
    if (node.nodeType === 1 && ++elements > READABILITY_MAX_ELEMENTS) return false;
    if (node.firstChild) {
      if (++depth > READABILITY_MAX_DEPTH) return false;
      node = node.firstChild;
      continue;
    }
    while (node && !node.nextSibling) {
      node = node.parentNode;
      depth--;
      if (node === root || depth < 0) return true;
    }
    node = node?.nextSibling ?? null;
  }
  return true;
}

const blockBreak = (tag: string): string => (tag === "LI" || tag === "TR" || tag === "DT" || tag === "DD" ? "\n" : "\n\n");

/**
 * Visible text of a node: blocks become paragraphs, line breaks stay, link targets and
 * pictures vanish. An explicit stack instead of recursion: linear in the page whatever its depth.
 */
function nodeText(root: Node): string {
  const out: string[] = [];
  // A string on the stack is a block's closing break, emitted after its children.
  const stack: (Node | string)[] = [root];
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item === "string") {
      out.push(item);
      continue;
    }
    const node = item;
    if (node.nodeType === 3) {
      out.push((node.textContent ?? "").replace(/\s+/g, " "));
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const tag = (node as Element).tagName?.toUpperCase() ?? "";
    if (SKIPPED.has(tag)) continue;
    if (tag === "BR") {
      out.push("\n");
      continue;
    }
    const block = BLOCKS.has(tag);
    if (block) {
      out.push(blockBreak(tag));
      stack.push(blockBreak(tag));
    }
    const children: Node[] = [];
    for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out.join("");
}

function fallbackText(document: Doc): string {
  const root = document.querySelector("article") ?? document.querySelector("main") ?? document.querySelector("body");
  if (!root) return "";
  for (const drop of root.querySelectorAll("header, footer, aside")) drop.remove();
  return nodeText(root as unknown as Node);
}

/** The whole page as text, footer included: where the copyright names the outlet. */
export function pageText(html: string): string {
  // from the root element: linkedom's document does not link its doctype to the <html> after it
  const { document } = parseHTML(limitHtmlDepth(html));
  return normaliseParagraphs(nodeText((document.documentElement ?? document) as unknown as Node));
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
  if (match) return `${match[1]}-${match[2]}-${match[3]}`;
  // No machine-readable date: the visible one in a <time> or a "date" element ("8 ноября 2024 15:40").
  for (const el of document.querySelectorAll('time, [itemprop="datePublished"], [class*="date"], [class*="Date"]')) {
    const text = el.textContent ?? "";
    if (text.length > 80) continue;
    const hit = findDates(text).find((h) => h.iso);
    if (hit?.iso) return hit.iso;
  }
  return null;
}
