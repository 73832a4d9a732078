// Ingestion jobs and their per-file results, for the progress view and its polling route.
import { and, asc, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/index";
import { ingestItems, ingestJobs } from "@/db/schema";

export interface JobView {
  id: number;
  status: "queued" | "running" | "done" | "failed";
  total: number;
  done: number;
  createdBy: number | null;
  createdAt: string;
  finishedAt: string | null;
  items: {
    id: number;
    fileName: string;
    status: "queued" | "processing" | "stored" | "duplicate" | "refused";
    message: string | null;
    articleId: number | null;
    meetingsCreated: number;
  }[];
}

export async function getJobView(db: DbOrTx, jobId: number): Promise<JobView | null> {
  const [job] = await db.select().from(ingestJobs).where(eq(ingestJobs.id, jobId));
  if (!job) return null;
  const items = await db
    .select({
      id: ingestItems.id,
      fileName: ingestItems.fileName,
      status: ingestItems.status,
      message: ingestItems.message,
      articleId: ingestItems.articleId,
      meetingsCreated: ingestItems.meetingsCreated,
    })
    .from(ingestItems)
    .where(eq(ingestItems.jobId, jobId))
    .orderBy(asc(ingestItems.id));
  return {
    id: job.id,
    status: job.status,
    total: job.total,
    done: job.done,
    createdBy: job.createdBy,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    items,
  };
}

export async function recentJobs(db: DbOrTx, userId: number, limit = 10) {
  return db
    .select({ id: ingestJobs.id, status: ingestJobs.status, total: ingestJobs.total, done: ingestJobs.done, createdAt: ingestJobs.createdAt })
    .from(ingestJobs)
    .where(and(eq(ingestJobs.createdBy, userId)))
    .orderBy(desc(ingestJobs.id))
    .limit(limit);
}
