// Reading the append-only history of a record: the history panel, the conflict view
// ("what the other editor changed since you opened the record") and restores.
import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/index";
import { history, users } from "@/db/schema";

export interface HistoryEntry {
  id: number;
  action: string;
  field: string | null;
  before: unknown;
  after: unknown;
  userId: number | null;
  userName: string | null;
  at: Date;
}

const entryColumns = {
  id: history.id,
  action: history.action,
  field: history.field,
  before: history.before,
  after: history.after,
  userId: history.userId,
  userName: sql<string | null>`coalesce(${users.name}, ${users.email})`,
  at: history.at,
};

/** A record's history, newest first. */
export async function listMeetingHistory(
  db: DbOrTx,
  meetingId: number,
  { limit = 200 }: { limit?: number } = {},
): Promise<HistoryEntry[]> {
  return db
    .select(entryColumns)
    .from(history)
    .leftJoin(users, eq(users.id, history.userId))
    .where(and(eq(history.entityType, "meeting"), eq(history.entityId, meetingId)))
    .orderBy(desc(history.id))
    .limit(limit);
}

/** Changes written after the history row an editor had last seen, oldest first. */
export async function listMeetingHistoryAfter(
  db: DbOrTx,
  meetingId: number,
  afterId: number,
): Promise<HistoryEntry[]> {
  return db
    .select(entryColumns)
    .from(history)
    .leftJoin(users, eq(users.id, history.userId))
    .where(and(eq(history.entityType, "meeting"), eq(history.entityId, meetingId), gt(history.id, afterId)))
    .orderBy(asc(history.id))
    .limit(500);
}

/** The newest history row of a record (0 when none): the watermark a form carries. */
export async function latestMeetingHistoryId(db: DbOrTx, meetingId: number): Promise<number> {
  const [row] = await db
    .select({ id: sql<number>`coalesce(max(${history.id}), 0)::int` })
    .from(history)
    .where(and(eq(history.entityType, "meeting"), eq(history.entityId, meetingId)));
  return Number(row?.id ?? 0);
}

/** One history row of one record (restore reads the value from it). */
export async function getMeetingHistoryEntry(
  db: DbOrTx,
  meetingId: number,
  historyId: number,
): Promise<HistoryEntry | null> {
  const [row] = await db
    .select(entryColumns)
    .from(history)
    .leftJoin(users, eq(users.id, history.userId))
    .where(and(eq(history.id, historyId), eq(history.entityType, "meeting"), eq(history.entityId, meetingId)));
  return row ?? null;
}
