// Reads of record_operations: what can be undone on a record page, and the deleted records
// an admin can restore.
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/index";
import { recordOperations, users } from "@/db/schema";

export interface OperationRow {
  id: number;
  kind: string;
  meetingIds: number[];
  createdAt: Date;
  userName: string | null;
}

/** Operations on a record that are not undone yet, newest first. */
export async function listOpenOperations(db: DbOrTx, meetingId: number, limit = 10): Promise<OperationRow[]> {
  return db
    .select({ id: recordOperations.id, kind: recordOperations.kind, meetingIds: recordOperations.meetingIds, createdAt: recordOperations.createdAt, userName: users.name })
    .from(recordOperations)
    .leftJoin(users, eq(users.id, recordOperations.userId))
    .where(and(sql`${meetingId}::int = any(${recordOperations.meetingIds})`, isNull(recordOperations.undoneAt)))
    .orderBy(desc(recordOperations.id))
    .limit(limit);
}

export interface DeletedRecord extends OperationRow {
  date: string | null;
  kind: string;
  homeOfficial: string | null;
  reason: string | null;
}

/** Deleted records (not restored), newest first, with what they were. */
export async function listDeletedRecords(db: DbOrTx, limit = 100): Promise<DeletedRecord[]> {
  const rows = await db
    .select({ id: recordOperations.id, meetingIds: recordOperations.meetingIds, createdAt: recordOperations.createdAt, userName: users.name, snapshot: recordOperations.snapshot })
    .from(recordOperations)
    .leftJoin(users, eq(users.id, recordOperations.userId))
    .where(and(eq(recordOperations.kind, "delete"), isNull(recordOperations.undoneAt)))
    .orderBy(desc(recordOperations.id))
    .limit(limit);
  return rows.map(({ snapshot, ...r }) => {
    const m = (snapshot.meetings?.[0] ?? {}) as Record<string, unknown>;
    return { ...r, kind: String(m.kind ?? ""), date: (m.date as string | null) ?? null, homeOfficial: (m.home_official as string | null) ?? null, reason: null };
  });
}

/** What became of a record that is gone: merged into another (into), or deleted. */
export async function getRemovedRecord(db: DbOrTx, meetingId: number): Promise<{ kind: string; into: number | null } | null> {
  const [op] = await db
    .select({ kind: recordOperations.kind, meetingIds: recordOperations.meetingIds })
    .from(recordOperations)
    .where(and(sql`${meetingId}::int = any(${recordOperations.meetingIds})`, isNull(recordOperations.undoneAt), sql`${recordOperations.kind} in ('merge', 'delete')`))
    .orderBy(desc(recordOperations.id))
    .limit(1);
  if (!op) return null;
  return { kind: op.kind, into: op.kind === "merge" ? (op.meetingIds.find((id) => id !== meetingId) ?? null) : null };
}
