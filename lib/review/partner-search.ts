// Partner type-ahead for the record page: names and aliases by normalised prefix.
import { sql } from "drizzle-orm";
import { getDb, queryRows, type DbOrTx } from "@/db/index";
import { partnerAliases, partners } from "@/db/schema";
import { normalizeName } from "@/lib/ingest/normalize";

export interface PartnerHit {
  id: number;
  name: string;
  type: "country" | "organization";
  code: string | null;
  parentName: string | null;
  /** The alias that matched when it is not the name itself. */
  matched: string | null;
}

/** LIKE treats % _ and \ specially; a typed prefix must match them literally. */
const likePrefix = (s: string) => `${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function searchPartners(q: string, limit = 10, db: DbOrTx = getDb()): Promise<PartnerHit[]> {
  const prefix = likePrefix(normalizeName(q));
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
