// Countries against organisations, and partners by region (one card).
import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/index";
import { answerFromFacts, filteredMeetings, fromFacts, split, type ChartOptions, type Split } from "./base";
import { factSplit, factWhere } from "./facts";

export interface TypeRow extends Split {
  type: "country" | "organization";
  partners: number;
}

export async function partnersByType(db: DbOrTx, o: ChartOptions): Promise<TypeRow[]> {
  if (answerFromFacts(o)) {
    return fromFacts<TypeRow>(db,
      sql`with per_type as (
        select f.type, ${factSplit("f")} from fact_partner_type_month f where ${factWhere(o.filter, "f")} group by f.type
      ),
      per_partner as (
        select p.type, count(distinct f.partner_id)::int as partners
        from fact_partner_month f join partners p on p.id = f.partner_id where ${factWhere(o.filter, "f")} group by p.type
      )
      select pt.type, pt.approved, pt.pending, pp.partners from per_type pt join per_partner pp on pp.type = pt.type order by pt.type`,
    );
  }
  return queryRows<TypeRow>(
    db,
    sql`${filteredMeetings(o.filter)},
    pairs as (
      select p.type, p.id as partner_id, fm.id, fm.status
      from fm join meeting_partners mp on mp.meeting_id = fm.id join partners p on p.id = mp.partner_id
    ),
    per_meeting as (select type, id, status from pairs group by type, id, status),
    per_partner as (select type, count(*)::int as partners from (select type, partner_id from pairs group by type, partner_id) x group by type)
    select pm.type, ${split("pm")}, min(pp.partners) as partners
    from per_meeting pm join per_partner pp on pp.type = pm.type
    group by pm.type order by pm.type`,
  );
}

export interface RegionRow extends Split {
  /** null: partners without a region (most organisations). */
  region: string | null;
  partners: number;
}

export async function partnersByRegion(db: DbOrTx, o: ChartOptions): Promise<RegionRow[]> {
  if (answerFromFacts(o)) {
    return fromFacts<RegionRow>(db,
      sql`with per_region as (
        select f.region, ${factSplit("f")} from fact_region_month f where ${factWhere(o.filter, "f")} group by f.region
      ),
      per_partner as (
        select p.region, count(distinct f.partner_id)::int as partners
        from fact_partner_month f join partners p on p.id = f.partner_id where ${factWhere(o.filter, "f")} group by p.region
      )
      select pr.region, pr.approved, pr.pending, pp.partners
      from per_region pr join per_partner pp on pp.region is not distinct from pr.region
      order by pr.approved + pr.pending desc, pr.region nulls last`,
    );
  }
  return queryRows<RegionRow>(
    db,
    sql`${filteredMeetings(o.filter)},
    pairs as (
      select p.region, p.id as partner_id, fm.id, fm.status
      from fm join meeting_partners mp on mp.meeting_id = fm.id join partners p on p.id = mp.partner_id
    ),
    per_meeting as (select region, id, status from pairs group by region, id, status),
    per_partner as (select region, count(*)::int as partners from (select region, partner_id from pairs group by region, partner_id) x group by region)
    select pm.region, ${split("pm")}, min(pp.partners) as partners
    from per_meeting pm join per_partner pp on pp.region is not distinct from pm.region
    group by pm.region order by count(*) desc, pm.region nulls last`,
  );
}
