// "Not met for a while": partners whose silence is longest against their own rhythm.
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/index";
import { filteredMeetings, fromFacts, partnerName, type ChartOptions } from "./base";

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
export async function notMetForAWhile(db: DbOrTx, o: ChartOptions & { asOf?: string; limit?: number; minMeetings?: number }): Promise<DormantRow[]> {
  const limit = Math.max(1, Math.min(o.limit ?? 10, 100));
  const minMeetings = Math.max(2, o.minMeetings ?? 3);
  const asOf = o.asOf ?? o.filter.to ?? new Date().toISOString().slice(0, 10);
  const f = o.filter;
  if (o.facts !== false && !f.from && !f.partnerId && !f.partnerType && !f.theme && !f.kind && !f.official) {
    return fromFacts<DormantRow>(db, dormantFromRhythm(o, asOf, limit, minMeetings));
  }
  return queryRows<DormantRow>(
    db,
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
function dormantFromRhythm(o: ChartOptions, asOf: string, limit: number, minMeetings: number): SQL {
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
