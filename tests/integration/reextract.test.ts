import fs from "node:fs";
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { history, meetingParticipants, meetings } from "@/db/schema";
import { ingestFile } from "@/lib/ingest/ingest-file";
import { reextractPending } from "@/lib/ingest/reextract";
import { createAppExtractor } from "@/lib/app-extractor";
import { seedThemes } from "@/seed/seed";
import { testDbKinds, useTestDb } from "../helpers/test-db";
import { dev } from "./ingest-fixtures";

describe.each(testDbKinds())("re-extraction on %s", (kind) => {
  const t = useTestDb(kind);

  it("updates extractor values, keeps an editor's value and records the proposal beside it", async () => {
    await seedThemes(t.db);
    const extractor = await createAppExtractor(t.db);
    const bytes = fs.readFileSync(dev("d007_borg-obse-astana.txt"));
    const expected = extractor.extractBytes(bytes).articles[0].events;
    await ingestFile(t.db, { bytes, fileName: "d007.txt", extractor });
    const rows = await t.db.select().from(meetings).orderBy(asc(meetings.ordinal));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const [edited, stale] = rows;

    // An editor set the location of the first record; the second has stale machine values.
    await t.db.update(meetings).set({ location: "Город редактора", locationSource: "editor" }).where(eq(meetings.id, edited.id));
    await t.db.update(meetings).set({ date: "2000-01-01" }).where(eq(meetings.id, stale.id));
    await t.db.delete(meetingParticipants).where(eq(meetingParticipants.meetingId, stale.id));
    // An approved record is never touched.
    const approved = rows[2];
    if (approved) await t.db.update(meetings).set({ status: "approved", date: "1999-09-09" }).where(eq(meetings.id, approved.id));

    const summary = await reextractPending(t.db);
    expect(summary.failed).toEqual([]);

    const [e] = await t.db.select().from(meetings).where(eq(meetings.id, edited.id));
    expect(e.location).toBe("Город редактора");
    expect(e.locationSource).toBe("editor");
    expect(e.proposals).toEqual({ location: expected[0].location });

    const [s] = await t.db.select().from(meetings).where(eq(meetings.id, stale.id));
    expect(s.date).toBe(expected[1].date);
    expect(s.version).toBe(stale.version + 1);
    const ps = await t.db.select().from(meetingParticipants).where(eq(meetingParticipants.meetingId, stale.id)).orderBy(asc(meetingParticipants.ordinal));
    expect(ps.map((p) => p.name)).toEqual(expected[1].participants.map((p) => p.name));
    expect(ps.every((p) => p.personId !== null)).toBe(true);
    const h = await t.db
      .select()
      .from(history)
      .where(and(eq(history.entityId, stale.id), eq(history.action, "reextract")));
    expect(h.map((r) => r.field).sort()).toEqual(["date", "participants"]);
    expect(h.every((r) => r.userId === null)).toBe(true);

    if (approved) {
      const [a] = await t.db.select().from(meetings).where(eq(meetings.id, approved.id));
      expect(a.date).toBe("1999-09-09");
    }

    // Nothing left to change: a second pass changes nothing.
    const again = await reextractPending(t.db);
    expect([again.meetingsUpdated, again.meetingsCreated]).toEqual([0, 0]);
  });
});
