// Background ingestion: a job holds one ingest_items row per uploaded file, with the
// bytes kept in the row until the file is processed, so that any app instance can
// process any item and a crash loses nothing. An item is marked stored in the same
// transaction as its article, and finishing it (clearing the bytes, counting it done)
// is idempotent, so an item processed twice after a crash is counted once.
import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/db/index";
import { ingestItems, ingestJobs } from "@/db/schema";
import { createAppExtractor } from "@/lib/app-extractor";
import { ingestFile } from "./ingest-file";
import { formatBytes, MAX_FILE_BYTES, MAX_FILES_PER_UPLOAD } from "./limits";
import type { ArticleOutcome, IngestOverrides } from "./types";

export interface UploadedFile {
  fileName: string;
  bytes: Uint8Array;
  overrides?: IngestOverrides;
}

export class UploadRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UploadRejectedError";
  }
}

/** Creates the job and its items (one transaction); returns the job id and the item ids to enqueue. */
export async function createIngestJob(
  db: Db,
  files: UploadedFile[],
  userId: number | null,
): Promise<{ jobId: number; itemIds: number[] }> {
  if (files.length === 0) throw new UploadRejectedError("no files");
  if (files.length > MAX_FILES_PER_UPLOAD) {
    throw new UploadRejectedError(`too many files: ${files.length} (at most ${MAX_FILES_PER_UPLOAD} per upload)`);
  }
  return db.transaction(async (tx) => {
    const [job] = await tx
      .insert(ingestJobs)
      .values({ total: files.length, createdBy: userId })
      .returning({ id: ingestJobs.id });
    const itemIds: number[] = [];
    for (const f of files) {
      // An oversized file is refused at once and its bytes never stored.
      const tooLarge = f.bytes.byteLength > MAX_FILE_BYTES;
      const [item] = await tx
        .insert(ingestItems)
        .values({
          jobId: job.id,
          fileName: f.fileName.slice(0, 300),
          content: tooLarge ? null : Buffer.from(f.bytes),
          overrides: f.overrides ?? null,
          status: tooLarge ? "refused" : "queued",
          message: tooLarge ? `too large: ${formatBytes(f.bytes.byteLength)} (the limit is ${formatBytes(MAX_FILE_BYTES)})` : null,
        })
        .returning({ id: ingestItems.id });
      if (tooLarge) continue;
      itemIds.push(item.id);
    }
    const refusedAtOnce = files.length - itemIds.length;
    if (refusedAtOnce > 0) {
      await tx
        .update(ingestJobs)
        .set({ done: refusedAtOnce, ...(itemIds.length === 0 ? { status: "done" as const, finishedAt: new Date() } : {}) })
        .where(eq(ingestJobs.id, job.id));
    }
    return { jobId: job.id, itemIds };
  });
}

function itemSummary(outcomes: ArticleOutcome[]): { status: "stored" | "duplicate" | "refused"; message: string | null } {
  const stored = outcomes.filter((o) => o.status === "stored").length;
  const duplicate = outcomes.filter((o) => o.status === "duplicate").length;
  const refused = outcomes.filter((o) => o.status === "refused");
  const status = stored > 0 ? "stored" : duplicate > 0 ? "duplicate" : "refused";
  if (outcomes.length === 1) return { status, message: refused[0]?.reason ?? null };
  const parts = [`${outcomes.length} articles: ${stored} stored, ${duplicate} duplicate, ${refused.length} refused`];
  for (const r of refused) parts.push(r.reason);
  return { status, message: parts.join("; ") };
}

/** Items whose bytes are still waiting, oldest first (what a restarted worker resumes). */
export async function pendingItemIds(db: Db, limit = 1000): Promise<number[]> {
  const rows = await db
    .select({ id: ingestItems.id })
    .from(ingestItems)
    .where(and(isNotNull(ingestItems.content), inArray(ingestItems.status, ["queued", "processing", "stored"])))
    .orderBy(asc(ingestItems.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Processes one item: ingests its file, records the result, clears the bytes. Safe to call twice. */
export async function processIngestItem(db: Db, itemId: number): Promise<void> {
  const [item] = await db
    .update(ingestItems)
    .set({ status: sql`case when ${ingestItems.status} = 'stored' then 'stored'::ingest_item_status else 'processing'::ingest_item_status end` })
    .where(and(eq(ingestItems.id, itemId), isNotNull(ingestItems.content)))
    .returning();
  if (!item) return;
  await db
    .update(ingestJobs)
    .set({ status: "running" })
    .where(and(eq(ingestJobs.id, item.jobId), eq(ingestJobs.status, "queued")));

  const outcomes = await ingestFile(db, {
    bytes: item.content!,
    fileName: item.fileName,
    overrides: item.overrides ?? undefined,
    userId: (await jobOwner(db, item.jobId)) ?? null,
    extractor: await createAppExtractor(db),
    onStored: async (tx, outcome) => {
      await tx
        .update(ingestItems)
        .set({
          status: "stored",
          articleId: sql`coalesce(${ingestItems.articleId}, ${outcome.articleId})`,
          meetingsCreated: sql`${ingestItems.meetingsCreated} + ${outcome.meetingsCreated}`,
        })
        .where(eq(ingestItems.id, itemId));
    },
  });

  const { status, message } = itemSummary(outcomes);
  const firstArticle = outcomes.find((o) => o.status !== "refused") as { articleId: number } | undefined;
  await db.transaction(async (tx) => {
    const [finished] = await tx
      .update(ingestItems)
      .set({
        status: sql`case when ${ingestItems.status} = 'stored' then 'stored'::ingest_item_status else ${status}::ingest_item_status end`,
        message,
        articleId: sql`coalesce(${ingestItems.articleId}, ${firstArticle?.articleId ?? null})`,
        content: null,
      })
      .where(and(eq(ingestItems.id, itemId), isNotNull(ingestItems.content)))
      .returning({ id: ingestItems.id });
    if (!finished) return;
    await tx
      .update(ingestJobs)
      .set({
        done: sql`${ingestJobs.done} + 1`,
        status: sql`case when ${ingestJobs.done} + 1 >= ${ingestJobs.total} then 'done'::ingest_job_status else 'running'::ingest_job_status end`,
        finishedAt: sql`case when ${ingestJobs.done} + 1 >= ${ingestJobs.total} then now() else null end`,
      })
      .where(eq(ingestJobs.id, item.jobId));
  });
}

async function jobOwner(db: Db, jobId: number): Promise<number | null> {
  const [job] = await db.select({ createdBy: ingestJobs.createdBy }).from(ingestJobs).where(eq(ingestJobs.id, jobId));
  return job?.createdBy ?? null;
}
