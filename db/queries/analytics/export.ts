// The export's pages of filtered records (GET /api/export).
import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/index";
import { filteredMeetings, partnerName, themeLabel, type ChartOptions } from "./base";
import type { KindRow } from "./meetings-by-kind";

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
  /** Every article that reports the meeting, its own article first (one element per article). */
  sources: ExportSource[];
}

export interface ExportSource {
  articleId: number;
  title: string | null;
  outlet: string | null;
  url: string | null;
  file: string | null;
  publishedOn: string | null;
}

/**
 * One page of the filtered records for the export, in id order after `afterId`
 * (keyset paging: the export streams page by page and never holds all rows).
 * Partners, themes and participants come aggregated per meeting from SQL.
 */
export async function exportPage(db: DbOrTx, o: ChartOptions & { afterId?: number; limit?: number }): Promise<ExportRecord[]> {
  const limit = Math.max(1, Math.min(o.limit ?? 1000, 5000));
  return queryRows<ExportRecord>(
    db,
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
      coalesce((select json_agg(json_build_object('articleId', sa.id, 'title', sa.title, 'outlet', sa.outlet, 'url', sa.url,
          'file', sa.file, 'publishedOn', to_char(sa.published_on, 'YYYY-MM-DD')) order by (sa.id <> m.article_id), s.id)
        from meeting_sources s join articles sa on sa.id = s.article_id where s.meeting_id = m.id), '[]'::json) as sources,
      json_build_object('title', a.title, 'outlet', a.outlet, 'url', a.url, 'publishedOn', to_char(a.published_on, 'YYYY-MM-DD')) as article
    from page join meetings m on m.id = page.id join articles a on a.id = m.article_id
    order by m.id`,
  );
}
