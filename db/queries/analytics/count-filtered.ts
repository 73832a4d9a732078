// The count of the filtered meetings, shown above the charts.
import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/index";
import { answerFromFacts, filteredMeetings, fromFacts, split, type ChartOptions, type Split } from "./base";
import { factSplit, factWhere } from "./facts";

/** The filtered meetings' count, shown above the charts. */
export async function countFiltered(db: DbOrTx, o: ChartOptions): Promise<Split> {
  if (answerFromFacts(o, ["kindOfficial"])) {
    const [row] = await fromFacts<Split>(db, sql`select ${factSplit("f")} from fact_month f where ${factWhere(o.filter, "f", { kindOfficial: true })}`);
    return row;
  }
  const [row] = await queryRows<Split>(db, sql`${filteredMeetings(o.filter)} select ${split()} from fm`);
  return row;
}
