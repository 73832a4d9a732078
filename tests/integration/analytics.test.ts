// Every aggregation against the hand-counted fixture in tests/helpers/fixtures-analytics.ts.
// Approved: m1 m2 m3 m4 m6 m8 m10 m11; pending: m5 m9; rejected m7 is never counted; m8 has no date.
import { describe, expect, it } from "vitest";
import {
  countFiltered,
  datedSpan,
  meetingsByKind,
  notMetForAWhile,
  partnerCountries,
  partnersByRegion,
  partnersByType,
  partnersOverTime,
  partnerThemeHeatmap,
  themesOverTime,
  topCounterparts,
  topOfficials,
} from "@/db/queries/analytics";
import { defaultFilter, type AnalyticsFilter } from "@/lib/analytics/filters";
import { insertAnalyticsFixture, OFFICIALS } from "../helpers/fixtures-analytics";
import { testDbKinds, useTestDb } from "../helpers/test-db";

const f = (over: Partial<AnalyticsFilter> = {}): AnalyticsFilter => ({ ...defaultFilter, ...over });

describe.each(testDbKinds())("analytics aggregations on %s", (kind) => {
  const t = useTestDb(kind);

  it("counts approved only by default and splits pending when asked", async () => {
    await insertAnalyticsFixture(t.db);
    expect(await countFiltered(t.db, { filter: f() })).toEqual({ approved: 8, pending: 0 });
    expect(await countFiltered(t.db, { filter: f({ includePending: true }) })).toEqual({ approved: 8, pending: 2 });
  });

  it("rolls a parent organisation up with everything under it", async () => {
    const ids = await insertAnalyticsFixture(t.db);
    // ОБСЕ: m4 itself, m3 through ПА ОБСЕ, m5 (pending) through Офис программ ОБСЕ.
    expect(await countFiltered(t.db, { filter: f({ partnerId: ids.partners.OSCE }) })).toEqual({ approved: 2, pending: 0 });
    expect(await countFiltered(t.db, { filter: f({ partnerId: ids.partners.OSCE, includePending: true }) })).toEqual({ approved: 2, pending: 1 });
    // A child alone is not widened to its parent or siblings.
    expect(await countFiltered(t.db, { filter: f({ partnerId: ids.partners.PA, includePending: true }) })).toEqual({ approved: 1, pending: 0 });
  });

  it("applies date, theme, kind, official and partner-type filters", async () => {
    await insertAnalyticsFixture(t.db);
    expect(await countFiltered(t.db, { filter: f({ from: "2024-02-01", to: "2024-06-30" }) })).toEqual({ approved: 3, pending: 0 }); // m3 m4 m10
    expect(await countFiltered(t.db, { filter: f({ theme: "security" }) })).toEqual({ approved: 3, pending: 0 }); // m1 m4 m8
    expect(await countFiltered(t.db, { filter: f({ kind: "phone_call", includePending: true }) })).toEqual({ approved: 1, pending: 1 }); // m2, m9
    expect(await countFiltered(t.db, { filter: f({ official: OFFICIALS.ash }) })).toEqual({ approved: 3, pending: 0 }); // m1 m3 m6
    expect(await countFiltered(t.db, { filter: f({ partnerType: "organization" }) })).toEqual({ approved: 3, pending: 0 }); // m3 m4 m8
  });

  it("charts meetings per partner per month with the top N and 'other'", async () => {
    const ids = await insertAnalyticsFixture(t.db);
    // Dated approved meetings per partner: Россия 4 (m1 m2 m6 m10), Китай 2 (m2 m11), ПА ОБСЕ, ОБСЕ, Германия 1 each.
    const r = await partnersOverTime(t.db, { filter: f(), top: 2 });
    expect(r.series).toEqual([
      { partnerId: ids.partners.RU, name: "Россия", total: 4 },
      { partnerId: ids.partners.CN, name: "Китай", total: 2 },
      // m3 in February; m4 in April once for ОБСЕ and once for Германия ("other" sums the
      // remaining partners' counts, the height of their stacked segments).
      { partnerId: null, name: null, total: 3 },
    ]);
    const RU = ids.partners.RU, CN = ids.partners.CN;
    expect(r.points).toEqual([
      { period: "2024-01-01", partnerId: RU, approved: 2, pending: 0 },
      { period: "2024-01-01", partnerId: CN, approved: 1, pending: 0 },
      { period: "2024-02-01", partnerId: RU, approved: 1, pending: 0 },
      { period: "2024-02-01", partnerId: null, approved: 1, pending: 0 },
      { period: "2024-04-01", partnerId: null, approved: 2, pending: 0 },
      { period: "2024-10-01", partnerId: CN, approved: 1, pending: 0 },
      { period: "2025-03-01", partnerId: RU, approved: 1, pending: 0 },
    ]);
  });

  it("truncates to quarters and years", async () => {
    const ids = await insertAnalyticsFixture(t.db);
    const RU = ids.partners.RU, CN = ids.partners.CN;
    const q = await partnersOverTime(t.db, { filter: f({ granularity: "quarter" }), top: 2 });
    expect(q.points).toEqual([
      { period: "2024-01-01", partnerId: RU, approved: 3, pending: 0 },
      { period: "2024-01-01", partnerId: CN, approved: 1, pending: 0 },
      { period: "2024-01-01", partnerId: null, approved: 1, pending: 0 },
      { period: "2024-04-01", partnerId: null, approved: 2, pending: 0 },
      { period: "2024-10-01", partnerId: CN, approved: 1, pending: 0 },
      { period: "2025-01-01", partnerId: RU, approved: 1, pending: 0 },
    ]);
    const y = await partnersOverTime(t.db, { filter: f({ granularity: "year" }), top: 2 });
    expect(y.points).toEqual([
      { period: "2024-01-01", partnerId: RU, approved: 3, pending: 0 },
      { period: "2024-01-01", partnerId: CN, approved: 2, pending: 0 },
      { period: "2024-01-01", partnerId: null, approved: 3, pending: 0 },
      { period: "2025-01-01", partnerId: RU, approved: 1, pending: 0 },
    ]);
  });

  it("marks pending meetings in the per-partner series", async () => {
    const ids = await insertAnalyticsFixture(t.db);
    // With m5 (Офис программ ОБСЕ) and m9 (Китай) pending: Китай 3 in all, Россия still 4.
    const r = await partnersOverTime(t.db, { filter: f({ includePending: true, granularity: "year" }), top: 2 });
    expect(r.series.map((s) => [s.name, s.total])).toEqual([["Россия", 4], ["Китай", 3], [null, 4]]);
    expect(r.points.find((p) => p.period === "2024-01-01" && p.partnerId === ids.partners.CN)).toEqual({
      period: "2024-01-01", partnerId: ids.partners.CN, approved: 2, pending: 1,
    });
    expect(r.points.find((p) => p.period === "2024-01-01" && p.partnerId === null)).toEqual({
      period: "2024-01-01", partnerId: null, approved: 3, pending: 1,
    });
  });

  it("names partners and themes in English when asked", async () => {
    await insertAnalyticsFixture(t.db);
    const r = await partnersOverTime(t.db, { filter: f(), top: 1, locale: "en" });
    expect(r.series[0].name).toBe("Russia");
    const th = await themesOverTime(t.db, { filter: f({ granularity: "year" }), locale: "en" });
    expect(th.map((p) => p.label)).toContain("Economy");
  });

  it("counts themes over time with their share of the period's meetings", async () => {
    await insertAnalyticsFixture(t.db);
    // 2024: six dated approved meetings (m1 m2 m3 m4 m10 m11); economy in four, security in two, interparliamentary in one.
    const r = await themesOverTime(t.db, { filter: f({ granularity: "year" }) });
    expect(r.map(({ period, theme, approved, pending, periodTotal }) => ({ period, theme, approved, pending, periodTotal }))).toEqual([
      { period: "2024-01-01", theme: "interparliamentary", approved: 1, pending: 0, periodTotal: 6 },
      { period: "2024-01-01", theme: "security", approved: 2, pending: 0, periodTotal: 6 },
      { period: "2024-01-01", theme: "economy", approved: 4, pending: 0, periodTotal: 6 },
      { period: "2025-01-01", theme: "interparliamentary", approved: 1, pending: 0, periodTotal: 1 },
    ]);
    expect(r.map((p) => p.share)).toEqual([1 / 6, 2 / 6, 4 / 6, 1].map((x) => expect.closeTo(x, 10)));

    const withPending = await themesOverTime(t.db, { filter: f({ granularity: "year", includePending: true }) });
    const y2024 = withPending.filter((p) => p.period === "2024-01-01");
    expect(y2024.map((p) => [p.theme, p.approved, p.pending, p.periodTotal])).toEqual([
      ["interparliamentary", 1, 1, 8],
      ["security", 2, 1, 8],
      ["economy", 4, 1, 8],
    ]);
    expect(y2024[2].share).toBeCloseTo(5 / 8, 10);
  });

  it("builds the partner × theme heat map for the top partners", async () => {
    const ids = await insertAnalyticsFixture(t.db);
    const h = await partnerThemeHeatmap(t.db, { filter: f(), top: 2 });
    expect(h.partners).toEqual([
      { partnerId: ids.partners.RU, name: "Россия", total: 4 },
      { partnerId: ids.partners.CN, name: "Китай", total: 2 },
    ]);
    expect(h.themes.map((x) => x.theme)).toEqual(["interparliamentary", "security", "economy"]);
    expect(h.cells.map((c) => [c.partnerName, c.theme, c.approved, c.pending])).toEqual([
      ["Россия", "interparliamentary", 1, 0], // m6
      ["Россия", "security", 1, 0], // m1
      ["Россия", "economy", 3, 0], // m1 m2 m10
      ["Китай", "economy", 2, 0], // m2 m11
    ]);
  });

  it("groups partners by type and by region", async () => {
    await insertAnalyticsFixture(t.db);
    expect(await partnersByType(t.db, { filter: f() })).toEqual([
      { type: "country", approved: 6, pending: 0, partners: 3 }, // m1 m2 m4 m6 m10 m11; Россия Китай Германия
      { type: "organization", approved: 3, pending: 0, partners: 3 }, // m3 m4 m8; ПА ОБСЕ, ОБСЕ, ООН
    ]);
    expect(await partnersByRegion(t.db, { filter: f() })).toEqual([
      { region: "СНГ", approved: 4, pending: 0, partners: 1 },
      { region: null, approved: 3, pending: 0, partners: 3 },
      { region: "Азия", approved: 2, pending: 0, partners: 1 },
      { region: "Европа", approved: 1, pending: 0, partners: 1 },
    ]);
  });

  it("lists partner countries with ISO codes for the map", async () => {
    const ids = await insertAnalyticsFixture(t.db);
    expect(await partnerCountries(t.db, { filter: f({ includePending: true }) })).toEqual([
      { partnerId: ids.partners.RU, code: "RU", name: "Россия", approved: 4, pending: 0 },
      { partnerId: ids.partners.CN, code: "CN", name: "Китай", approved: 2, pending: 1 },
      { partnerId: ids.partners.DE, code: "DE", name: "Германия", approved: 1, pending: 0 }, // m7 (rejected) not counted
    ]);
  });

  it("ranks counterparts (following person merges) and home officials", async () => {
    const ids = await insertAnalyticsFixture(t.db);
    expect(await topCounterparts(t.db, { filter: f() })).toEqual([
      { personId: null, name: "Вячеслав Володин", approved: 2, pending: 0 },
      { personId: ids.people.sederfelt, name: "Маргарета Седерфельт", approved: 1, pending: 0 },
      { personId: null, name: "Си Цзиньпин", approved: 1, pending: 0 },
    ]);
    // m5 names her "М. Седерфельт" but links the same person; m3 links a duplicate merged into her.
    const withPending = await topCounterparts(t.db, { filter: f({ includePending: true }), limit: 2 });
    // A tie at two meetings is broken by name.
    expect(withPending).toEqual([
      { personId: null, name: "Вячеслав Володин", approved: 2, pending: 0 },
      { personId: ids.people.sederfelt, name: "Маргарета Седерфельт", approved: 1, pending: 1 },
    ]);
    expect(await topOfficials(t.db, { filter: f() })).toEqual([
      { official: OFFICIALS.ash, approved: 3, pending: 0 },
      { official: OFFICIALS.kosh, approved: 2, pending: 0 },
      { official: OFFICIALS.tok, approved: 2, pending: 0 },
      { official: OFFICIALS.nurt, approved: 1, pending: 0 },
    ]);
  });

  it("counts meetings by kind", async () => {
    await insertAnalyticsFixture(t.db);
    expect(await meetingsByKind(t.db, { filter: f({ includePending: true }) })).toEqual([
      { kind: "meeting", approved: 5, pending: 1 },
      { kind: "phone_call", approved: 1, pending: 1 },
      { kind: "conference", approved: 1, pending: 0 },
      { kind: "statement", approved: 1, pending: 0 },
    ]);
  });

  it("finds partners not met for longer than their usual interval", async () => {
    const ids = await insertAnalyticsFixture(t.db);
    // Россия: 2024-01-10, 01-20, 02-10, 2025-03-01 → gaps 10, 21, 385 days, median 21; 92 days silent by 2025-06-01.
    const approvedOnly = await notMetForAWhile(t.db, { filter: f(), asOf: "2025-06-01" });
    expect(approvedOnly).toEqual([
      { partnerId: ids.partners.RU, name: "Россия", meetings: 4, pendingDays: 0, lastDate: "2025-03-01", daysSince: 92, medianGap: 21, overdue: expect.closeTo(92 / 21, 10) },
    ]);
    // Китай with m9 pending: 2024-01-20, 07-01, 10-01 → gaps 163, 92, median 127.5; 243 days silent.
    const withPending = await notMetForAWhile(t.db, { filter: f({ includePending: true }), asOf: "2025-06-01" });
    expect(withPending.map((r) => r.partnerId)).toEqual([ids.partners.RU, ids.partners.CN]);
    expect(withPending[1]).toEqual({
      partnerId: ids.partners.CN, name: "Китай", meetings: 3, pendingDays: 1, lastDate: "2024-10-01", daysSince: 243, medianGap: 127.5, overdue: expect.closeTo(243 / 127.5, 10),
    });
  });

  it("finds the dated span of the counted records", async () => {
    expect(await datedSpan(t.db, { includePending: false })).toEqual({ first: null, last: null });
    await insertAnalyticsFixture(t.db);
    // m7 (rejected, 2024-03-10) and m8 (undated) do not widen it.
    expect(await datedSpan(t.db, { includePending: false })).toEqual({ first: "2024-01-10", last: "2025-03-01" });
    expect(await datedSpan(t.db, { includePending: true })).toEqual({ first: "2024-01-10", last: "2025-03-01" });
  });

  it("returns empty results, not errors, when nothing matches", async () => {
    await insertAnalyticsFixture(t.db);
    const none = f({ from: "2030-01-01" });
    expect(await partnersOverTime(t.db, { filter: none })).toEqual({ series: [], points: [] });
    expect(await themesOverTime(t.db, { filter: none })).toEqual([]);
    expect(await notMetForAWhile(t.db, { filter: none })).toEqual([]);
    expect(await countFiltered(t.db, { filter: none })).toEqual({ approved: 0, pending: 0 });
  });
});
