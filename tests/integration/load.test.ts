// Many editors saving at once against the real server, through several connection pools
// as several app instances would: every acknowledged save must be in the database and in
// the history, every refused one must have been told so, and nothing else may fail.
// Short in `npm test` (LOAD_SECONDS, default 8); `npm run test:load` runs a full minute.
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, type Db } from "@/db/index";
import { history, meetings } from "@/db/schema";
import { saveMeetingEdit } from "@/lib/meetings/save";
import { createMeeting, createUser } from "../helpers/fixtures-meetings";
import { createTestDb, type TestDb } from "../helpers/test-db";

const seconds = Number(process.env.LOAD_SECONDS || 8);
const DISTINCT_EDITORS = 50;
const SAME_RECORD_EDITORS = 10;
const INSTANCES = 4;

interface Ack {
  meetingId: number;
  version: number;
  value: string;
  historyId: number;
}

interface Tally {
  acks: Ack[];
  conflicts: number;
  errors: unknown[];
}

/** One editor: saves a new location again and again from the version it last saw; on a conflict it reloads and retries. */
async function editor(db: Db, userId: number, meetingId: number, until: number, tally: Tally) {
  let version = 1;
  let n = 0;
  while (Date.now() < until) {
    const value = `loc u${userId} #${n++}`;
    try {
      const r = await saveMeetingEdit(db, { userId, edit: { id: meetingId, baseVersion: version, changes: { location: value }, confirm: [] } });
      if (r.status === "saved") {
        tally.acks.push({ meetingId, version: r.version, value, historyId: r.historyId });
        version = r.version;
      } else if (r.status === "conflict") {
        // A refusal must carry the newer record it lost to, or the editor could not reload.
        if (r.current.version <= version) tally.errors.push(new Error(`conflict at v${version} reported v${r.current.version}`));
        tally.conflicts++;
        version = r.current.version;
      } else tally.errors.push(new Error(`unexpected result ${r.status}`));
    } catch (e) {
      tally.errors.push(e);
    }
  }
}

const suite = process.env.TEST_DATABASE_URL ? describe : describe.skip;

suite(`load: ${DISTINCT_EDITORS} editors on different records and ${SAME_RECORD_EDITORS} on one, ${seconds}s against PostgreSQL (skipped without TEST_DATABASE_URL)`, () => {
  let test: TestDb;
  const pools: { db: Db; close: () => Promise<void> }[] = [];
  beforeAll(async () => {
    test = await createTestDb("postgres");
    for (let i = 0; i < INSTANCES; i++) pools.push(openPostgres(test.url!, { max: 5 }));
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
    await test?.close();
  });

  it(
    "keeps every acknowledged save with its history, tells every refused one, and numbers versions without gaps",
    async () => {
      const db = test.db;
      const shared = await createMeeting(db);
      const jobs: { userId: number; meetingId: number }[] = [];
      for (let i = 0; i < DISTINCT_EDITORS; i++)
        jobs.push({ userId: await createUser(db, "editor", `load editor ${i}`), meetingId: (await createMeeting(db)).id });
      for (let i = 0; i < SAME_RECORD_EDITORS; i++)
        jobs.push({ userId: await createUser(db, "editor", `load shared ${i}`), meetingId: shared.id });

      const tally: Tally = { acks: [], conflicts: 0, errors: [] };
      const until = Date.now() + seconds * 1000;
      await Promise.all(jobs.map((j, i) => editor(pools[i % INSTANCES].db, j.userId, j.meetingId, until, tally)));

      expect(tally.errors.map(String)).toEqual([]);
      const ids = [...new Set(jobs.map((j) => j.meetingId))];
      const rows = await db.select({ id: meetings.id, version: meetings.version, location: meetings.location }).from(meetings).where(inArray(meetings.id, ids));
      const hist = await db
        .select({ id: history.id, entityId: history.entityId, after: history.after, userId: history.userId })
        .from(history)
        .where(and(eq(history.entityType, "meeting"), eq(history.field, "location"), inArray(history.entityId, ids)));
      const histById = new Map(hist.map((h) => [h.id, h]));

      for (const row of rows) {
        const acks = tally.acks.filter((a) => a.meetingId === row.id).sort((a, b) => a.version - b.version);
        expect(acks.length, `record ${row.id} had no acknowledged save`).toBeGreaterThan(0);
        // Versions 2, 3, ... one per acknowledged save: none lost, none invented.
        expect(acks.map((a) => a.version)).toEqual(acks.map((_, i) => i + 2));
        expect(row.version).toBe(acks.length + 1);
        // The newest acknowledged value is the stored one; each earlier one was superseded in order.
        expect(row.location).toBe(acks.at(-1)!.value);
        // Exactly one history row per acknowledged save, carrying its value.
        expect(hist.filter((h) => h.entityId === row.id)).toHaveLength(acks.length);
        for (const a of acks) expect(histById.get(a.historyId)?.after).toBe(a.value);
      }
      const sharedAcks = tally.acks.filter((a) => a.meetingId === shared.id).length;
      // Ten editors on one record cannot all win: the losers were told, not silently overwritten.
      expect(tally.conflicts).toBeGreaterThan(0);
      console.log(
        `load ${seconds}s: ${tally.acks.length} saves acknowledged (${sharedAcks} on the shared record), ${tally.conflicts} refused as conflicts, 0 errors`,
      );
    },
    seconds * 1000 + 120_000,
  );
});
