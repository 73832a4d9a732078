// Issue 17 on both databases: sources and attach-at-ingest (also under concurrency on
// PostgreSQL), the possible-duplicates list, merge / split / add / delete and their exact
// undo, bad input changing nothing, and counts staying once per meeting.
import fs from "node:fs";
import path from "node:path";
import { count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/index";
import { articles, evidence, history, meetingParticipants, meetings, meetingSources, users } from "@/db/schema";
import { countFiltered, exportPage } from "@/db/queries/analytics";
import { listDuplicatePairs } from "@/db/queries/duplicates";
import { defaultFilter } from "@/lib/analytics/filters";
import { createAppExtractor } from "@/lib/app-extractor";
import { ingestFile } from "@/lib/ingest/ingest-file";
import { reextractPending } from "@/lib/ingest/reextract";
import { addRecord } from "@/lib/meetings/add";
import { dismissDuplicate } from "@/lib/meetings/dismiss";
import { deleteRecord, mergeRecords, splitRecord, undoOperation } from "@/lib/meetings/record-set";
import { saveMeetingEdit } from "@/lib/meetings/save";
import { snapshotRecords } from "@/lib/meetings/snapshot";
import { addRecordSchema, mergeSchema } from "@/lib/validations/record-set";
import { seedOrganizations, seedThemes } from "@/seed/seed";
import { testDbKinds, useTestDb } from "../helpers/test-db";

const corpus = path.join(process.cwd(), "tests", "fixtures", "grouping");
const read = (name: string) => fs.readFileSync(path.join(corpus, name));

async function setup(db: Db) {
  await seedThemes(db);
  await seedOrganizations(db);
  const [user] = await db.insert(users).values({ email: "ed@example.test", passwordHash: "x", role: "editor" }).returning({ id: users.id });
  return { userId: user.id, extractor: await createAppExtractor(db) };
}

async function ingest(db: Db, extractor: Awaited<ReturnType<typeof createAppExtractor>>, name: string, bytes: Uint8Array = read(name)) {
  const [outcome] = await ingestFile(db, { bytes, fileName: `batch/${name}`, extractor, userId: null });
  expect(outcome.status, JSON.stringify(outcome)).toBe("stored");
  return outcome as Extract<typeof outcome, { status: "stored" }>;
}

const sourcesOf = async (db: Db, meetingId: number) =>
  (
    await db
      .select({ file: articles.file })
      .from(meetingSources)
      .innerJoin(articles, eq(articles.id, meetingSources.articleId))
      .where(eq(meetingSources.meetingId, meetingId))
      .orderBy(meetingSources.id)
  ).map((r) => r.file);

const meetingCount = async (db: Db) => (await db.select({ n: count() }).from(meetings))[0].n;

/** Every row of the records, without the columns an operation legitimately moves on. */
async function rowsOf(db: Db, ids: number[]) {
  const snap = await db.transaction((tx) => snapshotRecords(tx, ids));
  return { ...snap, meetings: snap.meetings.map(({ version: _v, updated_at: _u, ...m }) => m) };
}

async function exported(db: Db) {
  return exportPage(db, { filter: { ...defaultFilter, includePending: true }, locale: "ru" });
}

describe.each(testDbKinds())("the record set on %s", (kind) => {
  const t = useTestDb(kind);

  it("attaches three outlets' articles on one meeting as sources of one record; the same guest with another official stays its own", async () => {
    const { extractor } = await setup(t.db);
    const first = await ingest(t.db, extractor, "c01-kazinform.txt");
    const second = await ingest(t.db, extractor, "c01-tengrinews.txt");
    const third = await ingest(t.db, extractor, "c01-mazhilis.txt");
    const other = await ingest(t.db, extractor, "c02-senate.txt");
    expect([first.meetingsCreated, second.meetingsCreated, second.sourcesAttached, third.sourcesAttached]).toEqual([1, 0, 1, 1]);
    expect(other.meetingsCreated).toBe(1);
    const [record] = await t.db.select({ id: meetings.id, version: meetings.version }).from(meetings).where(eq(meetings.articleId, first.articleId));
    expect(await sourcesOf(t.db, record.id)).toEqual(["c01-kazinform.txt", "c01-tengrinews.txt", "c01-mazhilis.txt"]);
    expect(record.version).toBe(3);
    const spans = await t.db.select({ articleId: evidence.articleId }).from(evidence).where(eq(evidence.meetingId, record.id));
    expect(new Set(spans.map((s) => s.articleId))).toEqual(new Set([null, second.articleId, third.articleId]));
    const attachRows = await t.db.select().from(history).where(sql`${history.entityId} = ${record.id} and ${history.action} = 'attach_source'`);
    expect(attachRows).toHaveLength(2);

    // Counts follow: 2 meetings, whatever the number of sources; the export lists the sources.
    expect(await meetingCount(t.db)).toBe(2);
    const counted = await countFiltered(t.db, { filter: { ...defaultFilter, includePending: true } });
    expect(counted.approved + counted.pending).toBe(2);
    const rows = await exported(t.db);
    expect(rows).toHaveLength(2);
    const main = rows.find((r) => r.id === record.id)!;
    expect(main.sources.map((s) => s.file)).toEqual(["c01-kazinform.txt", "c01-tengrinews.txt", "c01-mazhilis.txt"]);
    expect(main.sources[0]).toMatchObject({ articleId: first.articleId, outlet: expect.any(String), publishedOn: "2025-03-12" });
  });

  it("never attaches to a rejected record, and proposes a look-alike a few days off on the duplicates list until dismissed", async () => {
    const { extractor, userId } = await setup(t.db);
    const first = await ingest(t.db, extractor, "c01-kazinform.txt");
    await t.db.update(meetings).set({ status: "rejected", rejectReason: "test" }).where(eq(meetings.articleId, first.articleId));
    const second = await ingest(t.db, extractor, "c01-tengrinews.txt");
    expect(second.meetingsCreated).toBe(1);
    const shifted = read("c01-mazhilis.txt").toString("utf8").replace(/12 марта 2025/g, "15 марта 2025");
    const third = await ingest(t.db, extractor, "shifted.txt", Buffer.from(shifted, "utf8"));
    expect(third.meetingsCreated).toBe(1);
    const pairs = await listDuplicatePairs(t.db);
    const ids = (await t.db.select({ id: meetings.id }).from(meetings).where(sql`${meetings.status} <> 'rejected'`)).map((r) => r.id).sort();
    expect(pairs.map((p) => [p.a.id, p.b.id].sort())).toEqual([ids]);
    expect(pairs[0].sharedPartners).toContain("Китай");
    await dismissDuplicate(t.db, userId, { a: ids[1], b: ids[0] });
    expect(await listDuplicatePairs(t.db)).toEqual([]);
  });

  it("merges two records from two outlets, refuses bad merges with nothing changed, and undoes exactly", async () => {
    const { extractor, userId } = await setup(t.db);
    const a = await ingest(t.db, extractor, "c01-kazinform.txt");
    const b = await ingest(t.db, extractor, "c02-senate.txt");
    const [ra] = await t.db.select().from(meetings).where(eq(meetings.articleId, a.articleId));
    const [rb] = await t.db.select().from(meetings).where(eq(meetings.articleId, b.articleId));
    const before = await rowsOf(t.db, [ra.id, rb.id]);
    const input = (over: Record<string, unknown>) =>
      mergeSchema.parse({ targetId: ra.id, targetVersion: ra.version, otherId: rb.id, otherVersion: rb.version, ...over });

    expect(await mergeRecords(t.db, userId, input({ otherId: ra.id }))).toEqual({ status: "error", code: "merge_self" });
    expect(await mergeRecords(t.db, userId, input({ otherVersion: rb.version + 5 }))).toEqual({ status: "error", code: "stale" });
    expect(await mergeRecords(t.db, userId, input({ otherId: 999_999 }))).toEqual({ status: "error", code: "merge_missing" });
    expect(await rowsOf(t.db, [ra.id, rb.id])).toEqual(before);

    const merged = await mergeRecords(t.db, userId, input({ choices: { location: "other", participants: "both" } }));
    expect(merged.status).toBe("done");
    expect(await meetingCount(t.db)).toBe(1);
    expect(await sourcesOf(t.db, ra.id)).toEqual(["c01-kazinform.txt", "c02-senate.txt"]);
    const names = (await t.db.select({ n: meetingParticipants.name }).from(meetingParticipants).where(eq(meetingParticipants.meetingId, ra.id))).map((r) => r.n);
    expect(names).toEqual(expect.arrayContaining(["Ерлан Кошанов", "Маулен Ашимбаев", "Хао Минцзинь"]));
    expect((await exported(t.db))[0].sources).toHaveLength(2);
    expect(await mergeRecords(t.db, userId, input({ targetVersion: ra.version + 1 }))).toEqual({ status: "error", code: "merge_missing" });

    // An edit from before the merge is a conflict (or finds the merged-away record gone).
    const stale = await saveMeetingEdit(t.db, { userId, edit: { id: ra.id, baseVersion: ra.version, changes: { location: "Алматы" }, confirm: [] } });
    expect(stale.status).toBe("conflict");
    expect(await saveMeetingEdit(t.db, { userId, edit: { id: rb.id, baseVersion: rb.version, changes: { location: "Алматы" }, confirm: [] } })).toEqual({ status: "not_found" });

    const undone = await undoOperation(t.db, userId, (merged as { operationId: number }).operationId);
    expect(undone.status).toBe("done");
    expect(await rowsOf(t.db, [ra.id, rb.id])).toEqual(before);
    expect(await undoOperation(t.db, userId, (merged as { operationId: number }).operationId)).toEqual({ status: "error", code: "already_undone" });
    const actions = (await t.db.select({ action: history.action }).from(history).where(eq(history.entityId, rb.id))).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["merge", "undo_merge"]));
    // An undone merge is never proposed again.
    expect((await listDuplicatePairs(t.db)).filter((p) => p.a.id === ra.id || p.b.id === ra.id)).toEqual([]);

    // Merged again: re-extraction never splits what an editor merged.
    const versions = await t.db.select({ id: meetings.id, version: meetings.version }).from(meetings);
    const v = new Map(versions.map((r) => [r.id, r.version]));
    const again = await mergeRecords(t.db, userId, input({ targetVersion: v.get(ra.id), otherVersion: v.get(rb.id) }));
    expect(again.status).toBe("done");
    await reextractPending(t.db, { extractor });
    expect(await meetingCount(t.db)).toBe(1);
    expect(await sourcesOf(t.db, ra.id)).toEqual(["c01-kazinform.txt", "c02-senate.txt"]);
  });

  it("splits the chosen values off into a new record, refuses nothing and everything, and undoes exactly", async () => {
    const { extractor, userId } = await setup(t.db);
    const a = await ingest(t.db, extractor, "c01-kazinform.txt");
    const [rec] = await t.db.select().from(meetings).where(eq(meetings.articleId, a.articleId));
    const before = await rowsOf(t.db, [rec.id]);
    const guest = before.meeting_participants.find((p) => p.side === "partner")!;
    const all = {
      participants: before.meeting_participants.map((p) => Number(p.id)),
      partners: before.meeting_partners.map((p) => Number(p.partner_id)),
      themes: before.meeting_themes.map((p) => String(p.theme_code)),
      quotes: before.quotes.map((p) => Number(p.id)),
    };
    const base = { id: rec.id, version: rec.version, participants: [], partners: [], themes: [], quotes: [] };
    expect(await splitRecord(t.db, userId, base)).toEqual({ status: "error", code: "split_nothing" });
    expect(await splitRecord(t.db, userId, { ...base, ...all })).toEqual({ status: "error", code: "split_everything" });
    expect(await splitRecord(t.db, userId, { ...base, participants: [123456] })).toEqual({ status: "error", code: "split_unknown" });
    expect(await rowsOf(t.db, [rec.id])).toEqual(before);

    const split = await splitRecord(t.db, userId, { ...base, participants: [Number(guest.id)] });
    expect(split.status).toBe("done");
    const [, newId] = (split as { meetingIds: number[] }).meetingIds;
    expect(await meetingCount(t.db)).toBe(2);
    const moved = await t.db.select({ meetingId: meetingParticipants.meetingId }).from(meetingParticipants).where(eq(meetingParticipants.id, Number(guest.id)));
    expect(moved[0].meetingId).toBe(newId);
    expect(await sourcesOf(t.db, newId)).toEqual(["c01-kazinform.txt"]);
    await undoOperation(t.db, userId, (split as { operationId: number }).operationId);
    expect(await meetingCount(t.db)).toBe(1);
    expect(await rowsOf(t.db, [rec.id, newId])).toEqual(before);
  });

  it("adds a missed meeting with selections as evidence, refuses a selection outside the text, deletes and restores", async () => {
    const { extractor, userId } = await setup(t.db);
    const a = await ingest(t.db, extractor, "c09-mazhilis.txt");
    const [art] = await t.db.select({ text: articles.cleanText }).from(articles).where(eq(articles.id, a.articleId));
    const start = art.text.indexOf("делегацией Всекитайского");
    const input = (selections: unknown[]) =>
      addRecordSchema.parse({
        articleId: a.articleId,
        kind: "meeting",
        changes: { date: "2025-03-12", participants: [{ name: "Ерлан Кошанов", position: "Председатель Мажилиса", side: "home" }] },
        selections,
      });
    expect(await addRecord(t.db, userId, input([{ field: "participant", start: art.text.length, end: art.text.length + 5 }]))).toEqual({ status: "error", code: "selection_outside" });
    const before = await meetingCount(t.db);
    const added = await addRecord(t.db, userId, input([{ field: "partner", start, end: start + 24 }]));
    expect(added.status).toBe("done");
    const id = (added as { meetingIds: number[] }).meetingIds[0];
    expect(await meetingCount(t.db)).toBe(before + 1);
    const [row] = await t.db.select().from(meetings).where(eq(meetings.id, id));
    expect([row.date, row.homeOfficial, row.dateSource]).toEqual(["2025-03-12", "Ерлан Кошанов", "editor"]);
    expect(await t.db.select({ field: evidence.field, start: evidence.start }).from(evidence).where(eq(evidence.meetingId, id))).toEqual([{ field: "partner", start }]);

    const kept = await rowsOf(t.db, [id]);
    const deleted = await deleteRecord(t.db, userId, { id, version: row.version });
    expect(deleted.status).toBe("done");
    expect(await meetingCount(t.db)).toBe(before);
    await reextractPending(t.db, { extractor });
    expect(await meetingCount(t.db)).toBe(before);
    await undoOperation(t.db, userId, (deleted as { operationId: number }).operationId);
    expect(await rowsOf(t.db, [id])).toEqual(kept);
  });

  it.runIf(kind === "postgres")("attaches articles on one meeting ingested at the same moment to one record", async () => {
    const { extractor } = await setup(t.db);
    const files = ["c10-akorda.txt", "c10-kazinform.txt", "c10-tengrinews.txt", "c10-xinhua.txt", "c01-kazinform.txt", "c01-tengrinews.txt", "c01-mazhilis.txt"];
    // The same people and partners a month earlier first: creating a new person takes a
    // lock of its own that would serialise these imports by chance.
    for (const f of files) {
      const earlier = read(f).toString("utf8").replace(/марта/g, "января").replace(/апреля/g, "февраля");
      await ingest(t.db, extractor, `earlier-${f}`, Buffer.from(earlier, "utf8"));
    }
    expect(await meetingCount(t.db)).toBe(2);
    // Each article's transaction stays open a while after writing its record (as a slow
    // commit would): without the match lock the others would not see it and each make its own.
    const hold = () => new Promise<void>((resolve) => setTimeout(resolve, 300));
    const outcomes = await Promise.all(
      files.map((f) => ingestFile(t.db, { bytes: read(f), fileName: f, extractor, userId: null, onStored: hold })),
    );
    expect(outcomes.flat().every((o) => o.status === "stored")).toBe(true);
    expect(await meetingCount(t.db)).toBe(4);
    expect((await t.db.select({ n: count() }).from(meetingSources))[0].n).toBe(14);
  });
});
