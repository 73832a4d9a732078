// What a source lists: the article links (and their dates) of an RSS 2.0 / RSS 1.0 /
// Atom feed or a news sitemap (fast-xml-parser: one well-kept parser for all three, no
// network, no entity expansion beyond the XML ones), or the links of a listing page
// that match the source's pattern (linkedom, as the article extraction uses).
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parseHTML } from "linkedom";
import { SourceRefusal } from "./guard";

export interface ListedLink {
  url: string;
  /** ISO YYYY-MM-DD from the feed or sitemap, if it gives one. */
  date: string | null;
}

/** At most this many links are taken from one poll (the newest first, as sources list them). */
export const MAX_LINKS_PER_POLL = 50;

const ARRAYS = new Set(["item", "entry", "link", "url", "sitemap"]);

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function isoDate(value: unknown): string | null {
  const text = typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
  if (!text) return null;
  // The date as the source wrote it (its own time zone), not shifted to UTC.
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) return text.slice(0, 10);
  const rfc822 = /(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+(\d{4})/i.exec(text);
  if (rfc822) {
    const month = MONTHS.indexOf(rfc822[2].slice(0, 3).toLowerCase()) + 1;
    return `${rfc822[3]}-${String(month).padStart(2, "0")}-${rfc822[1].padStart(2, "0")}`;
  }
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
}

const textOf = (value: unknown): string =>
  typeof value === "string" ? value.trim() : value && typeof value === "object" && "#text" in value ? String((value as { "#text": unknown })["#text"]).trim() : "";

function absolute(href: string, base: string): string | null {
  try {
    const url = new URL(href, base);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    url.hash = "";
    return url.href;
  } catch {
    return null;
  }
}

function parseXml(text: string): Record<string, unknown> {
  // Entity declarations are how XML bombs work (billion laughs); no feed needs them.
  if (/<!ENTITY/i.test(text.slice(0, 100_000))) throw new SourceRefusal("the XML declares entities (refused: a possible XML bomb)");
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new SourceRefusal(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    removeNSPrefix: true,
    processEntities: true,
    htmlEntities: false,
    isArray: (name) => ARRAYS.has(name),
  });
  return parser.parse(text) as Record<string, unknown>;
}

function rssItems(channel: Record<string, unknown> | undefined, items: unknown, base: string): ListedLink[] {
  const list = (items ?? channel?.item ?? []) as Record<string, unknown>[];
  return list.flatMap((item) => {
    const link = textOf((item.link as unknown[] | undefined)?.[0]) || textOf(item["@_about"]) || (textOf(item.guid).startsWith("http") ? textOf(item.guid) : "");
    const url = link ? absolute(link, base) : null;
    return url ? [{ url, date: isoDate(textOf(item.pubDate) || textOf(item.date) || textOf(item.published)) }] : [];
  });
}

function atomEntries(feed: Record<string, unknown>, base: string): ListedLink[] {
  return ((feed.entry ?? []) as Record<string, unknown>[]).flatMap((entry) => {
    const links = (entry.link ?? []) as Record<string, unknown>[];
    const chosen = links.find((l) => !l["@_rel"] || l["@_rel"] === "alternate") ?? links[0];
    const href = chosen ? String(chosen["@_href"] ?? "") : "";
    const url = href ? absolute(href, base) : null;
    return url ? [{ url, date: isoDate(textOf(entry.published) || textOf(entry.updated)) }] : [];
  });
}

function sitemapUrls(urlset: Record<string, unknown>, base: string): ListedLink[] {
  return ((urlset.url ?? []) as Record<string, unknown>[]).flatMap((entry) => {
    const url = absolute(textOf(entry.loc), base);
    const news = entry.news as Record<string, unknown> | undefined;
    return url ? [{ url, date: isoDate(textOf(news?.publication_date) || textOf(entry.lastmod)) }] : [];
  });
}

/** The links of a feed or news sitemap, whichever the document turns out to be. */
export function parseXmlSource(text: string, base: string): ListedLink[] {
  const doc = parseXml(text.replace(/^\uFEFF/, ""));
  if (doc.rss) return rssItems((doc.rss as Record<string, unknown>).channel as Record<string, unknown>, undefined, base);
  if (doc.RDF) return rssItems(undefined, (doc.RDF as Record<string, unknown>).item, base);
  if (doc.feed) return atomEntries(doc.feed as Record<string, unknown>, base);
  if (doc.urlset) return sitemapUrls(doc.urlset as Record<string, unknown>, base);
  if (doc.sitemapindex) throw new SourceRefusal("a sitemap index, not a sitemap: add the news sitemap it lists instead");
  throw new SourceRefusal("neither an RSS or Atom feed nor a sitemap");
}

/** "/ru/news/*" → matches the path (and query) of a link; a pattern with a scheme matches the whole URL. */
export function patternMatcher(pattern: string): (url: URL) => boolean {
  const regex = new RegExp(`^${pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
  const whole = /^https?:\/\//i.test(pattern);
  return (url) => regex.test(whole ? url.href : url.pathname + url.search);
}

/** The links of a listing page that match the pattern, on the page's own site, in page order. */
export function parseListing(html: string, base: string, pattern: string): ListedLink[] {
  const { document } = parseHTML(html);
  const matches = patternMatcher(pattern);
  const baseHost = new URL(base).hostname.replace(/^www\./, "");
  const seen = new Set<string>();
  const out: ListedLink[] = [];
  for (const a of document.querySelectorAll("a[href]")) {
    const href = absolute(a.getAttribute("href") ?? "", base);
    if (!href || seen.has(href)) continue;
    const url = new URL(href);
    if (url.hostname.replace(/^www\./, "") !== baseHost || !matches(url)) continue;
    seen.add(href);
    out.push({ url: href, date: null });
  }
  return out;
}

export function dedupe(links: ListedLink[]): ListedLink[] {
  const seen = new Set<string>();
  return links.filter((l) => !seen.has(l.url) && seen.add(l.url)).slice(0, MAX_LINKS_PER_POLL);
}
