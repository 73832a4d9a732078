// The stacked bars: meetings per partner per period, top N plus "other".
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/index";
import { answerFromFacts, filteredMeetings, fromFacts, partnerName, split, unit, type ChartOptions, type Split } from "./base";
import { factSplit, factWhere, partnerMonthSource } from "./facts";

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
export async function partnersOverTime(db: DbOrTx, o: ChartOptions & { top?: number }): Promise<PartnersOverTime> {
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
  const rows = answerFromFacts(o, ["theme"])
    ? await fromFacts<Row>(db,
        sql`with pm as (
          select date_trunc(${g}, f.month)::date as period, f.partner_id, f.status, f.meetings as n
          from ${partnerMonthSource(o.filter, "f")} where ${factWhere(o.filter, "f")} and f.month is not null
        ), ${select(factSplit("pm", "n"))}`,
      )
    : await queryRows<Row>(
        db,
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
