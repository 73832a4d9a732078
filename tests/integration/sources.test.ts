// Polled sources against a local fixture server on 127.0.0.1: every format, every bad
// input, politeness (robots.txt, one request at a time, User-Agent, 304) and the
// address guard, on both databases.
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articles, meetings, sourceLinks, sourcePolls, sources } from "@/db/schema";
import { createSource } from "@/db/queries/sources";
import { pollSource } from "@/lib/sources/poll";
import { claimDueSources, inProcessPoller, pgBossPoller, pollDueSources, pollSourcesNow } from "@/lib/sources/schedule";
import { openPostgres, type Db } from "@/db/index";
import { startSourceServer, type SourceServer } from "../helpers/source-server";
import { testDbKinds, useTestDb } from "../helpers/test-db";

let server: SourceServer;
const saved = { ...process.env };

beforeAll(async () => {
  server = await startSourceServer();
  process.env.CHRONICLE_SOURCES_ALLOW = "127.0.0.1/32";
  process.env.CHRONICLE_SOURCES_HOST_DELAY_MS = "20";
  process.env.CHRONICLE_SOURCES_TIMEOUT_MS = "1500";
  process.env.CHRONICLE_SOURCES_MAX_BYTES = String(2 * 1024 * 1024);
});

afterAll(async () => {
  process.env = saved;
  await server.close();
});

const add = (db: Db, path: string, extra: Partial<{ kind: "feed" | "sitemap" | "listing"; linkPattern: string | null; name: string }> = {}) =>
  createSource(db, { name: extra.name ?? path, url: `${server.base}${path}`, kind: extra.kind ?? "feed", linkPattern: extra.linkPattern ?? null, intervalMinutes: 30 }, null);

async function links(db: Db, sourceId: number) {
  const rows = await db.select().from(sourceLinks).where(eq(sourceLinks.sourceId, sourceId));
  return new Map(rows.map((r) => [new URL(r.url).pathname, r]));
}

describe.each(testDbKinds())("sources on %s", (kind) => {
  const t = useTestDb(kind);

  it("polls an RSS feed: stores the articles, refuses each bad link with its reason, and a second poll stores nothing", async () => {
    const source = await add(t.db, "/rss.xml");
    const first = await pollSource(t.db, source);
    expect(first).toMatchObject({ outcome: "ok", found: 10, stored: 3 });
    const byPath = await links(t.db, source.id);
    expect(byPath.get("/news/mazhilis-china.html")?.status).toBe("stored");
    expect(byPath.get("/news/undated.html")?.status).toBe("stored");
    expect(byPath.get("/news/cp1251.html")?.status).toBe("stored");
    expect(byPath.get("/private/secret.html")).toMatchObject({ status: "refused", reason: expect.stringMatching(/robots\.txt .* forbids \/private\/secret\.html/) });
    expect(byPath.get("/news/kazakh.html")).toMatchObject({ status: "refused", reason: expect.stringMatching(/not Russian \(kk\)/) });
    expect(byPath.get("/news/file.pdf")).toMatchObject({ status: "refused", reason: expect.stringMatching(/not an HTML page \(application\/pdf\)/) });
    expect(byPath.get("/news/big.html")).toMatchObject({ status: "refused", reason: expect.stringMatching(/too large/) });
    expect(byPath.get("/news/loop-a.html")).toMatchObject({ status: "refused", reason: expect.stringMatching(/redirect loop/) });
    expect(byPath.get("/news/to-private.html")).toMatchObject({ status: "refused", reason: expect.stringMatching(/127\.0\.0\.2 is loopback/) });
    expect(byPath.get("/news/slow.html")).toMatchObject({ status: "failed", reason: expect.stringMatching(/did not answer within 2 s|did not answer within 1 s/) });
    expect(server.hits.get("/private/secret.html") ?? 0).toBe(0);

    // The article's own dateline wins over the feed's date; the feed's date dates an undated one and anchors «вчера».
    const stored = await t.db.select({ url: articles.url, publishedOn: articles.publishedOn, id: articles.id, text: articles.cleanText }).from(articles);
    const byUrl = new Map(stored.map((a) => [new URL(a.url!).pathname, a]));
    expect(byUrl.get("/news/mazhilis-china.html")?.publishedOn).toBe("2024-01-25");
    expect(byUrl.get("/news/undated.html")?.publishedOn).toBe("2026-11-20");
    const undatedMeetings = await t.db.select({ date: meetings.date }).from(meetings).where(eq(meetings.articleId, byUrl.get("/news/undated.html")!.id));
    expect(undatedMeetings.map((m) => m.date)).toContain("2026-11-19");
    expect(byUrl.get("/news/cp1251.html")?.text).toMatch(/Посол Узбекистана|Чрезвычайный и Полномочный Посол Республики Узбекистан/);
    expect(byUrl.get("/news/mazhilis-china.html")?.text).not.toMatch(/Все права защищены|cookie/);

    // Politeness: one request at a time, a User-Agent naming Chronicle.
    expect(server.maxConcurrent).toBe(1);
    expect([...server.userAgents].every((ua) => /Chronicle/.test(ua))).toBe(true);

    // Second poll: the feed answers 304 to its ETag; nothing new.
    const before = (await t.db.select({ n: count() }).from(articles))[0].n;
    const again = await pollSource(t.db, (await t.db.select().from(sources).where(eq(sources.id, source.id)))[0]);
    expect(again.outcome).toBe("not_modified");
    // And without the ETag: every link is known (the failed one is tried again), still nothing new.
    await t.db.update(sources).set({ etag: null }).where(eq(sources.id, source.id));
    const articleHits = server.hits.get("/news/mazhilis-china.html");
    const third = await pollSource(t.db, (await t.db.select().from(sources).where(eq(sources.id, source.id)))[0]);
    expect(third).toMatchObject({ outcome: "ok", stored: 0, known: 9, failed: 1 });
    expect(server.hits.get("/news/mazhilis-china.html")).toBe(articleHits);
    expect((await t.db.select({ n: count() }).from(articles))[0].n).toBe(before);
  });

  it("reads Atom, a news sitemap and a listing page with a link pattern; an article another source brought is known", async () => {
    const atom = await add(t.db, "/atom.xml");
    const sitemap = await add(t.db, "/sitemap.xml", { kind: "sitemap" });
    const listing = await add(t.db, "/listing.html", { kind: "listing", linkPattern: "/news/*.html" });
    const [a, s, l] = await pollSourcesNow(t.db);
    expect(a).toMatchObject({ sourceId: atom.id, outcome: "ok", found: 2, stored: 2 });
    expect(s).toMatchObject({ sourceId: sitemap.id, outcome: "ok", found: 1, stored: 1 });
    // /about and the other site's link do not match; mazhilis-china came from the Atom feed already.
    expect(l).toMatchObject({ sourceId: listing.id, outcome: "ok", found: 2, stored: 1, known: 1 });
    const [kishida] = await t.db.select({ publishedOn: articles.publishedOn }).from(articles).where(eq(articles.url, `${server.base}/news/kishida.html`));
    expect(kishida).toBeDefined();
  });

  it("reads a sitemap served as a gzipped file", async () => {
    const source = await add(t.db, "/sitemap-news.xml.gz", { kind: "sitemap" });
    expect(await pollSource(t.db, source)).toMatchObject({ outcome: "ok", found: 1, stored: 1 });
    expect((await links(t.db, source.id)).get("/news/aliev.html")).toMatchObject({ status: "stored", feedDate: "2024-04-02" });
  });

  it("a feed that is not XML and an XML bomb fail with a clear error; the other sources go on", async () => {
    await add(t.db, "/not-xml.xml");
    await add(t.db, "/bomb.xml");
    await add(t.db, "/sitemap.xml", { kind: "sitemap" });
    const [notXml, bomb, good] = await pollSourcesNow(t.db);
    expect(notXml).toMatchObject({ outcome: "failed", error: expect.stringMatching(/not well-formed XML/) });
    expect(bomb).toMatchObject({ outcome: "failed", error: expect.stringMatching(/declares entities/) });
    expect(good).toMatchObject({ outcome: "ok", stored: 1 });
    // A failing source backs off: its next poll is two intervals away, not one.
    const [row] = await t.db.select().from(sources).where(eq(sources.id, notXml.sourceId));
    expect(row.failures).toBe(1);
    expect(row.nextPollAt.getTime() - Date.now()).toBeGreaterThan(55 * 60_000);
    const polls = await t.db.select().from(sourcePolls).where(eq(sourcePolls.sourceId, notXml.sourceId));
    expect(polls[0]).toMatchObject({ outcome: "failed", stored: 0 });
  });

  it("a source is claimed once per interval, however many pollers look", async () => {
    await add(t.db, "/sitemap.xml", { kind: "sitemap" });
    const first = await claimDueSources(t.db);
    const second = await claimDueSources(t.db);
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(0);
    expect(await pollDueSources(t.db)).toHaveLength(0);
    // The embedded database's timer-driven poller finds nothing due either, until an interval has passed.
    await t.db.update(sources).set({ nextPollAt: new Date(Date.now() - 1000) });
    const poller = inProcessPoller(t.db, 0);
    await poller.tick();
    await poller.stop();
    expect((await t.db.select().from(sourcePolls)).map((p) => p.outcome)).toEqual(["ok"]);
  });

  it.runIf(kind === "postgres")("two instances (own connections) polling one host take turns, with the pause between requests", async () => {
    const a = await add(t.db, "/atom.xml");
    const b = await add(t.db, "/listing.html", { kind: "listing", linkPattern: "/news/*.html" });
    const instances = [openPostgres(t.current.url!, { max: 2 }), openPostgres(t.current.url!, { max: 2 })];
    const delay = process.env.CHRONICLE_SOURCES_HOST_DELAY_MS;
    process.env.CHRONICLE_SOURCES_HOST_DELAY_MS = "250";
    server.reset();
    try {
      const [ra, rb] = await Promise.all([pollSourcesNow(instances[0].db, { ids: [a.id] }), pollSourcesNow(instances[1].db, { ids: [b.id] })]);
      expect(ra[0].outcome).toBe("ok");
      expect(rb[0].outcome).toBe("ok");
    } finally {
      process.env.CHRONICLE_SOURCES_HOST_DELAY_MS = delay;
      await Promise.all(instances.map((i) => i.close()));
    }
    expect(server.maxConcurrent).toBe(1);
    const starts = server.requests.map((r) => r.at);
    expect(starts.length).toBeGreaterThanOrEqual(5);
    const gaps = starts.slice(1).map((at, i) => at - starts[i]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(240);
  });

  it.runIf(kind === "postgres")("two pg-boss pollers on one database poll each source once", async () => {
    await add(t.db, "/sitemap.xml", { kind: "sitemap" });
    await add(t.db, "/atom.xml");
    const sitemapHits = server.hits.get("/sitemap.xml") ?? 0;
    const atomHits = server.hits.get("/atom.xml") ?? 0;
    const pollers = [await pgBossPoller(t.db, t.current.url!, { schedule: false }), await pgBossPoller(t.db, t.current.url!, { schedule: false })];
    try {
      await Promise.all(pollers.map((p) => p.tick()));
      await new Promise((r) => setTimeout(r, 500));
      await Promise.all(pollers.map((p) => p.idle()));
      await Promise.all(pollers.map((p) => p.tick()));
      await new Promise((r) => setTimeout(r, 500));
      await Promise.all(pollers.map((p) => p.idle()));
    } finally {
      await Promise.all(pollers.map((p) => p.stop()));
    }
    const polls = await t.db.select({ sourceId: sourcePolls.sourceId }).from(sourcePolls);
    expect(polls).toHaveLength(2);
    expect(new Set(polls.map((p) => p.sourceId)).size).toBe(2);
    expect(server.hits.get("/sitemap.xml")).toBe(sitemapHits + 1);
    expect(server.hits.get("/atom.xml")).toBe(atomHits + 1);
  });
});
