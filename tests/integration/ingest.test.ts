import fs from "node:fs";
import path from "node:path";
import { count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/index";
import {
  articles,
  evidence,
  history,
  meetingParticipants,
  meetingPartners,
  meetingThemes,
  meetings,
  partners,
  people,
  quotes,
} from "@/db/schema";
import { createExtractor } from "@/lib/extract";
import { collectFiles } from "@/lib/ingest/collect-files";
import { ingestFile } from "@/lib/ingest/ingest-file";
import { ingestPaths } from "@/lib/ingest/ingest-paths";
import { contentHash } from "@/lib/ingest/normalize";
import { createAppExtractor } from "@/lib/app-extractor";
import { seedThemes } from "@/seed/seed";
import { testDbKinds, useTestDb } from "../helpers/test-db";
import { BAD_REASONS, GOOD, dev, mixedBatchFolder } from "./ingest-fixtures";

async function tableCounts(db: Db) {
  const n = async (table: PgTable) => (await db.select({ n: count() }).from(table))[0].n;
  return {
    articles: await n(articles),
    meetings: await n(meetings),
    participants: await n(meetingParticipants),
    partners: await n(meetingPartners),
    themes: await n(meetingThemes),
    quotes: await n(quotes),
    evidence: await n(evidence),
    history: await n(history),
    people: await n(people),
    registryPartners: await n(partners),
  };
}

describe.each(testDbKinds())("ingestion on %s", (kind) => {
  const t = useTestDb(kind);

  it("stores every good file of a mixed batch and refuses each bad one with its own reason", async () => {
    const dir = mixedBatchFolder();
    const { files } = collectFiles([dir]);
    expect(files.map((f) => path.basename(f))).not.toContain("notes.json");
    const { reports, summary } = await ingestPaths(t.db, files);
    const byName = new Map(reports.map((r) => [path.relative(dir, r.file), r.outcomes]));

    for (const name of Object.keys(GOOD)) {
      const outcomes = byName.get(name)!;
      expect(outcomes.length, name).toBeGreaterThan(0);
      for (const o of outcomes) expect(o.status, `${name}: ${JSON.stringify(o)}`).toBe("stored");
    }
    for (const [name, reason] of Object.entries(BAD_REASONS)) {
      const outcomes = byName.get(name)!;
      expect(outcomes, name).toHaveLength(1);
      expect(outcomes[0].status, name).toBe("refused");
      expect((outcomes[0] as { reason: string }).reason, name).toMatch(reason);
    }
    expect(summary.refused).toBe(Object.keys(BAD_REASONS).length);

    // Refused files left nothing behind: only the good files' articles exist.
    const stored = await t.db.select({ sourceName: articles.sourceName }).from(articles);
    expect(stored.map((a) => path.relative(dir, a.sourceName!)).sort()).toEqual(
      Object.keys(GOOD).flatMap((name) => byName.get(name)!.map(() => name)).sort(),
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("writes what the extractor found: meetings, participants, partners, themes, quotes, evidence and history", async () => {
    await seedThemes(t.db);
    const bytes = fs.readFileSync(dev("d007_borg-obse-astana.txt"));
    const extractor = await createAppExtractor(t.db);
    const expected = createExtractor().extractBytes(bytes, { fileName: "d007.txt" }).articles[0];
    const [outcome] = await ingestFile(t.db, { bytes, fileName: "d007.txt", extractor });
    expect(outcome.status).toBe("stored");
    const articleId = (outcome as { articleId: number }).articleId;

    const [article] = await t.db.select().from(articles).where(eq(articles.id, articleId));
    expect(article.cleanText).toBe(expected.text);
    expect(article.contentHash).toBe(contentHash(expected.text));
    expect(article.people.map((p) => p.name)).toEqual(expected.people.map((p) => p.name));

    const rows = await t.db.select().from(meetings).where(eq(meetings.articleId, articleId)).orderBy(meetings.ordinal);
    expect(rows).toHaveLength(expected.events.length);
    for (const [i, event] of expected.events.entries()) {
      const m = rows[i];
      expect([m.kind, m.date, m.location, m.status]).toEqual([event.kind, event.date, event.location, "pending"]);
      expect(m.confidence).toBeCloseTo(event.confidence, 5);
      expect(m.homeOfficial).toBe(event.participants.find((p) => p.side === "home")?.name ?? null);
      const ps = await t.db.select().from(meetingParticipants).where(eq(meetingParticipants.meetingId, m.id)).orderBy(meetingParticipants.ordinal);
      expect(ps.map((p) => [p.name, p.side, p.position])).toEqual(event.participants.map((p) => [p.name, p.side, p.position]));
      expect(ps.every((p) => p.personId !== null)).toBe(true);
      const qs = await t.db.select().from(quotes).where(eq(quotes.meetingId, m.id));
      expect(qs.map((q) => q.text).sort()).toEqual(event.quotes.map((q) => q.text).sort());
      const th = await t.db.select().from(meetingThemes).where(eq(meetingThemes.meetingId, m.id));
      expect(th.map((x) => x.themeCode).sort()).toEqual([...new Set(event.themes.map((x) => x.code))].sort());
      const pr = await t.db.select().from(meetingPartners).where(eq(meetingPartners.meetingId, m.id));
      expect(pr).toHaveLength(new Set(event.partners.map((p) => p.code ?? p.name)).size);
      const ev = await t.db.select().from(evidence).where(eq(evidence.meetingId, m.id));
      const spanCount =
        event.kindEvidence.spans.length +
        (event.date ? event.dateEvidence.spans.length : 0) +
        (event.location ? event.locationEvidence.spans.length : 0) +
        [...event.participants, ...event.partners, ...event.themes, ...event.quotes].reduce((n, v) => n + v.spans.length, 0);
      expect(ev).toHaveLength(spanCount);
      for (const e of ev) expect(e.end).toBeLessThanOrEqual(expected.text.length);
      const h = await t.db.select().from(history).where(eq(history.entityId, m.id));
      expect(h.map((x) => [x.entityType, x.action, x.userId])).toEqual([["meeting", "create", null]]);
    }
  });

  it("a second ingestion of the same folder creates nothing new", async () => {
    const dir = mixedBatchFolder();
    const { files } = collectFiles([dir]);
    await ingestPaths(t.db, files);
    const before = await tableCounts(t.db);
    const again = await ingestPaths(t.db, files);
    expect(again.summary.stored).toBe(0);
    expect(again.summary.duplicate).toBeGreaterThanOrEqual(Object.keys(GOOD).length);
    expect(await tableCounts(t.db)).toEqual(before);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("recognises the same article despite case, spacing and ё, and however many come in at once", async () => {
    const text = fs.readFileSync(dev("d001_koshanov-vsnp-kitay.txt"), "utf8");
    const extractor = await createAppExtractor(t.db);
    const variant = text.replace(/ /g, "  ").replace(/е/g, "ё").toUpperCase();
    const results = await Promise.all([
      ingestFile(t.db, { text, fileName: "a.txt", extractor }),
      ingestFile(t.db, { text, fileName: "b.txt", extractor }),
      ingestFile(t.db, { bytes: Buffer.from(text), fileName: "c.txt", extractor }),
    ]);
    const statuses = results.flat().map((o) => o.status).sort();
    expect(statuses).toEqual(["duplicate", "duplicate", "stored"]);
    expect(contentHash(variant)).toBe(contentHash(text));
    expect((await tableCounts(t.db)).articles).toBe(1);
  });

  it("lets the paste form's outlet, URL and date override what extraction found", async () => {
    const text = fs.readFileSync(dev("d001_koshanov-vsnp-kitay.txt"), "utf8");
    const [o] = await ingestFile(t.db, {
      text,
      fileName: "pasted",
      extractor: await createAppExtractor(t.db),
      overrides: { outlet: "Test Outlet", url: "https://example.org/a", publishedOn: "2021-02-03" },
      userId: null,
    });
    const [a] = await t.db.select().from(articles).where(eq(articles.id, (o as { articleId: number }).articleId));
    expect([a.outlet, a.url, a.publishedOn]).toEqual(["Test Outlet", "https://example.org/a", "2021-02-03"]);
  });

  it("leaves nothing of an article whose transaction fails halfway, and goes on with the rest", async () => {
    // The second meeting's history row of the d007 article fails: by then its article,
    // first meeting, participants, people and evidence have been written.
    await t.db.execute(sql`
      create function fail_midway() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from meetings m join articles a on a.id = m.article_id
                   where m.id = new.entity_id and m.ordinal >= 1 and a.source_name like '%d007%') then
          raise exception 'injected failure';
        end if;
        return new;
      end $$`);
    await t.db.execute(sql`create trigger fail_midway before insert on history for each row execute function fail_midway()`);
    const files = [dev("d007_borg-obse-astana.txt"), dev("d001_koshanov-vsnp-kitay.txt")];
    const extractor = await createAppExtractor(t.db);
    expect(extractor.extractBytes(fs.readFileSync(files[0])).articles[0].events.length).toBeGreaterThanOrEqual(2);
    const { reports } = await ingestPaths(t.db, files);
    expect(reports[0].outcomes).toEqual([{ status: "refused", reason: expect.stringMatching(/injected failure.*nothing of it was kept/) }]);
    expect(reports[1].outcomes[0].status).toBe("stored");
    const stored = await t.db.select({ id: articles.id, sourceName: articles.sourceName }).from(articles);
    expect(stored.map((a) => path.basename(a.sourceName!))).toEqual(["d001_koshanov-vsnp-kitay.txt"]);
    const orphans = await t.db.select({ n: count() }).from(meetings).where(sql`${meetings.articleId} <> ${stored[0].id}`);
    expect(orphans[0].n).toBe(0);
    // People named only in the failed article were not kept either.
    const names = (await t.db.select({ name: people.name }).from(people)).map((p) => p.name);
    const d001 = extractor.extractBytes(fs.readFileSync(files[1])).articles[0];
    const d001Names = new Set(d001.events.flatMap((e) => [...e.participants.map((p) => p.name), ...e.quotes.map((q) => q.speaker ?? "")]));
    for (const name of names) expect(d001Names.has(name), name).toBe(true);
  });

  it("links the same person in two articles to one people row", async () => {
    const extractor = await createAppExtractor(t.db);
    for (const f of ["d001_koshanov-vsnp-kitay.txt", "d005_koshanov-tegeran-kk.txt", "d020_nurtleu-otg-budapesht.txt", "d007_borg-obse-astana.txt"]) {
      await ingestFile(t.db, { bytes: fs.readFileSync(dev(f)), fileName: f, extractor });
    }
    const dupes = await t.db.execute(sql`select normalized from people group by normalized having count(*) > 1`);
    expect(Array.isArray(dupes) ? dupes : (dupes as { rows: unknown[] }).rows).toEqual([]);
  });
});
