// Faults: the database dropping every connection while the app runs (requests fail
// clearly, then the same client recovers on its own), the database not answering at all
// (health says 503 in words), and a save crashing half-way (nothing of it stays).
import { asc, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterEach, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { openPostgres, queryRows, setDb, type Db } from "@/db/index";
import { history, meetingParticipants, meetings, meetingThemes, quotes } from "@/db/schema";
import { saveMeetingEdit } from "@/lib/meetings/save";
import { createMeeting, createThemes, createUser } from "../helpers/fixtures-meetings";
import { createTestDb, testDbKinds, useTestDb, type TestDb } from "../helpers/test-db";

const pg = process.env.TEST_DATABASE_URL ? describe : describe.skip;

pg("database connections dropping while the app runs (PostgreSQL; skipped without TEST_DATABASE_URL)", () => {
  const opened: { close: () => Promise<void> }[] = [];
  let test: TestDb | undefined;
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((h) => h.close().catch(() => {})));
    await test?.close();
    test = undefined;
  });

  it("fails the request in flight with a clear error or retries it, then recovers with the same client", async () => {
    test = await createTestDb("postgres");
    const app = openPostgres(test.url!, { max: 3 });
    opened.push(app);
    setDb(app.db, "postgres");
    const one = async (db: Db) => (await queryRows<{ n: number }>(db, sql`select 1 as n`))[0].n;
    await Promise.all([one(app.db), one(app.db), one(app.db)]);
    expect((await health()).status).toBe(200);

    const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      const dbName = new URL(test.url!).pathname.slice(1);
      const killed = await admin`select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = ${dbName} and pid <> pg_backend_pid()`;
      expect(killed.length).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }

    // The first request after the drop either fails with the server's reason or is served on a new connection.
    const first = await one(app.db).then(
      (n) => ({ ok: true as const, n }),
      // Drizzle wraps the driver's error; the server's reason is in the cause.
      (e: Error) => ({ ok: false as const, message: `${e.message} ${String((e.cause as Error | undefined)?.message)}` }),
    );
    if (!first.ok) expect(first.message).toMatch(/terminat|connection|closed|ECONNRESET/i);
    else expect(first.n).toBe(1);
    console.log(`after the drop, the first request ${first.ok ? "was served on a new connection" : `failed: ${first.message.replace(/\s+/g, " ")}`}`);

    // Within a few tries the same client answers again: postgres.js reconnects by itself.
    let recovered = false;
    for (let i = 0; i < 5 && !recovered; i++) {
      recovered = await one(app.db).then(
        (n) => n === 1,
        () => false,
      );
      if (!recovered) await new Promise((r) => setTimeout(r, 200));
    }
    expect(recovered).toBe(true);
    expect((await health()).status).toBe(200);
    // Writes work again too, not only reads.
    const m = await createMeeting(app.db);
    expect(m.version).toBe(1);
  });

  it("reports 503 with a clear message while the database does not answer, 200 once it does", async () => {
    const down = openPostgres("postgres://postgres@127.0.0.1:1/nothing", { max: 1 });
    opened.push(down);
    setDb(down.db, "postgres");
    const res = await health();
    expect(res.status).toBe(503);
    const body = (await res.json()) as { status: string; message: string };
    expect(body.status).toBe("unavailable");
    expect(body.message).toMatch(/database does not answer/i);

    test = await createTestDb("postgres");
    setDb(test.db, "postgres");
    expect((await health()).status).toBe(200);
  });
});

describe.each(testDbKinds())("a save crashing half-way on %s", (kind) => {
  const t = useTestDb(kind);

  async function snapshot(db: Db, id: number) {
    return {
      meeting: await db.select().from(meetings).where(eq(meetings.id, id)),
      participants: await db.select().from(meetingParticipants).where(eq(meetingParticipants.meetingId, id)).orderBy(asc(meetingParticipants.id)),
      themes: await db.select().from(meetingThemes).where(eq(meetingThemes.meetingId, id)),
      quotes: await db.select().from(quotes).where(eq(quotes.meetingId, id)).orderBy(asc(quotes.id)),
      history: await db.select().from(history).where(eq(history.entityId, id)),
    };
  }

  it("leaves the record, its version, its child rows and its history as they were", async () => {
    await createThemes(t.db);
    const editor = await createUser(t.db, "editor");
    const m = await createMeeting(t.db, {
      participants: [{ name: "Маулен Ашимбаев", position: "Председатель Сената", side: "home" }],
      themes: ["economy"],
      quotes: [{ text: "Мы ценим сотрудничество", speaker: "Маулен Ашимбаев" }],
    });
    const before = await snapshot(t.db, m.id);

    // The crash: the history insert, which comes after the record and its child rows were written, raises.
    await t.db.execute(
      sql.raw(`create function test_crash_on_history() returns trigger language plpgsql as $$
        begin raise exception 'injected crash in the middle of a save'; end $$`),
    );
    await t.db.execute(sql.raw(`create trigger test_crash before insert on history for each row execute function test_crash_on_history()`));
    const edit = {
      id: m.id,
      baseVersion: 1,
      changes: {
        location: "Алматы",
        themes: ["security", "culture"],
        participants: [{ name: "Ерлан Карин", position: "Госсоветник", side: "home" as const }],
        quotes: [{ text: "Новая цитата", speaker: null }],
      },
      confirm: [],
    };
    const failure = await saveMeetingEdit(t.db, { userId: editor, edit }).then(
      () => "no error",
      (e: Error) => `${e.message} ${String((e.cause as Error | undefined)?.message)}`,
    );
    expect(failure).toMatch(/injected crash in the middle of a save/);
    expect(await snapshot(t.db, m.id)).toEqual(before);

    // Once the fault is gone the same edit goes through from the same version: nothing half-done blocks it.
    await t.db.execute(sql.raw(`drop trigger test_crash on history`));
    const r = await saveMeetingEdit(t.db, { userId: editor, edit });
    expect(r).toMatchObject({ status: "saved", version: 2 });
  });
});
