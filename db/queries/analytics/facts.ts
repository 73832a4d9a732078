// The chart aggregations answered from the monthly fact tables (migrations 0006/0007)
// instead of the meetings: a few thousand pre-counted rows in place of a scan of every
// meeting. Only filters the facts answer EXACTLY are routed here (see the can* helpers);
// everything else keeps the base-table SQL of each chart's module, which narrow filters make
// fast through indexes. tests/integration/analytics-facts.test.ts checks that both
// paths give the same answers.
import { sql, type SQL } from "drizzle-orm";
import type { AnalyticsFilter } from "@/lib/analytics/filters";

/** Recomputes the months writes marked dirty; one probe of an empty table when none are. */
export const refreshFactsSql = sql`select analytics_refresh_facts()`;

/** The first day of the month "from" starts and the first day of the month "to" ends, or null when either cuts a month. */
export function monthRange(f: Pick<AnalyticsFilter, "from" | "to">): { from?: string; to?: string } | null {
  const out: { from?: string; to?: string } = {};
  if (f.from) {
    if (!/^\d{4}-\d{2}-01$/.test(f.from)) return null;
    out.from = f.from;
  }
  if (f.to) {
    const d = new Date(`${f.to}T00:00:00Z`);
    if (Number.isNaN(d.getTime())) return null;
    const next = new Date(d.getTime() + 86_400_000);
    if (next.getUTCDate() !== 1) return null; // not the last day of its month
    out.to = `${f.to.slice(0, 8)}01`;
  }
  return out;
}

type FactDims = "theme" | "kindOfficial";

/**
 * Whether the facts answer the filter exactly: never with a partner or partner-type
 * filter (the facts hold no partner sets per meeting), dates only in whole months, a
 * theme only where the chart has a partner × theme table, kind and official only in
 * fact_month (the other tables would grow to the size of the base rows with them).
 */
export function factsAnswer(f: AnalyticsFilter, dims: FactDims[] = []): boolean {
  if (f.partnerId || f.partnerType) return false;
  if (f.theme && !dims.includes("theme")) return false;
  if ((f.kind || f.official) && !dims.includes("kindOfficial")) return false;
  return monthRange(f) != null;
}

/** The WHERE of a fact read: status, whole-month range, and kind/official where the table has them. */
export function factWhere(f: AnalyticsFilter, alias: string, o: { kindOfficial?: boolean } = {}): SQL {
  const a = sql.raw(alias);
  const where: SQL[] = [f.includePending ? sql`${a}.status in ('approved', 'pending')` : sql`${a}.status = 'approved'`];
  const range = monthRange(f);
  if (!range) throw new Error("the facts cannot answer a date range that cuts a month");
  // A bound excludes undated meetings (month null), as "m.date >= from" does on the base rows.
  if (range.from) where.push(sql`${a}.month >= ${range.from}::date`);
  if (range.to) where.push(sql`${a}.month <= ${range.to}::date`);
  if (o.kindOfficial) {
    if (f.kind) where.push(sql`${a}.kind = ${f.kind}::meeting_kind`);
    if (f.official) where.push(sql`${a}.home_official = ${f.official}`);
  }
  return sql.join(where, sql` and `);
}

/** approved / pending sums of pre-counted rows; 0 (not null) where a group has none of a status. */
export const factSplit = (alias: string, measure = "meetings") =>
  sql.raw(`coalesce(sum(${alias}.${measure}) filter (where ${alias}.status = 'approved'), 0)::int as approved,
    coalesce(sum(${alias}.${measure}) filter (where ${alias}.status = 'pending'), 0)::int as pending`);

/** Meetings per partner and month: fact_partner_month, or the theme's slice of fact_partner_theme_month. */
export function partnerMonthSource(f: AnalyticsFilter, alias: string): SQL {
  const a = sql.raw(alias);
  return f.theme
    ? sql`(select month, status, partner_id, meetings from fact_partner_theme_month where theme_code = ${f.theme}) ${a}`
    : sql`fact_partner_month ${a}`;
}
