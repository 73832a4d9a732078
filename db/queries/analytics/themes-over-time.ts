// The lines: meetings per theme per period, with each period's total for the share view.
import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/index";
import { answerFromFacts, filteredMeetings, fromFacts, split, themeLabel, unit, type ChartOptions, type Split } from "./base";
import { factSplit, factWhere } from "./facts";

export interface ThemePoint extends Split {
  period: string;
  theme: string;
  label: string;
  /** Meetings in the period (approved + pending when included), the share's denominator. */
  periodTotal: number;
  /** The fraction of the period's meetings that touch this theme (themes overlap, so shares do not sum to 1). */
  share: number;
}

export async function themesOverTime(db: DbOrTx, o: ChartOptions): Promise<ThemePoint[]> {
  const g = unit(o.filter.granularity);
  const final = sql`select to_char(tc.period, 'YYYY-MM-DD') as period, tc.theme_code as theme, ${themeLabel(o.locale)} as label,
      tc.approved, tc.pending, totals.total as "periodTotal",
      ((tc.approved + tc.pending)::float8 / totals.total) as share
    from tc join totals on totals.period = tc.period join themes t on t.code = tc.theme_code
    order by tc.period, t.sort_order, t.code`;
  if (answerFromFacts(o, ["theme"])) {
    // Under a theme filter the period's meetings are those about the theme, and each theme
    // counts the meetings about both: the pairs table holds exactly that.
    const theme = o.filter.theme;
    const totalsFrom = theme ? sql`(select * from fact_theme_month where theme_code = ${theme}) f` : sql`fact_month f`;
    const themesFrom = theme
      ? sql`(select month, status, other_code as theme_code, meetings from fact_theme_pair_month where theme_code = ${theme}) f`
      : sql`fact_theme_month f`;
    return fromFacts<ThemePoint>(db,
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
    db,
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
