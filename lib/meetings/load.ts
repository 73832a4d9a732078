// The record as a save or a machine pass finds it inside its transaction: the meeting
// row, locked, and its child rows in the shape the record page reads (getRecordRows),
// so a save can diff against them and keep unchanged rows' ids (evidence spans point at
// participant and quote rows by id).
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/index";
import { getRecordRows, type RecordRows } from "@/db/queries/meetings";
import { meetings } from "@/db/schema";

export async function loadEditable(tx: DbOrTx, meetingId: number) {
  // The row lock serialises concurrent saves of one record: the second waits, then sees the new version.
  const [row] = await tx
    .select({
      id: meetings.id,
      version: meetings.version,
      status: meetings.status,
      kind: meetings.kind,
      kindSource: meetings.kindSource,
      date: meetings.date,
      dateSource: meetings.dateSource,
      location: meetings.location,
      locationSource: meetings.locationSource,
      proposals: meetings.proposals,
    })
    .from(meetings)
    .where(eq(meetings.id, meetingId))
    .for("update");
  if (!row) return null;
  const rows: RecordRows = await getRecordRows(tx, meetingId);
  return { ...row, date: row.date ? String(row.date).slice(0, 10) : null, ...rows };
}

export type EditableState = NonNullable<Awaited<ReturnType<typeof loadEditable>>>;
