// Meetings by kind (meeting, phone call, conference, statement, other).
import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/index";
import { answerFromFacts, filteredMeetings, fromFacts, split, type ChartOptions, type Split } from "./base";
import { factSplit, factWhere } from "./facts";

export interface KindRow extends Split {
  kind: "meeting" | "phone_call" | "conference" | "statement" | "other";
}

export async function meetingsByKind(db: DbOrTx, o: ChartOptions): Promise<KindRow[]> {
  if (answerFromFacts(o, ["kindOfficial"])) {
    return fromFacts<KindRow>(db,
      sql`select f.kind, ${factSplit("f")} from fact_month f where ${factWhere(o.filter, "f", { kindOfficial: true })}
      group by f.kind order by sum(f.meetings) desc, f.kind`,
    );
  }
  return queryRows<KindRow>(
    db,
    sql`${filteredMeetings(o.filter)}
    select fm.kind, ${split()} from fm group by fm.kind order by count(*) desc, fm.kind`,
  );
}
