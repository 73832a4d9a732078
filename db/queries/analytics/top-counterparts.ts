// The partner-side people met most often (person merges followed).
import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/index";
import { answerFromFacts, filteredMeetings, fromFacts, split, type ChartOptions, type Split } from "./base";
import { factSplit, factWhere } from "./facts";

export interface CounterpartRow extends Split {
  /** The person's id once identified (merges followed), else null and the row is keyed by name. */
  personId: number | null;
  name: string;
}

/** The partner-side participants met most often. */
export async function topCounterparts(db: DbOrTx, o: ChartOptions & { limit?: number }): Promise<CounterpartRow[]> {
  const limit = Math.max(1, Math.min(o.limit ?? 10, 100));
  if (answerFromFacts(o)) {
    return fromFacts<CounterpartRow>(db,
      sql`select f.person_id as "personId", coalesce(max(root.name), min(f.name)) as name, ${factSplit("f")}
      from fact_counterpart_month f left join people root on root.id = f.person_id
      where ${factWhere(o.filter, "f")}
      group by f.person_id, f.name_key
      order by sum(f.meetings) desc, 2
      limit ${limit}`,
    );
  }
  return queryRows<CounterpartRow>(
    db,
    sql`${filteredMeetings(o.filter)},
    named as (
      select fm.id, fm.status, coalesce(pe.merged_into_id, pe.id) as person_id,
        case when pe.id is null then lower(pa.name) end as name_key, min(pa.name) as name
      from fm join meeting_participants pa on pa.meeting_id = fm.id and pa.side = 'partner'
      left join people pe on pe.id = pa.person_id
      group by fm.id, fm.status, 3, 4
    )
    select n.person_id as "personId", coalesce(max(root.name), min(n.name)) as name, ${split("n")}
    from named n left join people root on root.id = n.person_id
    group by n.person_id, n.name_key
    order by count(*) desc, 2
    limit ${limit}`,
  );
}
