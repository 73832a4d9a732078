// The chart aggregations. Each one takes the parsed filter, selects the matching
// meetings in one CTE ("fm") and aggregates in SQL; only the aggregated rows reach
// JavaScript. Filters select meetings, and every chart describes those meetings:
// a meeting with two partners counts once for each partner, once per theme.
// When pending records are included every count is split into approved/pending.
// Where the filter allows an exact answer from the monthly fact tables (whole months,
// no partner filter; see analytics-facts.ts) a chart reads those instead of the meetings.
import { sql, type SQL } from "drizzle-orm";
import { getDb, queryRows, type DbOrTx } from "@/db/index";
import type { AnalyticsFilter, Granularity } from "@/lib/analytics/filters";
import type { Locale } from "@/lib/i18n/config";
import { factSplit, factsAnswer, factWhere, partnerMonthSource, refreshFactsSql } from "./analytics-facts";

export interface Split {
  approved: number;
  pending: number;
}

interface Options {
  filter: AnalyticsFilter;
  locale?: Locale;
  db?: DbOrTx;
  /** false: always the base-table SQL (the tests hold the fact answers against it). */
  facts?: boolean;
}

/** Granularity is an enum checked by zod; inlined because date_trunc's unit must match in select and group by. */
function unit(g: Granularity): SQL {
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
const split = (alias = "fm") =>
  sql.raw(`count(*) filter (where ${alias}.status = 'approved')::int as approved,
    count(*) filter (where ${alias}.status = 'pending')::int as pending`);

function partnerName(locale: Locale | undefined, alias = "p"): SQL {
  return locale === "en" ? sql.raw(`coalesce(${alias}.name_en, ${alias}.name_ru)`) : sql.raw(`${alias}.name_ru`);
}

function themeLabel(locale: Locale | undefined, alias = "t"): SQL {
  return locale === "en" ? sql.raw(`${alias}.label_en`) : sql.raw(`${alias}.label_ru`);
}

const db = (o: Options) => o.db ?? getDb();

const useFacts = (o: Options, dims?: Parameters<typeof factsAnswer>[1]) => o.facts !== false && factsAnswer(o.filter, dims);

/** A read of the fact tables: the months writes marked dirty are recomputed first (a separate statement, so the read sees them). */
async function fromFacts<T>(o: Options, query: SQL): Promise<T[]> {
  await queryRows(db(o), refreshFactsSql);
  return queryRows<T>(db(o), query);
}

// ---------------------------------------------------------------- partners over time

export interface PartnerSeries {
  /**
   * null is "other": every partner outside the top N, each meeting counted once per
   * such partner (the height their stacked segments would have), which the monthly
   * facts give exactly.
   */
  partnerId: number | null;
  name: string | null;
  total: number;
}

export interface PartnersOverTime {
  series: PartnerSeries[];
  points: ({ period: string; partnerId: number | null } & Split)[];
}

/** Meetings per partner per period, for the top N partners of the whole range plus "other". */
export async function partnersOverTime(o: Options & { top?: number }): Promise<PartnersOverTime> {
  const top = Math.max(1, Math.min(o.top ?? 8, 50));
  const g = unit(o.filter.granularity);
  type Row = { period: string; partnerId: number | null; name: string | null; approved: number; pending: number; total: number };
  const select = (split: SQL) => sql`
    top as (
      select partner_id, sum(n)::int as total from pm group by partner_id order by total desc, partner_id limit ${top}
    ),
    agg as (
      select pm.period, top.partner_id, ${split} from pm left join top on top.partner_id = pm.partner_id group by pm.period, top.partner_id
    )
    select to_char(agg.period, 'YYYY-MM-DD') as period, agg.partner_id as "partnerId", ${partnerName(o.locale)} as name,
      agg.approved, agg.pending, coalesce(top.total, 0)::int as total
    from agg left join top on top.partner_id = agg.partner_id left join partners p on p.id = agg.partner_id
    order by agg.period, top.total desc nulls last, agg.partner_id`;
  const rows = useFacts(o, ["theme"])
    ? await fromFacts<Row>(
        o,
        sql`with pm as (
          select date_trunc(${g}, f.month)::date as period, f.partner_id, f.status, f.meetings as n
          from ${partnerMonthSource(o.filter, "f")} where ${factWhere(o.filter, "f")} and f.month is not null
        ), ${select(factSplit("pm", "n"))}`,
      )
    : await queryRows<Row>(
        db(o),
        sql`${filteredMeetings(o.filter)},
        pm as (
          select fm.status, date_trunc(${g}, fm.date)::date as period, mp.partner_id, 1 as n
          from fm join meeting_partners mp on mp.meeting_id = fm.id
          where fm.date is not null
        ), ${select(split("pm"))}`,
      );
  const series = new Map<string, PartnerSeries>();
  let otherTotal = 0;
  for (const r of rows) {
    if (r.partnerId == null) otherTotal += r.approved + r.pending;
    else if (!series.has(String(r.partnerId))) series.set(String(r.partnerId), { partnerId: r.partnerId, name: r.name, total: r.total });
  }
  const ordered = [...series.values()].sort((a, b) => b.total - a.total || (a.partnerId ?? 0) - (b.partnerId ?? 0));
  if (otherTotal > 0) ordered.push({ partnerId: null, name: null, total: otherTotal });
  return {
    series: ordered,
    points: rows.map((r) => ({ period: r.period, partnerId: r.partnerId, approved: r.approved, pending: r.pending })),
  };
}

// ---------------------------------------------------------------- themes over time

export interface ThemePoint extends Split {
  period: string;
  theme: string;
  label: string;
  /** Meetings in the period (approved + pending when included), the share's denominator. */
  periodTotal: number;
  /** The fraction of the period's meetings that touch this theme (themes overlap, so shares do not sum to 1). */
  share: number;
}

export async function themesOverTime(o: Options): Promise<ThemePoint[]> {
  const g = unit(o.filter.granularity);
  const final = sql`select to_char(tc.period, 'YYYY-MM-DD') as period, tc.theme_code as theme, ${themeLabel(o.locale)} as label,
      tc.approved, tc.pending, totals.total as "periodTotal",
      ((tc.approved + tc.pending)::float8 / totals.total) as share
    from tc join totals on totals.period = tc.period join themes t on t.code = tc.theme_code
    order by tc.period, t.sort_order, t.code`;
  if (useFacts(o, ["theme"])) {
    // Under a theme filter the period's meetings are those about the theme, and each theme
    // counts the meetings about both: the pairs table holds exactly that.
    const theme = o.filter.theme;
    const totalsFrom = theme ? sql`(select * from fact_theme_month where theme_code = ${theme}) f` : sql`fact_month f`;
    const themesFrom = theme
      ? sql`(select month, status, other_code as theme_code, meetings from fact_theme_pair_month where theme_code = ${theme}) f`
      : sql`fact_theme_month f`;
    return fromFacts<ThemePoint>(
      o,
      sql`with totals as (
        select date_trunc(${g}, f.month)::date as period, sum(f.meetings)::int as total
        from ${totalsFrom} where ${factWhere(o.filter, "f")} and f.month is not null group by 1
      ),
      tc as (
        select date_trunc(${g}, f.month)::date as period, f.theme_code, ${factSplit("f")}
        from ${themesFrom} where ${factWhere(o.filter, "f")} and f.month is not null group by 1, 2
      )
      ${final}`,
    );
  }
  return queryRows<ThemePoint>(
    db(o),
    sql`${filteredMeetings(o.filter)},
    dated as (select fm.id, fm.status, date_trunc(${g}, fm.date)::date as period from fm where fm.date is not null),
    totals as (select period, count(*)::int as total from dated group by period),
    tc as (
      select dated.period, mt.theme_code, ${split("dated")}
      from dated join meeting_themes mt on mt.meeting_id = dated.id
      group by dated.period, mt.theme_code
    )
    ${final}`,
  );
}

// ---------------------------------------------------------------- partner × theme

export interface HeatCell extends Split {
  partnerId: number;
  partnerName: string;
  theme: string;
  label: string;
}

export interface HeatMap {
  partners: { partnerId: number; name: string; total: number }[];
  themes: { theme: string; label: string }[];
  cells: HeatCell[];
}

/** The top N partners (by meetings) against every theme they met about. */
export async function partnerThemeHeatmap(o: Options & { top?: number }): Promise<HeatMap> {
  const top = Math.max(1, Math.min(o.top ?? 12, 50));
  type Row = HeatCell & { total: number; sortOrder: number };
  const final = sql`select agg.partner_id as "partnerId", ${partnerName(o.locale)} as "partnerName", agg.theme_code as theme,
      ${themeLabel(o.locale)} as label, agg.approved, agg.pending, top.total, t.sort_order as "sortOrder"
    from agg join top on top.partner_id = agg.partner_id join partners p on p.id = agg.partner_id
      join themes t on t.code = agg.theme_code
    order by top.total desc, agg.partner_id, t.sort_order, t.code`;
  const rows = useFacts(o)
    ? await fromFacts<Row>(
        o,
        sql`with top as (
          select f.partner_id, sum(f.meetings)::int as total from fact_partner_month f where ${factWhere(o.filter, "f")}
          group by f.partner_id order by total desc, f.partner_id limit ${top}
        ),
        -- Per top partner through the partner index: a join hashed the whole table (2x slower).
        agg as (
          select top.partner_id, x.theme_code, x.approved, x.pending
          from top cross join lateral (
            select f.theme_code, ${factSplit("f")}
            from fact_partner_theme_month f
            where f.partner_id = top.partner_id and ${factWhere(o.filter, "f")}
            group by f.theme_code
          ) x
        )
        ${final}`,
      )
    : await queryRows<Row>(
        db(o),
        sql`${filteredMeetings(o.filter)},
        pm as (select fm.id, fm.status, mp.partner_id from fm join meeting_partners mp on mp.meeting_id = fm.id),
        top as (select partner_id, count(*)::int as total from pm group by partner_id order by total desc, partner_id limit ${top}),
        agg as (
          select pm.partner_id, mt.theme_code, ${split("pm")}
          from pm join top on top.partner_id = pm.partner_id join meeting_themes mt on mt.meeting_id = pm.id
          group by pm.partner_id, mt.theme_code
        )
        ${final}`,
      );
  const partners = new Map<number, { partnerId: number; name: string; total: number }>();
  const themes = new Map<string, { theme: string; label: string; sortOrder: number }>();
  for (const r of rows) {
    if (!partners.has(r.partnerId)) partners.set(r.partnerId, { partnerId: r.partnerId, name: r.partnerName, total: r.total });
    if (!themes.has(r.theme)) themes.set(r.theme, { theme: r.theme, label: r.label, sortOrder: r.sortOrder });
  }
  return {
    partners: [...partners.values()],
    themes: [...themes.values()].sort((a, b) => a.sortOrder - b.sortOrder || a.theme.localeCompare(b.theme)).map(({ theme, label }) => ({ theme, label })),
    cells: rows.map(({ partnerId, partnerName, theme, label, approved, pending }) => ({ partnerId, partnerName, theme, label, approved, pending })),
  };
}

// ---------------------------------------------------------------- partners by type / region / country

export interface TypeRow extends Split {
  type: "country" | "organization";
  partners: number;
}

export async function partnersByType(o: Options): Promise<TypeRow[]> {
  if (useFacts(o)) {
    return fromFacts<TypeRow>(
      o,
      sql`with per_type as (
        select f.type, ${factSplit("f")} from fact_partner_type_month f where ${factWhere(o.filter, "f")} group by f.type
      ),
      per_partner as (
        select p.type, count(distinct f.partner_id)::int as partners
        from fact_partner_month f join partners p on p.id = f.partner_id where ${factWhere(o.filter, "f")} group by p.type
      )
      select pt.type, pt.approved, pt.pending, pp.partners from per_type pt join per_partner pp on pp.type = pt.type order by pt.type`,
    );
  }
  return queryRows<TypeRow>(
    db(o),
    sql`${filteredMeetings(o.filter)},
    pairs as (
      select p.type, p.id as partner_id, fm.id, fm.status
      from fm join meeting_partners mp on mp.meeting_id = fm.id join partners p on p.id = mp.partner_id
    ),
    per_meeting as (select type, id, status from pairs group by type, id, status),
    per_partner as (select type, count(*)::int as partners from (select type, partner_id from pairs group by type, partner_id) x group by type)
    select pm.type, ${split("pm")}, min(pp.partners) as partners
    from per_meeting pm join per_partner pp on pp.type = pm.type
    group by pm.type order by pm.type`,
  );
}

export interface RegionRow extends Split {
  /** null: partners without a region (most organisations). */
  region: string | null;
  partners: number;
}

export async function partnersByRegion(o: Options): Promise<RegionRow[]> {
  if (useFacts(o)) {
    return fromFacts<RegionRow>(
      o,
      sql`with per_region as (
        select f.region, ${factSplit("f")} from fact_region_month f where ${factWhere(o.filter, "f")} group by f.region
      ),
      per_partner as (
        select p.region, count(distinct f.partner_id)::int as partners
        from fact_partner_month f join partners p on p.id = f.partner_id where ${factWhere(o.filter, "f")} group by p.region
      )
      select pr.region, pr.approved, pr.pending, pp.partners
      from per_region pr join per_partner pp on pp.region is not distinct from pr.region
      order by pr.approved + pr.pending desc, pr.region nulls last`,
    );
  }
  return queryRows<RegionRow>(
    db(o),
    sql`${filteredMeetings(o.filter)},
    pairs as (
      select p.region, p.id as partner_id, fm.id, fm.status
      from fm join meeting_partners mp on mp.meeting_id = fm.id join partners p on p.id = mp.partner_id
    ),
    per_meeting as (select region, id, status from pairs group by region, id, status),
    per_partner as (select region, count(*)::int as partners from (select region, partner_id from pairs group by region, partner_id) x group by region)
    select pm.region, ${split("pm")}, min(pp.partners) as partners
    from per_meeting pm join per_partner pp on pp.region is not distinct from pm.region
    group by pm.region order by count(*) desc, pm.region nulls last`,
  );
}

export interface CountryRow extends Split {
  partnerId: number;
  /** ISO 3166-1 alpha-2. */
  code: string;
  name: string;
}

/** Partner countries with a known ISO code, for the world map. */
export async function partnerCountries(o: Options): Promise<CountryRow[]> {
  if (useFacts(o, ["theme"])) {
    return fromFacts<CountryRow>(
      o,
      sql`select p.id as "partnerId", upper(p.code) as code, ${partnerName(o.locale)} as name, ${factSplit("f")}
      from ${partnerMonthSource(o.filter, "f")} join partners p on p.id = f.partner_id
      where ${factWhere(o.filter, "f")} and p.type = 'country' and p.code is not null
      group by p.id order by sum(f.meetings) desc, p.id`,
    );
  }
  return queryRows<CountryRow>(
    db(o),
    // Counted per partner before partners are joined: joined first, the planner started from
    // the 250 countries and hashed all their meeting links (89,000) to probe a few hundred meetings.
    sql`${filteredMeetings(o.filter)},
    per_partner as (select mp.partner_id, ${split()} from fm join meeting_partners mp on mp.meeting_id = fm.id group by mp.partner_id)
    select p.id as "partnerId", upper(p.code) as code, ${partnerName(o.locale)} as name, c.approved, c.pending
    from per_partner c join partners p on p.id = c.partner_id
    where p.type = 'country' and p.code is not null
    order by c.approved + c.pending desc, p.id`,
  );
}

// ---------------------------------------------------------------- people and kinds

export interface CounterpartRow extends Split {
  /** The person's id once identified (merges followed), else null and the row is keyed by name. */
  personId: number | null;
  name: string;
}

/** The partner-side participants met most often. */
export async function topCounterparts(o: Options & { limit?: number }): Promise<CounterpartRow[]> {
  const limit = Math.max(1, Math.min(o.limit ?? 10, 100));
  if (useFacts(o)) {
    return fromFacts<CounterpartRow>(
      o,
      sql`select f.person_id as "personId", coalesce(max(root.name), min(f.name)) as name, ${factSplit("f")}
      from fact_counterpart_month f left join people root on root.id = f.person_id
      where ${factWhere(o.filter, "f")}
      group by f.person_id, f.name_key
      order by sum(f.meetings) desc, 2
      limit ${limit}`,
    );
  }
  return queryRows<CounterpartRow>(
    db(o),
    sql`${filteredMeetings(o.filter)},
    named as (
      select fm.id, fm.status, coalesce(pe.merged_into_id, pe.id) as person_id,
        case when pe.id is null then lower(pa.name) end as name_key, min(pa.name) as name
      from fm join meeting_participants pa on pa.meeting_id = fm.id and pa.side = 'partner'
      left join people pe on pe.id = pa.person_id
      group by fm.id, fm.status, 3, 4
    )
    select n.person_id as "personId", coalesce(max(root.name), min(n.name)) as name, ${split("n")}
    from named n left join people root on root.id = n.person_id
    group by n.person_id, n.name_key
    order by count(*) desc, 2
    limit ${limit}`,
  );
}

export interface OfficialRow extends Split {
  official: string;
}

export async function topOfficials(o: Options & { limit?: number }): Promise<OfficialRow[]> {
  const limit = Math.max(1, Math.min(o.limit ?? 10, 100));
  if (useFacts(o, ["kindOfficial"])) {
    return fromFacts<OfficialRow>(
      o,
      sql`select f.home_official as official, ${factSplit("f")}
      from fact_month f where ${factWhere(o.filter, "f", { kindOfficial: true })} and f.home_official is not null
      group by f.home_official order by sum(f.meetings) desc, f.home_official
      limit ${limit}`,
    );
  }
  return queryRows<OfficialRow>(
    db(o),
    sql`${filteredMeetings(o.filter)}
    select fm.home_official as official, ${split()}
    from fm where fm.home_official is not null
    group by fm.home_official order by count(*) desc, fm.home_official
    limit ${limit}`,
  );
}

export interface KindRow extends Split {
  kind: "meeting" | "phone_call" | "conference" | "statement" | "other";
}

export async function meetingsByKind(o: Options): Promise<KindRow[]> {
  if (useFacts(o, ["kindOfficial"])) {
    return fromFacts<KindRow>(
      o,
      sql`select f.kind, ${factSplit("f")} from fact_month f where ${factWhere(o.filter, "f", { kindOfficial: true })}
      group by f.kind order by sum(f.meetings) desc, f.kind`,
    );
  }
  return queryRows<KindRow>(
    db(o),
    sql`${filteredMeetings(o.filter)}
    select fm.kind, ${split()} from fm group by fm.kind order by count(*) desc, fm.kind`,
  );
}

// ---------------------------------------------------------------- not met for a while

export interface DormantRow {
  partnerId: number;
  name: string;
  /** Distinct days on which the partner was met. */
  meetings: number;
  /** Of those days, how many have only pending records. */
  pendingDays: number;
  lastDate: string;
  daysSince: number;
  /** The median number of days between consecutive meetings. */
  medianGap: number;
  /** daysSince / medianGap: 3 means three usual intervals have passed without a meeting. */
  overdue: number;
}

/**
 * Partners whose silence is longest compared with their own rhythm: days since the
 * last meeting divided by the median gap between meetings. Partners met on fewer
 * than `minMeetings` days have no rhythm to compare with and are left out.
 */
export async function notMetForAWhile(o: Options & { asOf?: string; limit?: number; minMeetings?: number }): Promise<DormantRow[]> {
  const limit = Math.max(1, Math.min(o.limit ?? 10, 100));
  const minMeetings = Math.max(2, o.minMeetings ?? 3);
  const asOf = o.asOf ?? o.filter.to ?? new Date().toISOString().slice(0, 10);
  const f = o.filter;
  if (o.facts !== false && !f.from && !f.partnerId && !f.partnerType && !f.theme && !f.kind && !f.official) {
    return fromFacts<DormantRow>(o, dormantFromRhythm(o, asOf, limit, minMeetings));
  }
  return queryRows<DormantRow>(
    db(o),
    sql`${filteredMeetings(o.filter)},
    days as (
      select mp.partner_id, fm.date, bool_and(fm.status = 'pending') as only_pending
      from fm join meeting_partners mp on mp.meeting_id = fm.id
      where fm.date is not null and fm.date <= ${asOf}::date
      group by mp.partner_id, fm.date
    ),
    gaps as (
      select partner_id, date, only_pending, date - lag(date) over (partition by partner_id order by date) as gap from days
    ),
    stats as (
      select partner_id, count(*)::int as meetings, count(*) filter (where only_pending)::int as pending_days,
        max(date) as last_date, percentile_cont(0.5) within group (order by gap) as median_gap
      from gaps group by partner_id
    )
    select s.partner_id as "partnerId", ${partnerName(o.locale)} as name, s.meetings, s.pending_days as "pendingDays",
      to_char(s.last_date, 'YYYY-MM-DD') as "lastDate", (${asOf}::date - s.last_date)::int as "daysSince",
      s.median_gap::float8 as "medianGap", ((${asOf}::date - s.last_date) / s.median_gap)::float8 as overdue
    from stats s join partners p on p.id = s.partner_id
    where s.meetings >= ${minMeetings} and s.median_gap > 0
    order by overdue desc, "daysSince" desc, s.partner_id
    limit ${limit}`,
  );
}

/**
 * notMetForAWhile from partner_rhythm (each partner's rhythm over all its dated meetings),
 * valid when no counted meeting lies after the cut-off (asOf, or "to" if earlier): then
 * "all days" and "days up to the cut-off" are the same days. When one does, the second
 * branch computes from the meetings; the one-time filters run exactly one branch.
 */
function dormantFromRhythm(o: Options, asOf: string, limit: number, minMeetings: number): SQL {
  const f = o.filter;
  const cutoff = f.to && f.to < asOf ? f.to : asOf;
  const statuses = f.includePending ? sql`('approved', 'pending')` : sql`('approved')`;
  const later = sql`exists (select 1 from meetings m where m.status in ${statuses} and m.date > ${cutoff}::date)`;
  return sql`with days as (
      select mp.partner_id, m.date, bool_and(m.status = 'pending') as only_pending
      from meetings m join meeting_partners mp on mp.meeting_id = m.id
      where m.status in ${statuses} and m.date <= ${cutoff}::date
      group by mp.partner_id, m.date
    ),
    gaps as (
      select partner_id, date, only_pending, date - lag(date) over (partition by partner_id order by date) as gap from days
    ),
    stats as (
      select r.partner_id, r.days as meetings, r.pending_days, r.last_date, r.median_gap
      from partner_rhythm r where r.include_pending = ${f.includePending} and not ${later}
      union all
      select partner_id, count(*)::int, count(*) filter (where only_pending)::int, max(date),
        percentile_cont(0.5) within group (order by gap)
      from gaps where ${later} group by partner_id
    )
    select s.partner_id as "partnerId", ${partnerName(o.locale)} as name, s.meetings, s.pending_days as "pendingDays",
      to_char(s.last_date, 'YYYY-MM-DD') as "lastDate", (${asOf}::date - s.last_date)::int as "daysSince",
      s.median_gap::float8 as "medianGap", ((${asOf}::date - s.last_date) / s.median_gap)::float8 as overdue
    from stats s join partners p on p.id = s.partner_id
    where s.meetings >= ${minMeetings} and s.median_gap > 0
    order by overdue desc, "daysSince" desc, s.partner_id
    limit ${limit}`;
}

/** The filtered meetings' count, shown above the charts. */
export async function countFiltered(o: Options): Promise<Split> {
  if (useFacts(o, ["kindOfficial"])) {
    const [row] = await fromFacts<Split>(o, sql`select ${factSplit("f")} from fact_month f where ${factWhere(o.filter, "f", { kindOfficial: true })}`);
    return row;
  }
  const [row] = await queryRows<Split>(db(o), sql`${filteredMeetings(o.filter)} select ${split()} from fm`);
  return row;
}

// ---------------------------------------------------------------- export

export interface ExportRecord {
  id: number;
  date: string | null;
  status: "approved" | "pending";
  kind: KindRow["kind"];
  homeOfficial: string | null;
  location: string | null;
  partners: { id: number; name: string; type: "country" | "organization"; code: string | null }[];
  themes: { code: string; label: string }[];
  participants: { name: string; position: string | null; side: "home" | "partner" }[];
  article: { title: string | null; outlet: string | null; url: string | null; publishedOn: string | null };
}

/**
 * One page of the filtered records for the export, in id order after `afterId`
 * (keyset paging: the export streams page by page and never holds all rows).
 * Partners, themes and participants come aggregated per meeting from SQL.
 */
export async function exportPage(o: Options & { afterId?: number; limit?: number }): Promise<ExportRecord[]> {
  const limit = Math.max(1, Math.min(o.limit ?? 1000, 5000));
  return queryRows<ExportRecord>(
    db(o),
    sql`${filteredMeetings(o.filter)},
    page as (select fm.id from fm where fm.id > ${o.afterId ?? 0}::int order by fm.id limit ${limit})
    select m.id, to_char(m.date, 'YYYY-MM-DD') as date, m.status, m.kind, m.home_official as "homeOfficial", m.location,
      coalesce((select json_agg(json_build_object('id', p.id, 'name', ${partnerName(o.locale)}, 'type', p.type, 'code', p.code)
          order by ${partnerName(o.locale)}, p.id)
        from meeting_partners mp join partners p on p.id = mp.partner_id where mp.meeting_id = m.id), '[]'::json) as partners,
      coalesce((select json_agg(json_build_object('code', t.code, 'label', ${themeLabel(o.locale)}) order by t.sort_order, t.code)
        from meeting_themes mt join themes t on t.code = mt.theme_code where mt.meeting_id = m.id), '[]'::json) as themes,
      coalesce((select json_agg(json_build_object('name', pa.name, 'position', pa.position, 'side', pa.side) order by pa.side, pa.ordinal, pa.id)
        from meeting_participants pa where pa.meeting_id = m.id), '[]'::json) as participants,
      json_build_object('title', a.title, 'outlet', a.outlet, 'url', a.url, 'publishedOn', to_char(a.published_on, 'YYYY-MM-DD')) as article
    from page join meetings m on m.id = page.id join articles a on a.id = m.article_id
    order by m.id`,
  );
}

// ---------------------------------------------------------------- filter menus

export interface FilterOptions {
  partners: { id: number; name: string; type: "country" | "organization"; parentId: number | null }[];
  themes: { code: string; label: string }[];
  officials: string[];
}

export async function analyticsFilterOptions(o: { locale?: Locale; db?: DbOrTx } = {}): Promise<FilterOptions> {
  const d = o.db ?? getDb();
  const [partnerRows, themeRows, officialRows] = await Promise.all([
    queryRows<FilterOptions["partners"][number]>(
      d,
      sql`select p.id, ${partnerName(o.locale)} as name, p.type, p.parent_id as "parentId"
        from partners p where p.merged_into_id is null order by 2, p.id limit 2000`,
    ),
    queryRows<FilterOptions["themes"][number]>(
      d,
      sql`select t.code, ${themeLabel(o.locale)} as label from themes t where t.retired_at is null order by t.sort_order, t.code`,
    ),
    // A loose index scan: one index probe per distinct official instead of reading every meeting.
    queryRows<{ v: string }>(
      d,
      sql`with recursive o(v) as (
          (select home_official from meetings where home_official is not null order by home_official limit 1)
          union all
          select (select m.home_official from meetings m where m.home_official > o.v order by m.home_official limit 1)
          from o where o.v is not null
        ) select v from o where v is not null limit 500`,
    ),
  ]);
  return { partners: partnerRows, themes: themeRows, officials: officialRows.map((r) => r.v) };
}

/** The first and last meeting dates of the counted statuses: two probes of meetings (status, date). */
export async function datedSpan(o: { includePending: boolean; db?: DbOrTx }): Promise<{ first: string | null; last: string | null }> {
  const statuses = o.includePending ? sql`('approved', 'pending')` : sql`('approved')`;
  const [row] = await queryRows<{ first: string | null; last: string | null }>(
    o.db ?? getDb(),
    sql`select to_char(min(date), 'YYYY-MM-DD') as first, to_char(max(date), 'YYYY-MM-DD') as last
      from meetings where status in ${statuses} and date is not null`,
  );
  return row ?? { first: null, last: null };
}
