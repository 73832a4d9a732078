// Reads for the partner registry pages: the searchable list, one partner with its
// aliases, children and meetings, the choices of parent/merge selects, and the record
// page's partner type-ahead.
import { and, asc, desc, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/index";
import { articles, history, meetingPartners, meetings, partnerAliases, partners } from "@/db/schema";
import { normalizeAlias } from "@/lib/extract/registry";
import { normalizeName } from "@/lib/ingest/normalize";

export const PARTNERS_PAGE_SIZE = 50;

/** LIKE treats % _ and \ specially; typed text must match them literally. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface PartnerListFilters {
  q?: string;
  type?: "country" | "organization";
  region?: string;
  page?: number;
}

export async function listPartners(db: DbOrTx, f: PartnerListFilters) {
  const conditions: SQL[] = [isNull(partners.mergedIntoId)];
  if (f.type) conditions.push(eq(partners.type, f.type));
  if (f.region) conditions.push(eq(partners.region, f.region));
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    const norm = `%${escapeLike(normalizeAlias(f.q))}%`;
    conditions.push(
      or(
        ilike(partners.nameRu, like),
        ilike(partners.nameEn, like),
        ilike(partners.code, like),
        ilike(partners.fullNameRu, like),
        sql`exists (select 1 from ${partnerAliases} pa where pa.partner_id = ${partners.id} and pa.normalized like ${norm})`,
      )!,
    );
  }
  const page = f.page ?? 1;
  const rows = await db
    .select({
      id: partners.id,
      type: partners.type,
      code: partners.code,
      nameRu: partners.nameRu,
      nameEn: partners.nameEn,
      region: partners.region,
      parentId: partners.parentId,
      meetings: sql<number>`(select count(*)::int from ${meetingPartners} mp where mp.partner_id = "partners"."id")`,
      aliases: sql<number>`(select count(*)::int from ${partnerAliases} pa where pa.partner_id = "partners"."id")`,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(partners)
    .where(and(...conditions))
    .orderBy(asc(partners.type), asc(partners.nameRu))
    .limit(PARTNERS_PAGE_SIZE)
    .offset((page - 1) * PARTNERS_PAGE_SIZE);
  return { rows, total: Number(rows[0]?.total ?? 0), page };
}

export async function listRegions(db: DbOrTx): Promise<string[]> {
  const rows = await db.selectDistinct({ region: partners.region }).from(partners).where(sql`${partners.region} is not null`).orderBy(asc(partners.region));
  return rows.map((r) => r.region!);
}

/** Live partners for parent and merge-target selects. */
export async function partnerChoices(db: DbOrTx) {
  return db
    .select({ id: partners.id, nameRu: partners.nameRu, code: partners.code, type: partners.type })
    .from(partners)
    .where(isNull(partners.mergedIntoId))
    .orderBy(asc(partners.type), asc(partners.nameRu));
}

export async function getPartner(db: DbOrTx, id: number) {
  const [partner] = await db.select().from(partners).where(eq(partners.id, id));
  if (!partner) return null;
  const [aliases, children, parent, mergedInto, mergedFrom, meetingRows, changes] = await Promise.all([
    db.select().from(partnerAliases).where(eq(partnerAliases.partnerId, id)).orderBy(asc(partnerAliases.alias)),
    db.select({ id: partners.id, nameRu: partners.nameRu, code: partners.code }).from(partners).where(and(eq(partners.parentId, id), isNull(partners.mergedIntoId))).orderBy(asc(partners.nameRu)),
    partner.parentId ? db.select({ id: partners.id, nameRu: partners.nameRu }).from(partners).where(eq(partners.id, partner.parentId)) : Promise.resolve([]),
    partner.mergedIntoId ? db.select({ id: partners.id, nameRu: partners.nameRu }).from(partners).where(eq(partners.id, partner.mergedIntoId)) : Promise.resolve([]),
    db.select({ id: partners.id, nameRu: partners.nameRu }).from(partners).where(eq(partners.mergedIntoId, id)).orderBy(asc(partners.nameRu)),
    db
      .select({ id: meetings.id, date: meetings.date, kind: meetings.kind, status: meetings.status, title: articles.title, outlet: articles.outlet })
      .from(meetingPartners)
      .innerJoin(meetings, eq(meetings.id, meetingPartners.meetingId))
      .innerJoin(articles, eq(articles.id, meetings.articleId))
      .where(eq(meetingPartners.partnerId, id))
      .orderBy(sql`${meetings.date} desc nulls last`, desc(meetings.id))
      .limit(200),
    db
      .select()
      .from(history)
      .where(and(eq(history.entityType, "partner"), eq(history.entityId, id)))
      .orderBy(desc(history.id))
      .limit(30),
  ]);
  return { partner, aliases, children, parent: parent[0] ?? null, mergedInto: mergedInto[0] ?? null, mergedFrom, meetings: meetingRows, changes };
}

// ---------------------------------------------------------------- type-ahead

export interface PartnerHit {
  id: number;
  name: string;
  type: "country" | "organization";
  code: string | null;
  parentName: string | null;
  /** The alias that matched when it is not the name itself. */
  matched: string | null;
}

/** The record page's partner type-ahead: names, codes and aliases by normalised prefix. */
export async function searchPartners(db: DbOrTx, { q, limit = 10 }: { q: string; limit?: number }): Promise<PartnerHit[]> {
  const prefix = `${escapeLike(normalizeName(q))}%`;
  // Merged entries answer as their survivor; exact-name matches first, then shorter names.
  return queryRows<PartnerHit>(
    db,
    sql`with hits as (
          select coalesce(p.merged_into_id, p.id) as id, null::text as matched, 0 as rank
            from ${partners} p
           where replace(lower(p.name_ru), 'ё', 'е') like ${prefix}
              or lower(coalesce(p.code, '')) like ${prefix}
          union all
          select coalesce(p.merged_into_id, p.id), a.alias, 1
            from ${partnerAliases} a join ${partners} p on p.id = a.partner_id
           where a.normalized like ${prefix}
        ), best as (
          select distinct on (id) id, matched, rank from hits order by id, rank
        )
        select p.id, p.name_ru as name, p.type, p.code, parent.name_ru as "parentName",
               case when b.rank = 0 then null else b.matched end as matched
          from best b
          join ${partners} p on p.id = b.id
          left join ${partners} parent on parent.id = p.parent_id
         where p.merged_into_id is null
         order by b.rank, length(p.name_ru), p.name_ru
         limit ${limit}`,
  );
}
