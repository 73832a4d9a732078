// The rows of a set of records, as JSON, and putting them back exactly (same ids, same
// sources, same evidence): what makes merge, split, delete and add undoable. The rows go
// through to_jsonb / jsonb_populate_recordset, so every column comes back as it was,
// whatever columns later migrations add.
import { sql } from "drizzle-orm";
import { queryRows, type Tx } from "@/db/index";

/** Child tables in insert order; each has a meeting_id column. */
const CHILD_TABLES = ["meeting_participants", "meeting_partners", "meeting_themes", "quotes", "evidence", "meeting_sources"] as const;
const TABLES = ["meetings", ...CHILD_TABLES] as const;
type Table = (typeof TABLES)[number];

export type RecordSnapshot = Record<Table, Record<string, unknown>[]>;

const ids = (list: number[]) => sql`array[${sql.join(list.map((v) => sql`${v}::int`), sql`, `)}]::int[]`;

/** Every row of the records (none for ids that do not exist). */
export async function snapshotRecords(tx: Tx, meetingIds: number[]): Promise<RecordSnapshot> {
  const out = {} as RecordSnapshot;
  for (const table of TABLES) {
    const key = table === "meetings" ? sql.raw("id") : sql.raw("meeting_id");
    const order = table === "meeting_partners" ? sql.raw("meeting_id, partner_id") : table === "meeting_themes" ? sql.raw("meeting_id, theme_code") : sql.raw("id");
    const [row] = await queryRows<{ rows: unknown }>(
      tx,
      sql`select coalesce(jsonb_agg(to_jsonb(t) order by ${order}), '[]'::jsonb) as rows from ${sql.raw(table)} t where t.${key} = any(${ids(meetingIds)})`,
    );
    const rows = typeof row.rows === "string" ? JSON.parse(row.rows) : row.rows;
    out[table] = rows as Record<string, unknown>[];
  }
  return out;
}

/**
 * Removes the records `removeIds` as they are now (their child rows go with them) and
 * inserts the snapshot's rows with their original ids.
 */
export async function restoreRecords(tx: Tx, snapshot: RecordSnapshot, removeIds: number[]): Promise<void> {
  if (removeIds.length) await tx.execute(sql`delete from meetings where id = any(${ids(removeIds)})`);
  const restored = snapshot.meetings.map((m) => Number(m.id));
  for (const table of TABLES) {
    const rows = snapshot[table] ?? [];
    if (table === "meeting_sources" && restored.length) {
      // The insert trigger gave each restored record its own-article source anew: the snapshot's rows replace them.
      await tx.execute(sql`delete from meeting_sources where meeting_id = any(${ids(restored)})`);
    }
    if (!rows.length) continue;
    const identity = table === "meeting_partners" || table === "meeting_themes" ? sql`` : sql`overriding system value`;
    await tx.execute(
      sql`insert into ${sql.raw(table)} ${identity} select * from jsonb_populate_recordset(null::${sql.raw(table)}, ${JSON.stringify(rows)}::jsonb)`,
    );
  }
}
