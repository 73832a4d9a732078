// Polled sources: the admin page's reads (with each source's last poll and its health by
// day) and the writes behind the page and `npm run sources`, each in one transaction
// with its history rows (entity_type "source").
import { and, asc, desc, eq, gte, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/index";
import { history, sourceLinks, sourcePolls, sources, type Source } from "@/db/schema";
import type { SourceInput } from "@/lib/validations/sources";

export class SourceChangeError extends Error {
  constructor(readonly code: "not_found" | "url_taken") {
    super(code);
    this.name = "SourceChangeError";
  }
}

const EDITABLE = ["name", "url", "kind", "linkPattern", "intervalMinutes"] as const;

async function writeHistory(tx: DbOrTx, sourceId: number, actorId: number | null, entries: { action: string; field?: string; before?: unknown; after?: unknown }[]) {
  if (entries.length === 0) return;
  await tx.insert(history).values(
    entries.map((e) => ({ entityType: "source", entityId: sourceId, action: e.action, field: e.field ?? null, before: e.before ?? null, after: e.after ?? null, userId: actorId })),
  );
}

async function urlTaken(tx: DbOrTx, url: string, exceptId?: number): Promise<boolean> {
  const rows = await tx.select({ id: sources.id }).from(sources).where(eq(sources.url, url));
  return rows.some((r) => r.id !== exceptId);
}

export async function createSource(db: Db, input: SourceInput, actorId: number | null): Promise<Source> {
  return db.transaction(async (tx) => {
    if (await urlTaken(tx, input.url)) throw new SourceChangeError("url_taken");
    const [row] = await tx
      .insert(sources)
      .values({ ...input, createdBy: actorId })
      .onConflictDoNothing({ target: sources.url })
      .returning();
    if (!row) throw new SourceChangeError("url_taken");
    await writeHistory(tx, row.id, actorId, [{ action: "create", after: Object.fromEntries(EDITABLE.map((k) => [k, row[k]])) }]);
    return row;
  });
}

async function lockSource(tx: DbOrTx, id: number): Promise<Source> {
  const [row] = await tx.select().from(sources).where(eq(sources.id, id)).for("update");
  if (!row) throw new SourceChangeError("not_found");
  return row;
}

export async function updateSource(db: Db, id: number, input: SourceInput, actorId: number | null): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await lockSource(tx, id);
    if (input.url !== current.url && (await urlTaken(tx, input.url, id))) throw new SourceChangeError("url_taken");
    const changed = EDITABLE.filter((k) => current[k] !== input[k]);
    if (changed.length === 0) return;
    // A new address starts afresh: the old one's ETag means nothing there.
    const urlChanged = input.url !== current.url;
    await tx
      .update(sources)
      .set({ ...input, ...(urlChanged ? { etag: null, lastModified: null, failures: 0 } : {}) })
      .where(eq(sources.id, id));
    await writeHistory(tx, id, actorId, changed.map((k) => ({ action: "update", field: k, before: current[k], after: input[k] })));
  });
}

export async function setSourceActive(db: Db, id: number, active: boolean, actorId: number | null): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await lockSource(tx, id);
    if (current.active === active) return;
    // Resuming polls at once; the backoff of a source that had been failing starts over.
    await tx
      .update(sources)
      .set({ active, ...(active ? { nextPollAt: sql`now()`, failures: 0 } : {}) })
      .where(eq(sources.id, id));
    await writeHistory(tx, id, actorId, [{ action: active ? "resume" : "pause", field: "active", before: current.active, after: active }]);
  });
}

/** Deletes the source and its log; the articles it brought stay (they are Chronicle's now). */
export async function deleteSource(db: Db, id: number, actorId: number | null): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await lockSource(tx, id);
    await tx.delete(sources).where(eq(sources.id, id));
    await writeHistory(tx, id, actorId, [{ action: "delete", before: Object.fromEntries(EDITABLE.map((k) => [k, current[k]])) }]);
  });
}

export interface SourceListRow {
  id: number;
  name: string;
  url: string;
  kind: Source["kind"];
  linkPattern: string | null;
  intervalMinutes: number;
  active: boolean;
  lastPolledAt: Date | null;
  nextPollAt: Date;
  failures: number;
  lastOutcome: string | null;
  lastError: string | null;
  lastFound: number | null;
  lastStored: number | null;
  lastKnown: number | null;
  lastRefused: number | null;
  lastFailed: number | null;
}

export async function listSources(db: DbOrTx): Promise<SourceListRow[]> {
  const last = db
    .selectDistinctOn([sourcePolls.sourceId], {
      sourceId: sourcePolls.sourceId,
      outcome: sourcePolls.outcome,
      error: sourcePolls.error,
      found: sourcePolls.found,
      stored: sourcePolls.stored,
      known: sourcePolls.known,
      refused: sourcePolls.refused,
      failed: sourcePolls.failed,
    })
    .from(sourcePolls)
    .where(sql`${sourcePolls.finishedAt} is not null`)
    .orderBy(sourcePolls.sourceId, desc(sourcePolls.startedAt), desc(sourcePolls.id))
    .as("last");
  return db
    .select({
      id: sources.id,
      name: sources.name,
      url: sources.url,
      kind: sources.kind,
      linkPattern: sources.linkPattern,
      intervalMinutes: sources.intervalMinutes,
      active: sources.active,
      lastPolledAt: sources.lastPolledAt,
      nextPollAt: sources.nextPollAt,
      failures: sources.failures,
      lastOutcome: last.outcome,
      lastError: last.error,
      lastFound: last.found,
      lastStored: last.stored,
      lastKnown: last.known,
      lastRefused: last.refused,
      lastFailed: last.failed,
    })
    .from(sources)
    .leftJoin(last, eq(last.sourceId, sources.id))
    .orderBy(asc(sql`lower(${sources.name})`), asc(sources.id));
}

export async function getSource(db: DbOrTx, id: number): Promise<Source | null> {
  const [row] = await db.select().from(sources).where(eq(sources.id, id));
  return row ?? null;
}

export interface SourceHealthDay {
  sourceId: number;
  day: string;
  polls: number;
  failedPolls: number;
  stored: number;
  refused: number;
  failed: number;
}

/** Per source and day over the last `days` days: polls, failed polls, links stored / refused / failed (SQL group by). */
export async function sourceHealth(db: DbOrTx, days = 14): Promise<SourceHealthDay[]> {
  // Days in UTC, as the page draws them, whatever the server's time zone.
  const day = sql<string>`to_char(${sourcePolls.startedAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  const rows = await db
    .select({
      sourceId: sourcePolls.sourceId,
      day,
      polls: sql<number>`count(*)::int`,
      failedPolls: sql<number>`(count(*) filter (where ${sourcePolls.outcome} = 'failed'))::int`,
      stored: sql<number>`coalesce(sum(${sourcePolls.stored}), 0)::int`,
      refused: sql<number>`coalesce(sum(${sourcePolls.refused}), 0)::int`,
      failed: sql<number>`coalesce(sum(${sourcePolls.failed}), 0)::int`,
    })
    .from(sourcePolls)
    .where(gte(sourcePolls.startedAt, sql`now() - ${days} * interval '1 day'`))
    .groupBy(sourcePolls.sourceId, day)
    .orderBy(sourcePolls.sourceId, day);
  return rows;
}

export interface SourceLinkRow {
  id: number;
  url: string;
  status: "stored" | "duplicate" | "refused" | "failed";
  reason: string | null;
  articleId: number | null;
  feedDate: string | null;
  updatedAt: Date;
}

/** A source's most recent links with what became of each (the page's log). */
export async function listSourceLinks(db: DbOrTx, sourceId: number, limit = 30): Promise<SourceLinkRow[]> {
  return db
    .select({
      id: sourceLinks.id,
      url: sourceLinks.url,
      status: sourceLinks.status,
      reason: sourceLinks.reason,
      articleId: sourceLinks.articleId,
      feedDate: sourceLinks.feedDate,
      updatedAt: sourceLinks.updatedAt,
    })
    .from(sourceLinks)
    .where(and(eq(sourceLinks.sourceId, sourceId)))
    .orderBy(desc(sourceLinks.updatedAt), desc(sourceLinks.id))
    .limit(limit);
}
