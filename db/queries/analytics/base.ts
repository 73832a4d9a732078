// What every chart query shares: the options a chart takes, the "fm" CTE of the meetings
// the filter selects, the approved/pending split, localised names, and the choice between
// the monthly fact tables and the base tables. Filters select meetings, and every chart
// describes those meetings: a meeting with two partners counts once for each partner,
// once per theme. When pending records are included every count is split into
// approved/pending. Where the filter allows an exact answer from the monthly fact tables
// (whole months, no partner filter; see facts.ts) a chart reads those instead.
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/index";
import type { AnalyticsFilter, Granularity } from "@/lib/analytics/filters";
import type { Locale } from "@/lib/i18n/config";
import { factsAnswer, refreshFactsSql } from "./facts";

export interface Split {
  approved: number;
  pending: number;
}


export interface ChartOptions {
  filter: AnalyticsFilter;
  locale?: Locale;
  /** false: always the base-table SQL (the tests hold the fact answers against it). */
  facts?: boolean;
}

/** Granularity is an enum checked by zod; inlined because date_trunc's unit must match in select and group by. */
export function unit(g: Granularity): SQL {
  if (g !== "month" && g !== "quarter" && g !== "year") throw new Error(`bad granularity ${String(g)}`);
  return sql.raw(`'${g}'`);
}

/** "with recursive partner_scope(...), fm as (...)": the meetings the filter selects. */
export function filteredMeetings(f: AnalyticsFilter): SQL {
  const where: SQL[] = [
    f.includePending ? sql`m.status in ('approved', 'pending')` : sql`m.status = 'approved'`,
  ];
  if (f.from) where.push(sql`m.date >= ${f.from}::date`);
  if (f.to) where.push(sql`m.date <= ${f.to}::date`);
  if (f.kind) where.push(sql`m.kind = ${f.kind}::meeting_kind`);
  if (f.official) where.push(sql`m.home_official = ${f.official}`);
  if (f.theme) {
    where.push(sql`exists (select 1 from meeting_themes mt0 where mt0.meeting_id = m.id and mt0.theme_code = ${f.theme})`);
  }
  if (f.partnerId) {
    where.push(
      sql`exists (select 1 from meeting_partners mp0 where mp0.meeting_id = m.id and mp0.partner_id in (select id from partner_scope))`,
    );
  }
  if (f.partnerType) {
    where.push(sql`exists (select 1 from meeting_partners mp1 join partners p1 on p1.id = mp1.partner_id
      where mp1.meeting_id = m.id and p1.type = ${f.partnerType}::partner_type)`);
  }
  // The scope walks parent_id down from the chosen partner (ОБСЕ → ПА ОБСЕ, Офис программ ОБСЕ, ...);
  // "union" (not "union all") stops on an accidental cycle.
  const scope = f.partnerId
    ? sql`partner_scope(id) as (
        select ${f.partnerId}::int
        union
        select p.id from partners p join partner_scope s on p.parent_id = s.id
      ),`
    : sql``;
  return sql`with recursive ${scope} fm as (
    select m.id, m.date, m.kind, m.status, m.home_official
    from meetings m
    where ${sql.join(where, sql` and `)}
  )`;
}

/**
 * approved / pending counts of rows. Callers make each row one meeting (grouping
 * first where a meeting could repeat), so a plain count(*) suffices: count(distinct)
 * would sort every row instead of hashing.
 */
export const split = (alias = "fm") =>
  sql.raw(`count(*) filter (where ${alias}.status = 'approved')::int as approved,
    count(*) filter (where ${alias}.status = 'pending')::int as pending`);

export function partnerName(locale: Locale | undefined, alias = "p"): SQL {
  return locale === "en" ? sql.raw(`coalesce(${alias}.name_en, ${alias}.name_ru)`) : sql.raw(`${alias}.name_ru`);
}

export function themeLabel(locale: Locale | undefined, alias = "t"): SQL {
  return locale === "en" ? sql.raw(`${alias}.label_en`) : sql.raw(`${alias}.label_ru`);
}

/** Whether this chart may read the fact tables for these options (see factsAnswer). */
export const answerFromFacts = (o: ChartOptions, dims?: Parameters<typeof factsAnswer>[1]) => o.facts !== false && factsAnswer(o.filter, dims);

/** A read of the fact tables: the months writes marked dirty are recomputed first (a separate statement, so the read sees them). */
export async function fromFacts<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  await queryRows(db, refreshFactsSql);
  return queryRows<T>(db, query);
}
