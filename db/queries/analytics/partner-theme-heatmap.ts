// The heat map: the top partners against every theme they met about.
import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/index";
import { answerFromFacts, filteredMeetings, fromFacts, partnerName, split, themeLabel, type ChartOptions, type Split } from "./base";
import { factSplit, factWhere } from "./facts";

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
export async function partnerThemeHeatmap(db: DbOrTx, o: ChartOptions & { top?: number }): Promise<HeatMap> {
  const top = Math.max(1, Math.min(o.top ?? 12, 50));
  type Row = HeatCell & { total: number; sortOrder: number };
  const final = sql`select agg.partner_id as "partnerId", ${partnerName(o.locale)} as "partnerName", agg.theme_code as theme,
      ${themeLabel(o.locale)} as label, agg.approved, agg.pending, top.total, t.sort_order as "sortOrder"
    from agg join top on top.partner_id = agg.partner_id join partners p on p.id = agg.partner_id
      join themes t on t.code = agg.theme_code
    order by top.total desc, agg.partner_id, t.sort_order, t.code`;
  const rows = answerFromFacts(o)
    ? await fromFacts<Row>(db,
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
        db,
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
