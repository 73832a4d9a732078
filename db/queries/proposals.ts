// Reads for the proposals page: rules offered from editors' corrections, newest first.
import { desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/index";
import { ruleProposals, users } from "@/db/schema";

export type ProposalStatus = "pending" | "accepted" | "rejected";

export async function listProposals(db: DbOrTx, status: ProposalStatus, limit = 200) {
  return db
    .select({
      id: ruleProposals.id,
      kind: ruleProposals.kind,
      payload: ruleProposals.payload,
      status: ruleProposals.status,
      meetingId: ruleProposals.meetingId,
      createdAt: ruleProposals.createdAt,
      decidedAt: ruleProposals.decidedAt,
      proposedBy: sql<string | null>`(select coalesce(u.name, u.email) from ${users} u where u.id = ${ruleProposals.proposedBy})`,
    })
    .from(ruleProposals)
    .where(eq(ruleProposals.status, status))
    .orderBy(desc(ruleProposals.id))
    .limit(limit);
}

export async function countPendingProposals(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(ruleProposals).where(eq(ruleProposals.status, "pending"));
  return Number(row?.n ?? 0);
}
