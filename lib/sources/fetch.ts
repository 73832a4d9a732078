// Fetching for sources, the polite way: robots.txt honoured for every URL (and every
// redirect target), one request at a time per host across instances (host-slot.ts) with
// robots.txt's Crawl-delay when it asks for more, a bounded number of redirects each
// checked like the first URL (guard.ts), and conditional GET for the caller to use.
import robotsParser from "robots-parser";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/index";
import { sourceHosts } from "@/db/schema";
import { env } from "@/lib/config/env";
import { checkUrl, SourceRefusal } from "./guard";
import { withHostSlot } from "./host-slot";
import { FetchFailure, rawGet, type RawResponse } from "./http";

export const MAX_REDIRECTS = 5;
/** robots.txt is read again after this long. */
const ROBOTS_TTL_MS = 12 * 60 * 60 * 1000;
/** The product token robots.txt groups are matched against. */
export const ROBOTS_AGENT = "Chronicle";
const MAX_CRAWL_DELAY_MS = 60_000;

export interface PoliteResponse extends RawResponse {
  /** Where the content came from, after redirects. */
  url: URL;
}

type Robots = ReturnType<typeof robotsParser>;

async function getRobotsText(db: Db, url: URL): Promise<string> {
  const [row] = await db
    .select({ text: sourceHosts.robotsTxt, at: sourceHosts.robotsFetchedAt })
    .from(sourceHosts)
    .where(eq(sourceHosts.host, url.host));
  if (row?.at && Date.now() - row.at.getTime() < ROBOTS_TTL_MS) return row.text ?? "";
  const robotsUrl = new URL("/robots.txt", url);
  const response = await fetchFollowing(db, robotsUrl, {}, null);
  let text: string;
  if (response.status >= 200 && response.status < 300) text = response.body.toString("utf8").slice(0, 500_000);
  else if (response.status >= 400 && response.status < 500) text = ""; // no robots.txt: everything allowed
  else throw new FetchFailure(`robots.txt of ${url.host} could not be read (HTTP ${response.status}); nothing is fetched from it until it can`);
  await db
    .insert(sourceHosts)
    .values({ host: url.host, robotsTxt: text, robotsFetchedAt: new Date() })
    .onConflictDoUpdate({ target: sourceHosts.host, set: { robotsTxt: text, robotsFetchedAt: sql`now()` } });
  return text;
}

async function robotsFor(db: Db, url: URL): Promise<Robots> {
  return robotsParser(new URL("/robots.txt", url).href, await getRobotsText(db, url));
}

function crawlDelayMs(robots: Robots | null): number {
  const asked = (robots?.getCrawlDelay(ROBOTS_AGENT) ?? 0) * 1000;
  return Math.max(env.sourcesHostDelayMs, Math.min(asked, MAX_CRAWL_DELAY_MS));
}

async function fetchFollowing(db: Db, start: URL, headers: Record<string, string>, robotsCheck: ((url: URL) => Promise<Robots>) | null): Promise<PoliteResponse> {
  const visited: string[] = [];
  let current = start;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const url = checkUrl(current);
    if (visited.includes(url.href)) throw new SourceRefusal(`redirect loop: ${[...visited, url.href].join(" → ")}`);
    visited.push(url.href);
    const robots = robotsCheck ? await robotsCheck(url) : null;
    if (robots && robots.isAllowed(url.href, ROBOTS_AGENT) === false) {
      throw new SourceRefusal(`robots.txt of ${url.host} forbids ${url.pathname}`);
    }
    const response = await withHostSlot(db, url.host, crawlDelayMs(robots), () => rawGet({ url, headers }));
    const location = response.headers.location;
    if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
      try {
        current = new URL(location, url);
      } catch {
        throw new SourceRefusal(`a redirect to an invalid address (${location.slice(0, 200)})`);
      }
      continue;
    }
    return { ...response, url };
  }
  throw new SourceRefusal(`more than ${MAX_REDIRECTS} redirects from ${start.href}`);
}

/**
 * GET `url` as a good citizen. Throws SourceRefusal (robots, safety, size, redirects:
 * not worth retrying) or FetchFailure (network, timeout, server errors: retried later).
 */
export async function politeGet(db: Db, url: string | URL, headers: Record<string, string> = {}): Promise<PoliteResponse> {
  const response = await fetchFollowing(db, checkUrl(url), headers, (u) => robotsFor(db, u));
  if (response.status === 429 || response.status >= 500) throw new FetchFailure(`${response.url.host} answered HTTP ${response.status}`);
  if (response.status >= 400) throw new SourceRefusal(`${response.url.href} answered HTTP ${response.status}`);
  return response;
}

/** "text/html; charset=windows-1251" → { type: "text/html", charset: "windows-1251" } */
export function contentType(response: RawResponse): { type: string; charset: string | null } {
  const header = String(response.headers["content-type"] ?? "");
  const [type, ...params] = header.split(";");
  const charset = params.map((p) => /^\s*charset\s*=\s*"?([\w-]+)"?/i.exec(p)?.[1]).find(Boolean) ?? null;
  return { type: type.trim().toLowerCase(), charset: charset ? charset.toLowerCase() : null };
}
