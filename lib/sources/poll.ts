// One poll of one source: fetch what it lists (conditional GET), then each link not seen
// before is fetched politely and handed to lib/ingest's ingestFile, the same path as an
// upload (deduplication, language refusal, one transaction per article). Every link's
// fate is kept in source_links, every poll's counts in source_polls; a failure of one
// link or one source never stops the others.
import zlib from "node:zlib";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/index";
import { articles, sourceLinks, sourcePolls, sources, type Source } from "@/db/schema";
import { createAppExtractor } from "@/lib/app-extractor";
import { env } from "@/lib/config/env";
import { ingestFile } from "@/lib/ingest/ingest-file";
import type { ArticleExtractor, ArticleOutcome } from "@/lib/ingest/types";
import { articleBody, articleFileName } from "./article";
import { contentType, politeGet } from "./fetch";
import { SourceRefusal } from "./guard";
import { FetchFailure } from "./http";
import { dedupe, parseListing, parseXmlSource, type ListedLink } from "./parse";

/** A link that failed (network, server error) is tried again on later polls, this many times in all. */
export const MAX_LINK_ATTEMPTS = 3;
/** Failed polls put the next one off by 2^failures intervals, at most this many doublings. */
const MAX_BACKOFF_DOUBLINGS = 5;

export type LinkStatus = "stored" | "duplicate" | "refused" | "failed";

export interface PollSummary {
  sourceId: number;
  name: string;
  outcome: "ok" | "not_modified" | "failed";
  error?: string;
  found: number;
  stored: number;
  known: number;
  refused: number;
  failed: number;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A sitemap served gzipped as a file (sitemap.xml.gz, no Content-Encoding), within the size limit. */
function gunzipped(body: Buffer): Buffer {
  if (body[0] !== 0x1f || body[1] !== 0x8b) return body;
  try {
    return zlib.gunzipSync(body, { maxOutputLength: env.sourcesMaxBytes });
  } catch (error) {
    throw new SourceRefusal(`a gzipped file that could not be unpacked within the limit (${message(error)})`);
  }
}

/** The charset the server names, when Node knows it; else UTF-8 (what XML defaults to). */
function decodeText(body: Buffer, charset: string | null): string {
  try {
    return new TextDecoder(charset ?? "utf-8").decode(body);
  } catch {
    return new TextDecoder("utf-8").decode(body);
  }
}

async function listLinks(db: Db, source: Source): Promise<{ links: ListedLink[] } | { notModified: true; etag?: string; lastModified?: string }> {
  const headers: Record<string, string> = {
    accept: source.kind === "listing" ? "text/html,application/xhtml+xml" : "application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9, */*;q=0.5",
  };
  if (source.etag) headers["if-none-match"] = source.etag;
  if (source.lastModified) headers["if-modified-since"] = source.lastModified;
  const response = await politeGet(db, source.url, headers);
  if (response.status === 304) return { notModified: true };
  const base = response.url.href;
  const { charset } = contentType(response);
  const text = decodeText(gunzipped(response.body), charset);
  const links = source.kind === "listing" ? parseListing(text, base, source.linkPattern ?? "*") : parseXmlSource(text, base);
  const etag = response.headers.etag;
  const lastModified = response.headers["last-modified"];
  await db
    .update(sources)
    .set({ etag: typeof etag === "string" ? etag.slice(0, 500) : null, lastModified: typeof lastModified === "string" ? lastModified.slice(0, 100) : null })
    .where(eq(sources.id, source.id));
  return { links: dedupe(links) };
}

function linkResult(outcomes: ArticleOutcome[]): { status: LinkStatus; reason: string | null; articleId: number | null } {
  const stored = outcomes.find((o) => o.status === "stored");
  if (stored && stored.status === "stored") return { status: "stored", reason: null, articleId: stored.articleId };
  const duplicate = outcomes.find((o) => o.status === "duplicate");
  if (duplicate && duplicate.status === "duplicate") return { status: "duplicate", reason: "already in Chronicle", articleId: duplicate.articleId };
  const reasons = outcomes.flatMap((o) => (o.status === "refused" ? [o.reason] : []));
  return { status: "refused", reason: reasons.join("; ") || "nothing stored", articleId: null };
}

async function ingestLink(db: Db, link: ListedLink, extractor: ArticleExtractor, userId: number | null) {
  try {
    const response = await politeGet(db, link.url, { accept: "text/html,application/xhtml+xml,text/plain;q=0.8" });
    if (response.status === 304) return { status: "duplicate" as const, reason: "not modified", articleId: null };
    const outcomes = await ingestFile(db, {
      ...articleBody(response),
      fileName: articleFileName(response),
      overrides: { url: link.url },
      fallbackDate: link.date,
      userId,
      extractor,
    });
    return linkResult(outcomes);
  } catch (error) {
    if (error instanceof SourceRefusal) return { status: "refused" as const, reason: error.message, articleId: null };
    if (error instanceof FetchFailure) return { status: "failed" as const, reason: error.message, articleId: null };
    return { status: "failed" as const, reason: `unexpected: ${message(error)}`, articleId: null };
  }
}

/** Links already seen by this source (a failed one only after its last attempt) or already stored from the same URL. */
async function knownLinks(db: Db, sourceId: number, urls: string[]): Promise<Set<string>> {
  if (urls.length === 0) return new Set();
  const seen = await db
    .select({ url: sourceLinks.url, status: sourceLinks.status, attempts: sourceLinks.attempts })
    .from(sourceLinks)
    .where(and(eq(sourceLinks.sourceId, sourceId), inArray(sourceLinks.url, urls)));
  const stored = await db.select({ url: articles.url }).from(articles).where(inArray(articles.url, urls));
  const known = new Set(seen.filter((s) => s.status !== "failed" || s.attempts >= MAX_LINK_ATTEMPTS).map((s) => s.url));
  for (const s of stored) if (s.url && !seen.some((x) => x.url === s.url)) known.add(s.url);
  return known;
}

async function recordLink(db: Db, sourceId: number, pollId: number, link: ListedLink, result: { status: LinkStatus; reason: string | null; articleId: number | null }) {
  await db
    .insert(sourceLinks)
    .values({ sourceId, pollId, url: link.url, feedDate: link.date, status: result.status, reason: result.reason?.slice(0, 1000) ?? null, articleId: result.articleId })
    .onConflictDoUpdate({
      target: [sourceLinks.sourceId, sourceLinks.url],
      set: {
        status: result.status,
        reason: result.reason?.slice(0, 1000) ?? null,
        articleId: result.articleId,
        pollId,
        attempts: sql`${sourceLinks.attempts} + 1`,
        updatedAt: sql`now()`,
      },
    });
}

async function finishPoll(db: Db, source: Source, pollId: number, summary: PollSummary): Promise<void> {
  const failed = summary.outcome === "failed";
  await db.transaction(async (tx) => {
    await tx
      .update(sourcePolls)
      .set({
        finishedAt: sql`now()`,
        outcome: summary.outcome,
        error: summary.error?.slice(0, 1000) ?? null,
        found: summary.found,
        stored: summary.stored,
        known: summary.known,
        refused: summary.refused,
        failed: summary.failed,
      })
      .where(eq(sourcePolls.id, pollId));
    await tx
      .update(sources)
      .set({
        lastPolledAt: sql`now()`,
        failures: failed ? sql`${sources.failures} + 1` : 0,
        // Backoff: a failing source is asked again after 2, 4, 8 ... intervals.
        nextPollAt: failed
          ? sql`greatest(${sources.nextPollAt}, now() + ${sources.intervalMinutes} * interval '1 minute' * power(2, least(${sources.failures} + 1, ${MAX_BACKOFF_DOUBLINGS})))`
          : sql`${sources.nextPollAt}`,
      })
      .where(eq(sources.id, source.id));
  });
}

export interface PollOptions {
  /** Called after each link with what became of it. */
  onLink?: (url: string, status: LinkStatus | "known", reason: string | null) => void;
  extractor?: ArticleExtractor;
}

/** Polls one source now (the caller has claimed it); never throws for the source's own failures. */
export async function pollSource(db: Db, source: Source, options: PollOptions = {}): Promise<PollSummary> {
  const [poll] = await db.insert(sourcePolls).values({ sourceId: source.id }).returning({ id: sourcePolls.id });
  const summary: PollSummary = { sourceId: source.id, name: source.name, outcome: "ok", found: 0, stored: 0, known: 0, refused: 0, failed: 0 };
  try {
    const listed = await listLinks(db, source);
    if ("notModified" in listed) {
      summary.outcome = "not_modified";
    } else {
      summary.found = listed.links.length;
      const known = await knownLinks(db, source.id, listed.links.map((l) => l.url));
      const extractor = options.extractor ?? (await createAppExtractor(db));
      for (const link of listed.links) {
        if (known.has(link.url)) {
          summary.known++;
          options.onLink?.(link.url, "known", null);
          continue;
        }
        const result = await ingestLink(db, link, extractor, null);
        await recordLink(db, source.id, poll.id, link, result);
        if (result.status === "stored") summary.stored++;
        else if (result.status === "duplicate") summary.known++;
        else if (result.status === "refused") summary.refused++;
        else summary.failed++;
        options.onLink?.(link.url, result.status, result.reason);
      }
    }
  } catch (error) {
    summary.outcome = "failed";
    summary.error = error instanceof SourceRefusal || error instanceof FetchFailure ? error.message : `unexpected: ${message(error)}`;
  }
  await finishPoll(db, source, poll.id, summary);
  return summary;
}
