// The world map: partner countries with a known ISO code.
import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/index";
import { answerFromFacts, filteredMeetings, fromFacts, partnerName, split, type ChartOptions, type Split } from "./base";
import { factSplit, factWhere, partnerMonthSource } from "./facts";

export interface CountryRow extends Split {
  partnerId: number;
  /** ISO 3166-1 alpha-2. */
  code: string;
  name: string;
}

/** Partner countries with a known ISO code, for the world map. */
export async function partnerCountries(db: DbOrTx, o: ChartOptions): Promise<CountryRow[]> {
  if (answerFromFacts(o, ["theme"])) {
    return fromFacts<CountryRow>(db,
      sql`select p.id as "partnerId", upper(p.code) as code, ${partnerName(o.locale)} as name, ${factSplit("f")}
      from ${partnerMonthSource(o.filter, "f")} join partners p on p.id = f.partner_id
      where ${factWhere(o.filter, "f")} and p.type = 'country' and p.code is not null
      group by p.id order by sum(f.meetings) desc, p.id`,
    );
  }
  return queryRows<CountryRow>(
    db,
    // Counted per partner before partners are joined: joined first, the planner started from
    // the 250 countries and hashed all their meeting links (89,000) to probe a few hundred meetings.
    sql`${filteredMeetings(o.filter)},
    per_partner as (select mp.partner_id, ${split()} from fm join meeting_partners mp on mp.meeting_id = fm.id group by mp.partner_id)
    select p.id as "partnerId", upper(p.code) as code, ${partnerName(o.locale)} as name, c.approved, c.pending
    from per_partner c join partners p on p.id = c.partner_id
    where p.type = 'country' and p.code is not null
    order by c.approved + c.pending desc, p.id`,
  );
}
