// Possible duplicates: pairs of records that may be one contact but were not attached
// automatically (a different date within a week, an undated one, no shared home-side
// person). Same kind, a shared partner, never rejected, from different articles, never a
// pair an editor dismissed or a merge an editor undid. Computed on read, newest first.
import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/index";

export interface DuplicatePair {
  a: DuplicateSide;
  b: DuplicateSide;
  sharedPartners: string[];
}

export interface DuplicateSide {
  id: number;
  version: number;
  date: string | null;
  kind: string;
  status: string;
  homeOfficial: string | null;
  location: string | null;
  outlet: string | null;
  title: string | null;
  sources: number;
}

const side = (alias: string) => sql.raw(`json_build_object('id', ${alias}.id, 'version', ${alias}.version,
  'date', to_char(${alias}.date, 'YYYY-MM-DD'), 'kind', ${alias}.kind, 'status', ${alias}.status,
  'homeOfficial', ${alias}.home_official, 'location', ${alias}.location,
  'outlet', (select outlet from articles where id = ${alias}.article_id),
  'title', (select title from articles where id = ${alias}.article_id),
  'sources', (select count(*) from meeting_sources s where s.meeting_id = ${alias}.id))`);

export async function listDuplicatePairs(db: DbOrTx, { limit = 50 }: { limit?: number } = {}): Promise<DuplicatePair[]> {
  const rows = await queryRows<{ a: DuplicateSide | string; b: DuplicateSide | string; shared: string[] | string }>(
    db,
    sql`with pairs as (
        select distinct m1.id as a_id, m2.id as b_id
        from meeting_partners p1
        join meeting_partners p2 on p2.partner_id = p1.partner_id and p2.meeting_id > p1.meeting_id
        join meetings m1 on m1.id = p1.meeting_id
        join meetings m2 on m2.id = p2.meeting_id
        where m1.kind = m2.kind and m1.status <> 'rejected' and m2.status <> 'rejected'
          and m1.article_id <> m2.article_id
          and (m1.date is null or m2.date is null or abs(m1.date - m2.date) <= 7)
          and not exists (select 1 from duplicate_dismissals d where d.meeting_a = m1.id and d.meeting_b = m2.id)
      )
      select ${side("a")} as a, ${side("b")} as b,
        (select coalesce(json_agg(distinct pt.name_ru), '[]'::json) from meeting_partners x
          join meeting_partners y on y.partner_id = x.partner_id and y.meeting_id = b.id
          join partners pt on pt.id = x.partner_id where x.meeting_id = a.id) as shared
      from pairs join meetings a on a.id = pairs.a_id join meetings b on b.id = pairs.b_id
      order by greatest(a.id, b.id) desc, least(a.id, b.id) desc
      limit ${Math.max(1, Math.min(limit, 200))}`,
  );
  const parse = <T,>(v: T | string): T => (typeof v === "string" ? (JSON.parse(v) as T) : v);
  return rows.map((r) => ({ a: parse(r.a), b: parse(r.b), sharedPartners: parse(r.shared) }));
}
