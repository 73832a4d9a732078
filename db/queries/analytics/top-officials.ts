// The home officials who met most often.
import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/index";
import { answerFromFacts, filteredMeetings, fromFacts, split, type ChartOptions, type Split } from "./base";
import { factSplit, factWhere } from "./facts";

export interface OfficialRow extends Split {
  official: string;
}

export async function topOfficials(db: DbOrTx, o: ChartOptions & { limit?: number }): Promise<OfficialRow[]> {
  const limit = Math.max(1, Math.min(o.limit ?? 10, 100));
  if (answerFromFacts(o, ["kindOfficial"])) {
    return fromFacts<OfficialRow>(db,
      sql`select f.home_official as official, ${factSplit("f")}
      from fact_month f where ${factWhere(o.filter, "f", { kindOfficial: true })} and f.home_official is not null
      group by f.home_official order by sum(f.meetings) desc, f.home_official
      limit ${limit}`,
    );
  }
  return queryRows<OfficialRow>(
    db,
    sql`${filteredMeetings(o.filter)}
    select fm.home_official as official, ${split()}
    from fm where fm.home_official is not null
    group by fm.home_official order by count(*) desc, fm.home_official
    limit ${limit}`,
  );
}
