// Approve, reject (with a reason) and reopen: each checks the version the editor saw,
// moves the status along an allowed transition and leaves a history row.
import { and, eq, sql } from "drizzle-orm";
import { type DbOrTx } from "@/db/index";
import { history, meetings, type MeetingStatus } from "@/db/schema";
import type { StatusChange } from "@/lib/validations/meetings";
import { conflictResult, type SaveResult } from "./save";

export type StatusAction = StatusChange["action"];

const transitions: Record<StatusAction, { from: MeetingStatus[]; to: MeetingStatus }> = {
  approve: { from: ["pending", "rejected"], to: "approved" },
  reject: { from: ["pending", "approved"], to: "rejected" },
  reopen: { from: ["approved", "rejected"], to: "pending" },
};

export type StatusResult =
  | { status: "saved"; version: number; to: MeetingStatus }
  | { status: "not_allowed"; current: MeetingStatus }
  | Extract<SaveResult, { status: "conflict" | "not_found" }>;

export async function changeStatus(
  db: DbOrTx,
  { userId, change, seenHistoryId }: { userId: number; change: StatusChange; seenHistoryId?: number },
): Promise<StatusResult> {
  const rule = transitions[change.action];
  const outcome = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ version: meetings.version, status: meetings.status, rejectReason: meetings.rejectReason })
      .from(meetings)
      .where(eq(meetings.id, change.id))
      .for("update");
    if (!row) return { status: "not_found" as const };
    if (row.version !== change.baseVersion) return { status: "stale" as const };
    if (!rule.from.includes(row.status)) return { status: "not_allowed" as const, current: row.status };
    const reason = change.action === "reject" ? change.reason : null;
    const [updated] = await tx
      .update(meetings)
      .set({
        status: rule.to,
        rejectReason: reason,
        reviewerId: userId,
        reviewedAt: change.action === "reopen" ? null : new Date(),
        version: sql`${meetings.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(meetings.id, change.id), eq(meetings.version, change.baseVersion)))
      .returning({ version: meetings.version });
    await tx.insert(history).values({
      entityType: "meeting",
      entityId: change.id,
      action: change.action,
      field: "status",
      before: { status: row.status, ...(row.rejectReason ? { reason: row.rejectReason } : {}) },
      after: { status: rule.to, ...(reason ? { reason } : {}) },
      userId,
    });
    return { status: "saved" as const, version: updated.version, to: rule.to };
  });
  if (outcome.status === "stale") {
    const conflict = await conflictResult(db, change.id, seenHistoryId);
    return conflict as StatusResult;
  }
  return outcome;
}

export type BulkItemResult = { id: number } & (
  | { status: "approved" | "rejected" | "restored"; version: number; previous: MeetingStatus; previousReason?: string | null }
  | { status: "conflict"; currentVersion: number }
  | { status: "not_allowed"; current: MeetingStatus }
  | { status: "not_found" }
);

type BulkItem = { id: number; version: number };

async function statusOf(db: DbOrTx, id: number): Promise<{ status: MeetingStatus; rejectReason: string | null } | undefined> {
  const [row] = await db.select({ status: meetings.status, rejectReason: meetings.rejectReason }).from(meetings).where(eq(meetings.id, id));
  return row;
}

async function oneChange(db: DbOrTx, userId: number, item: BulkItem, action: StatusAction, reason: string | null, done: "approved" | "rejected" | "restored"): Promise<BulkItemResult> {
  const before = await statusOf(db, item.id);
  const r = await changeStatus(db, { userId, change: { id: item.id, baseVersion: item.version, action, reason } as StatusChange });
  if (r.status === "saved") return { id: item.id, status: done, version: r.version, previous: before!.status, previousReason: before!.rejectReason };
  if (r.status === "conflict") return { id: item.id, status: "conflict", currentVersion: r.current.version };
  if (r.status === "not_allowed") return { id: item.id, status: "not_allowed", current: r.current };
  return { id: item.id, status: "not_found" };
}

/**
 * Approves or rejects each selected record on its own (one stale or already-decided
 * record does not hold the others back) and reports what happened to each, with the
 * status it had before, so the whole batch can be undone.
 */
export async function bulkChangeStatus(
  db: DbOrTx,
  { userId, items, action, reason = null }: { userId: number; items: BulkItem[]; action: "approve" | "reject"; reason?: string | null },
): Promise<BulkItemResult[]> {
  const results: BulkItemResult[] = [];
  for (const item of items) results.push(await oneChange(db, userId, item, action, reason, action === "approve" ? "approved" : "rejected"));
  return results;
}

/** The way back from a bulk decision to the status a record had (pending, or a rejection with its reason). */
const undoAction = (previous: MeetingStatus): StatusAction => (previous === "pending" ? "reopen" : previous === "rejected" ? "reject" : "approve");

/**
 * Undoes a bulk decision: each record goes back to the status it had, through the same
 * version check (a record someone changed since is reported, not overwritten).
 */
export async function undoBulkChange(
  db: DbOrTx,
  { userId, items }: { userId: number; items: (BulkItem & { previous: MeetingStatus; previousReason?: string | null })[] },
): Promise<BulkItemResult[]> {
  const results: BulkItemResult[] = [];
  for (const item of items) {
    const action = undoAction(item.previous);
    results.push(await oneChange(db, userId, item, action, action === "reject" ? (item.previousReason ?? "") : null, "restored"));
  }
  return results;
}
