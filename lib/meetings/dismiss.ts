// "Not the same contact": an editor dismisses a possible duplicate pair. Kept (with who
// and when) so the pair is never proposed again; history on both records says so.
import type { DbOrTx } from "@/db/index";
import { duplicateDismissals, history } from "@/db/schema";

export async function dismissDuplicate(db: DbOrTx, userId: number, pair: { a: number; b: number }): Promise<void> {
  const [a, b] = pair.a < pair.b ? [pair.a, pair.b] : [pair.b, pair.a];
  await db.transaction(async (tx) => {
    const inserted = await tx.insert(duplicateDismissals).values({ meetingA: a, meetingB: b, userId }).onConflictDoNothing().returning();
    if (!inserted.length) return;
    await tx.insert(history).values([
      { entityType: "meeting", entityId: a, action: "dismiss_duplicate", field: "sources", after: { other: b }, userId },
      { entityType: "meeting", entityId: b, action: "dismiss_duplicate", field: "sources", after: { other: a }, userId },
    ]);
  });
}
