// The overview after sign-in: a handful of small, index-backed queries.
import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/index";
import type { Locale } from "@/lib/i18n/config";

export interface OverviewCounts {
  pending: number;
  approvedThisWeek: number;
}

/** Pending records, and records approved since Monday 00:00 (database time zone). */
export async function overviewCounts(db: DbOrTx): Promise<OverviewCounts> {
  const [row] = await queryRows<OverviewCounts>(
    db,
    sql`select
      (select count(*) from meetings where status = 'pending')::int as pending,
      (select count(*) from meetings where status = 'approved' and reviewed_at >= date_trunc('week', now()))::int as "approvedThisWeek"`,
  );
  return row;
}

export interface QuarterTop {
  id: string;
  name: string;
  meetings: number;
}

/** The quarter that contains `asOf` (default today): its first and last day. */
export function quarterOf(asOf: string): { from: string; to: string } {
  const [y, m] = asOf.split("-").map(Number);
  const q0 = Math.floor((m - 1) / 3) * 3;
  const from = new Date(Date.UTC(y, q0, 1));
  const to = new Date(Date.UTC(y, q0 + 3, 0));
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

/** The most-met partners and most-discussed themes among approved meetings dated in the quarter. */
export async function quarterTops(
  db: DbOrTx,
  o: { asOf?: string; locale?: Locale; limit?: number } = {},
): Promise<{ from: string; to: string; partners: QuarterTop[]; themes: QuarterTop[] }> {
  const { from, to } = quarterOf(o.asOf ?? new Date().toISOString().slice(0, 10));
  const limit = Math.max(1, Math.min(o.limit ?? 5, 20));
  const pname = o.locale === "en" ? sql.raw("coalesce(p.name_en, p.name_ru)") : sql.raw("p.name_ru");
  const tlabel = o.locale === "en" ? sql.raw("t.label_en") : sql.raw("t.label_ru");
  const quarter = sql`select id from meetings where status = 'approved' and date between ${from}::date and ${to}::date`;
  const [partners, themes] = await Promise.all([
    queryRows<QuarterTop>(
      db,
      sql`select p.id::text as id, ${pname} as name, count(*)::int as meetings
        from (${quarter}) q join meeting_partners mp on mp.meeting_id = q.id join partners p on p.id = mp.partner_id
        group by p.id order by meetings desc, name limit ${limit}`,
    ),
    queryRows<QuarterTop>(
      db,
      sql`select t.code as id, ${tlabel} as name, count(*)::int as meetings
        from (${quarter}) q join meeting_themes mt on mt.meeting_id = q.id join themes t on t.code = mt.theme_code
        group by t.code order by meetings desc, t.sort_order limit ${limit}`,
    ),
  ]);
  return { from, to, partners, themes };
}

export interface ActivityRow {
  id: number;
  entityType: string;
  entityId: number;
  action: string;
  field: string | null;
  at: string;
  /** null: the machine (extraction, seeding). */
  userName: string | null;
  /** What the row is about, by name: a record's partners and home official, a person's or partner's name, a theme's label. */
  label: string | null;
  /** A record's date (ISO), shown beside its label. */
  date: string | null;
}

/**
 * The latest history rows, newest first, with who made them and the name of what they
 * changed (in the reader's language where the registry has it). The learner's own
 * bookkeeping rows are not activity.
 */
export async function recentActivity(db: DbOrTx, o: { limit?: number; locale?: "ru" | "en" } = {}): Promise<ActivityRow[]> {
  const limit = Math.max(1, Math.min(o.limit ?? 10, 50));
  const en = o.locale === "en";
  const partnerName = en ? sql.raw("coalesce(p.name_en, p.name_ru)") : sql.raw("p.name_ru");
  return queryRows<ActivityRow>(
    db,
    sql`select h.id, h.entity_type as "entityType", h.entity_id as "entityId", h.action, h.field,
        to_char(h.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at, coalesce(u.name, u.email) as "userName",
        case h.entity_type
          when 'meeting' then (select nullif(concat_ws(' · ',
              (select string_agg(${partnerName}, ', ' order by p.name_ru) from meeting_partners mp join partners p on p.id = mp.partner_id where mp.meeting_id = m.id),
              m.home_official), '') from meetings m where m.id = h.entity_id)
          when 'partner' then (select ${partnerName} from partners p where p.id = h.entity_id)
          when 'person' then (select name from people where id = h.entity_id)
          when 'user' then (select coalesce(name, email) from users where id = h.entity_id)
          when 'article' then (select coalesce(title, left(clean_text, 80)) from articles where id = h.entity_id)
          when 'rule_proposal' then (select coalesce(payload->>'alias', payload->>'keyword') from rule_proposals where id = h.entity_id)
          when 'theme' then (select ${en ? sql.raw("label_en") : sql.raw("label_ru")} from themes where code = coalesce(h.field, h.after->>'code', h.before->>'code'))
        end as label,
        case when h.entity_type = 'meeting' then (select m.date::text from meetings m where m.id = h.entity_id) end as date
      from history h left join users u on u.id = h.user_id
      where h.entity_type <> 'learning'
      order by h.at desc, h.id desc limit ${limit}`,
  );
}
