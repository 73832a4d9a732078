// The analytics page's filter menus and the dated span that picks the default granularity.
import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/index";
import type { Locale } from "@/lib/i18n/config";
import { partnerName, themeLabel } from "./base";

export interface FilterOptions {
  partners: { id: number; name: string; type: "country" | "organization"; parentId: number | null }[];
  themes: { code: string; label: string }[];
  officials: string[];
}

export async function analyticsFilterOptions(db: DbOrTx, o: { locale?: Locale } = {}): Promise<FilterOptions> {
  const [partnerRows, themeRows, officialRows] = await Promise.all([
    queryRows<FilterOptions["partners"][number]>(
      db,
      sql`select p.id, ${partnerName(o.locale)} as name, p.type, p.parent_id as "parentId"
        from partners p where p.merged_into_id is null order by 2, p.id limit 2000`,
    ),
    queryRows<FilterOptions["themes"][number]>(
      db,
      sql`select t.code, ${themeLabel(o.locale)} as label from themes t where t.retired_at is null order by t.sort_order, t.code`,
    ),
    // A loose index scan: one index probe per distinct official instead of reading every meeting.
    queryRows<{ v: string }>(
      db,
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
export async function datedSpan(db: DbOrTx, o: { includePending: boolean }): Promise<{ first: string | null; last: string | null }> {
  const statuses = o.includePending ? sql`('approved', 'pending')` : sql`('approved')`;
  const [row] = await queryRows<{ first: string | null; last: string | null }>(
    db,
    sql`select to_char(min(date), 'YYYY-MM-DD') as first, to_char(max(date), 'YYYY-MM-DD') as last
      from meetings where status in ${statuses} and date is not null`,
  );
  return row ?? { first: null, last: null };
}
