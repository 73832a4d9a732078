import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { meetings, meetingThemes } from "@/db/schema";
import { contentVersion, versionedCache } from "@/lib/cache/versioned";
import { createMeeting, createThemes } from "../helpers/fixtures-meetings";
import { testDbKinds, useTestDb } from "../helpers/test-db";

describe.each(testDbKinds())("content version and read caches on %s", (kind) => {
  const t = useTestDb(kind);
  beforeEach(() => {
    process.env.CHRONICLE_READ_CACHE = "1";
  });
  afterEach(() => {
    delete process.env.CHRONICLE_READ_CACHE;
  });

  it("bumps the version once per committed transaction, however many rows it touched", async () => {
    const v0 = await contentVersion();
    const a = await createMeeting(t.db);
    const v1 = await contentVersion();
    expect(v1).toBeGreaterThan(v0);
    await t.db.transaction(async (tx) => {
      await tx.update(meetings).set({ location: "Алматы" }).where(eq(meetings.id, a.id));
      await tx.update(meetings).set({ location: "Шымкент" }).where(eq(meetings.id, a.id));
      await tx.update(meetings).set({ kind: "phone_call" }).where(eq(meetings.id, a.id));
    });
    expect(await contentVersion()).toBe(v1 + 1);
  });

  it("does not bump for a rolled-back transaction, nor for reads", async () => {
    const a = await createMeeting(t.db);
    const v = await contentVersion();
    await expect(
      t.db.transaction(async (tx) => {
        await tx.update(meetings).set({ status: "approved" }).where(eq(meetings.id, a.id));
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    await t.db.select().from(meetings);
    expect(await contentVersion()).toBe(v);
  });

  it("bumps for changes to a meeting's themes alone", async () => {
    await createThemes(t.db);
    const a = await createMeeting(t.db, { themes: ["economy"] });
    const v = await contentVersion();
    await t.db.delete(meetingThemes).where(eq(meetingThemes.meetingId, a.id));
    expect(await contentVersion()).toBe(v + 1);
  });

  // Needs a second session, which only the server has (registered there only, so PGlite reports no skip).
  if (kind === "postgres")
    it("shows the new version to other sessions only at commit", async () => {
    const a = await createMeeting(t.db);
    const other = postgres(t.current.url!, { max: 1, onnotice: () => {} });
    try {
      const read = async () => Number((await other`select version from data_versions where name = 'content'`)[0].version);
      const before = await read();
      let inside = -1;
      await t.db.transaction(async (tx) => {
        await tx.update(meetings).set({ status: "approved" }).where(eq(meetings.id, a.id));
        inside = await read();
      });
      expect(inside).toBe(before);
      expect(await read()).toBe(before + 1);
    } finally {
      await other.end();
    }
  });

  it("serves a cached answer until the data changes, then recomputes", async () => {
    const a = await createMeeting(t.db, { status: "pending" });
    let calls = 0;
    const countApproved = versionedCache(`test-${kind}-1`, async () => {
      calls++;
      const [r] = await t.db.select({ n: sql<number>`count(*)::int` }).from(meetings).where(eq(meetings.status, "approved"));
      return r.n;
    });
    expect(await countApproved()).toBe(0);
    expect(await countApproved()).toBe(0);
    expect(calls).toBe(1);
    await t.db.update(meetings).set({ status: "approved" }).where(eq(meetings.id, a.id));
    expect(await countApproved()).toBe(1);
    expect(calls).toBe(2);
  });

  it("keys entries by the arguments, shares one computation between concurrent misses, and does not keep failures", async () => {
    let calls = 0;
    let fail = true;
    const slow = versionedCache(`test-${kind}-2`, async (filter: { a?: number; b?: number }) => {
      calls++;
      await new Promise((r) => setTimeout(r, 20));
      if (filter.a === 0 && fail) throw new Error("boom");
      return (filter.a ?? 0) + (filter.b ?? 0);
    });
    const answers = await Promise.all([slow({ a: 1, b: 2 }), slow({ b: 2, a: 1 }), slow({ a: 1, b: 2 })]);
    expect(answers).toEqual([3, 3, 3]);
    expect(calls).toBe(1);
    expect(await slow({ a: 2 })).toBe(2);
    expect(calls).toBe(2);
    await expect(slow({ a: 0 })).rejects.toThrow("boom");
    fail = false;
    expect(await slow({ a: 0 })).toBe(0);
    expect(calls).toBe(4);
  });

  it("turns off with CHRONICLE_READ_CACHE=0", async () => {
    process.env.CHRONICLE_READ_CACHE = "0";
    let calls = 0;
    const f = versionedCache(`test-${kind}-3`, async () => ++calls);
    await f();
    await f();
    expect(calls).toBe(2);
  });
});
