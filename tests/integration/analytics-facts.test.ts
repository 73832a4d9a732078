// The fact tables (migrations 0006/0007) must give exactly the base-table answers: for a
// hand-counted and a random world, for every filter the facts answer, after every kind of
// write, and when refreshes run at the same time. "facts: false" forces the base SQL.
import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows, type Db } from "@/db/index";
import * as a from "@/db/queries/analytics";
import { articles, meetingParticipants, meetingPartners, meetings, meetingThemes, partners, people, type MeetingKind, type MeetingStatus } from "@/db/schema";
import { defaultFilter, type AnalyticsFilter } from "@/lib/analytics/filters";
import { insertAnalyticsFixture, OFFICIALS, THEMES, type AnalyticsFixtureIds } from "../helpers/fixtures-analytics";
import { mergePartners, undoPartnerMerge } from "@/lib/registries/partners";
import { mergePeople } from "@/lib/registries/people";
import { mergeThemes } from "@/lib/registries/themes";
import { seedScale } from "@/scripts/seed-scale";
import { createUser } from "../helpers/fixtures-meetings";
import { testDbKinds, useTestDb } from "../helpers/test-db";

const f = (over: Partial<AnalyticsFilter> = {}): AnalyticsFilter => ({ ...defaultFilter, ...over });

/** Filters the facts answer (whole months, theme, kind, official), and one they do not (a cut month). */
const FILTERS: Partial<AnalyticsFilter>[] = [
  {},
  { includePending: true },
  { granularity: "quarter", includePending: true },
  { granularity: "year" },
  { from: "2024-02-01", to: "2024-06-30" },
  { from: "2024-03-01", includePending: true },
  { to: "2024-09-30", includePending: true },
  { theme: "economy" },
  { theme: "security", includePending: true, from: "2024-01-01", to: "2024-12-31" },
  { kind: "meeting" },
  { official: OFFICIALS.ash, includePending: true },
  { from: "2024-02-05" },
];

async function allCharts(db: Db, filter: AnalyticsFilter, facts: boolean) {
  const o = { filter, facts };
  const counterparts = await a.topCounterparts(db, { ...o, limit: 100 });
  return {
    count: await a.countFiltered(db, o),
    partners: await a.partnersOverTime(db, { ...o, top: 3 }),
    themes: await a.themesOverTime(db, o),
    heat: await a.partnerThemeHeatmap(db, { ...o, top: 4 }),
    types: await a.partnersByType(db, o),
    regions: await a.partnersByRegion(db, o),
    countries: await a.partnerCountries(db, o),
    // Equal counts with equal names may come in either order, on either path.
    counterparts: counterparts.sort((x, y) => `${x.personId}|${x.name}`.localeCompare(`${y.personId}|${y.name}`)),
    officials: await a.topOfficials(db, { ...o, limit: 100 }),
    kinds: await a.meetingsByKind(db, o),
    dormant: await a.notMetForAWhile(db, { ...o, asOf: "2026-01-01", limit: 100, minMeetings: 2 }),
    // A reference date with later meetings: the rhythm table does not apply, the SQL falls back.
    dormantEarly: await a.notMetForAWhile(db, { ...o, asOf: "2024-06-01", limit: 100, minMeetings: 2 }),
  };
}

async function expectFactsEqualBase(db: Db, filters: Partial<AnalyticsFilter>[] = FILTERS) {
  for (const over of filters) {
    const filter = f(over);
    const [facts, base] = [await allCharts(db, filter, true), await allCharts(db, filter, false)];
    expect(facts, JSON.stringify(over)).toEqual(base);
  }
}

const dirtyCount = async (db: Db) =>
  (await queryRows<{ n: number }>(db, sql`select ((select count(*) from analytics_dirty_months) + (select count(*) from analytics_dirty_partners))::int as n`))[0].n;

/** mulberry32, so a failing random world can be rebuilt from its seed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function insertRandomWorld(db: Db, ids: AnalyticsFixtureIds, seed: number, n: number) {
  const r = rng(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const partnerIds = Object.values(ids.partners);
  const names = ["Иван Петров", "иван петров", "Анна Смит", "Ли Вэй", "Ли вэй", "Ханс Мюллер"];
  const persons = [ids.people.sederfelt, ids.people.sederfeltDup, null, null];
  for (let i = 0; i < n; i++) {
    const [art] = await db
      .insert(articles)
      .values({ contentHash: `random-${seed}-${i}`, rawText: "t", cleanText: "t", language: "ru", extractorVersion: "test" })
      .returning({ id: articles.id });
    const day = 1 + Math.floor(r() * 28);
    const date = r() < 0.1 ? null : `${pick(["2023", "2024", "2025"])}-${String(1 + Math.floor(r() * 12)).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    const status: MeetingStatus = r() < 0.6 ? "approved" : r() < 0.6 ? "pending" : "rejected";
    const kind: MeetingKind = pick(["meeting", "phone_call", "conference", "statement", "other"] as const);
    const [m] = await db
      .insert(meetings)
      .values({ articleId: art.id, kind, date, status, homeOfficial: r() < 0.2 ? null : pick(Object.values(OFFICIALS)), extractorVersion: "test" })
      .returning({ id: meetings.id });
    const ps = [...new Set(Array.from({ length: Math.floor(r() * 4) }, () => pick(partnerIds)))];
    if (ps.length) await db.insert(meetingPartners).values(ps.map((partnerId) => ({ meetingId: m.id, partnerId })));
    const ts = [...new Set(Array.from({ length: Math.floor(r() * 3) }, () => pick(THEMES).code))];
    if (ts.length) await db.insert(meetingThemes).values(ts.map((themeCode) => ({ meetingId: m.id, themeCode })));
    const cs = Array.from({ length: Math.floor(r() * 3) }, (_, j) => ({
      meetingId: m.id,
      name: pick(names),
      side: r() < 0.8 ? ("partner" as const) : ("home" as const),
      ordinal: j,
      personId: pick(persons),
    }));
    if (cs.length) await db.insert(meetingParticipants).values(cs);
  }
}

describe.each(testDbKinds())("analytics facts on %s", (kind) => {
  const t = useTestDb(kind);

  it("answers every chart as the base tables do on the hand-counted fixture", async () => {
    await insertAnalyticsFixture(t.db);
    await expectFactsEqualBase(t.db);
    // The facts were read (refreshed first), not skipped: the marks are gone and the rows are there.
    expect(await dirtyCount(t.db)).toBe(0);
    const [row] = await queryRows<{ n: number }>(t.db, sql`select coalesce(sum(meetings), 0)::int as n from fact_month`);
    expect(row.n).toBe(10); // m1..m11 without the rejected m7
  });

  it("answers every chart as the base tables do on a random world", async () => {
    const ids = await insertAnalyticsFixture(t.db);
    await insertRandomWorld(t.db, ids, 7, 120);
    await expectFactsEqualBase(t.db);
  });

  it("stays equal to the base tables after every kind of write", async () => {
    const ids = await insertAnalyticsFixture(t.db);
    await insertRandomWorld(t.db, ids, 11, 40);
    const admin = await createUser(t.db, "admin");
    const registry = (r: { ok: boolean }) => expect(r).toMatchObject({ ok: true });
    const m = ids.meetings;
    const P = ids.partners;
    const check = () => expectFactsEqualBase(t.db, [{}, { includePending: true }, { theme: "security", includePending: true }]);
    await check();
    const writes: [string, () => Promise<unknown>][] = [
      ["approve", () => t.db.update(meetings).set({ status: "approved" }).where(eq(meetings.id, m.m5))],
      ["reject", () => t.db.update(meetings).set({ status: "rejected" }).where(eq(meetings.id, m.m1))],
      ["un-reject", () => t.db.update(meetings).set({ status: "pending" }).where(eq(meetings.id, m.m7))],
      ["date to another month", () => t.db.update(meetings).set({ date: "2025-06-15" }).where(eq(meetings.id, m.m2))],
      ["date removed", () => t.db.update(meetings).set({ date: null }).where(eq(meetings.id, m.m6))],
      ["date set", () => t.db.update(meetings).set({ date: "2024-03-03" }).where(eq(meetings.id, m.m8))],
      ["kind and official", () => t.db.update(meetings).set({ kind: "other", homeOfficial: OFFICIALS.nurt }).where(eq(meetings.id, m.m3))],
      ["partner added", () => t.db.insert(meetingPartners).values({ meetingId: m.m11, partnerId: P.DE })],
      ["partner removed", () => t.db.delete(meetingPartners).where(sql`${meetingPartners.meetingId} = ${m.m2} and ${meetingPartners.partnerId} = ${P.CN}`)],
      ["theme added", () => t.db.insert(meetingThemes).values({ meetingId: m.m10, themeCode: "security" })],
      ["theme removed", () => t.db.delete(meetingThemes).where(sql`${meetingThemes.meetingId} = ${m.m4} and ${meetingThemes.themeCode} = 'security'`)],
      ["counterpart added", () => t.db.insert(meetingParticipants).values({ meetingId: m.m11, name: "Ван И", side: "partner", ordinal: 5 })],
      ["counterpart renamed", () => t.db.update(meetingParticipants).set({ name: "Си Цзиньпин (председатель)" }).where(eq(meetingParticipants.name, "Си Цзиньпин"))],
      ["person unmerged", () => t.db.update(people).set({ mergedIntoId: null }).where(eq(people.id, ids.people.sederfeltDup))],
      ["partner region and type", () => t.db.update(partners).set({ region: "СНГ", type: "organization" }).where(eq(partners.id, P.DE))],
      [
        "partner merge (links moved)",
        async () => {
          await t.db.execute(sql`insert into meeting_partners (meeting_id, partner_id)
            select meeting_id, ${P.OSCE} from meeting_partners where partner_id = ${P.PA} on conflict do nothing`);
          await t.db.delete(meetingPartners).where(eq(meetingPartners.partnerId, P.PA));
          await t.db.update(partners).set({ mergedIntoId: P.OSCE }).where(eq(partners.id, P.PA));
        },
      ],
      ["registry: partners merged", async () => registry(await mergePartners(t.db, admin, { loserId: P.CN, survivorId: P.RU }))],
      ["registry: partner merge undone", async () => registry(await undoPartnerMerge(t.db, admin, { partnerId: P.CN }))],
      ["registry: people merged", async () => registry(await mergePeople(t.db, admin, { loserId: ids.people.sederfeltDup, survivorId: ids.people.sederfelt }))],
      ["registry: themes merged", async () => registry(await mergeThemes(t.db, admin, { loser: "economy", survivor: "security" }))],
      ["meeting deleted", () => t.db.delete(articles).where(inArray(articles.id, sql`(select article_id from meetings where id = ${m.m10})`))],
      ["several writes in one transaction", () =>
        t.db.transaction(async (tx) => {
          await tx.update(meetings).set({ status: "approved" }).where(eq(meetings.status, "pending"));
          await tx.update(meetings).set({ date: sql`${meetings.date} + 40` }).where(sql`${meetings.date} < '2024-01-01'`);
        })],
    ];
    for (const [name, write] of writes) {
      await write();
      expect(await dirtyCount(t.db), name).toBeGreaterThan(0);
      await check().catch((e: unknown) => {
        throw new Error(`after "${name}": ${e instanceof Error ? e.message : String(e)}`);
      });
    }
  });

  it("leaves complete facts and no marks after the scale seed's bulk load", async () => {
    await insertAnalyticsFixture(t.db);
    await seedScale(t.db, { meetings: 400, seed: 5 });
    expect(await dirtyCount(t.db)).toBe(0);
    const [row] = await queryRows<{ facts: number; base: number }>(
      t.db,
      sql`select (select sum(meetings) from fact_partner_month)::int as facts,
        (select count(*) from meetings m join meeting_partners mp on mp.meeting_id = m.id where m.status <> 'rejected')::int as base`,
    );
    expect(row.facts).toBe(row.base);
    await expectFactsEqualBase(t.db, [{}, { includePending: true, granularity: "year" }]);
  });

  it("does not double count when refreshes run at the same time", async () => {
    const ids = await insertAnalyticsFixture(t.db);
    await insertRandomWorld(t.db, ids, 3, 40);
    // Marks from many transactions, then several refreshes at once (separate connections on PostgreSQL).
    for (let i = 0; i < 4; i++) await t.db.update(meetings).set({ kind: "other" }).where(sql`${meetings.id} % 4 = ${i}`);
    await Promise.all(Array.from({ length: 4 }, () => t.db.execute(sql`select analytics_refresh_facts()`)));
    await Promise.all([
      t.db.execute(sql`select analytics_rebuild_facts()`),
      t.db.execute(sql`select analytics_rebuild_facts()`),
      t.db.execute(sql`select analytics_refresh_facts()`),
    ]);
    const [row] = await queryRows<{ facts: number; base: number }>(
      t.db,
      sql`select (select sum(meetings) from fact_month)::int as facts,
        (select count(*) from meetings where status <> 'rejected')::int as base`,
    );
    expect(row.facts).toBe(row.base);
    await expectFactsEqualBase(t.db, [{}, { includePending: true }]);
  });
});
