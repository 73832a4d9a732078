// The editor owns the record set (issue 17): merge two records that are one contact,
// split one that mixes two, delete one that is no event, and undo any of them. Each runs
// in one transaction that locks the records involved (in id order, so two operations
// never deadlock), checks the versions the editor saw, keeps a snapshot of every row it
// touches in record_operations (undo puts exactly those rows back) and writes history
// on every record involved. Bad input changes nothing.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/index";
import { duplicateDismissals, evidence, history, meetingParticipants, meetingPartners, meetings, meetingSources, meetingThemes, quotes, recordOperations } from "@/db/schema";
import { normalizeName } from "@/lib/ingest/normalize";
import type { MergeInput, RecordSetErrorCode, SplitInput } from "@/lib/validations/record-set";
import { restoreRecords, snapshotRecords, type RecordSnapshot } from "./snapshot";

export type RecordSetResult =
  | { status: "done"; operationId: number; meetingIds: number[]; versions: Record<number, number> }
  | { status: "error"; code: RecordSetErrorCode };

const fail = (code: RecordSetErrorCode): RecordSetResult => ({ status: "error", code });

/** Thrown inside a transaction to roll it back with a clean answer. */
class Refused extends Error {
  constructor(readonly code: RecordSetErrorCode) {
    super(code);
  }
}

export async function inTransaction(db: DbOrTx, work: (tx: Tx) => Promise<RecordSetResult>): Promise<RecordSetResult> {
  try {
    return await db.transaction(work);
  } catch (error) {
    if (error instanceof Refused) return fail(error.code);
    throw error;
  }
}

export function refuse(code: RecordSetErrorCode): never {
  throw new Refused(code);
}

type Locked = { id: number; version: number; articleId: number; ordinal: number; status: string };

/** Locks the records in id order; the ones that do not exist are missing from the map. */
export async function lockRecords(tx: Tx, ids: number[]): Promise<Map<number, Locked>> {
  const rows = await tx
    .select({ id: meetings.id, version: meetings.version, articleId: meetings.articleId, ordinal: meetings.ordinal, status: meetings.status })
    .from(meetings)
    .where(inArray(meetings.id, ids))
    .orderBy(meetings.id)
    .for("update");
  return new Map(rows.map((r) => [r.id, r]));
}

export async function recordOperation(
  tx: Tx,
  op: { kind: string; meetingIds: number[]; snapshot: RecordSnapshot; createdIds?: number[]; removedEvents?: string[]; userId: number },
): Promise<{ operationId: number; versions: Record<number, number> }> {
  const live = op.meetingIds.length
    ? await tx.select({ id: meetings.id, version: meetings.version }).from(meetings).where(inArray(meetings.id, op.meetingIds))
    : [];
  const versions = Object.fromEntries(live.map((r) => [r.id, r.version]));
  const [row] = await tx
    .insert(recordOperations)
    .values({
      kind: op.kind,
      meetingIds: op.meetingIds,
      snapshot: op.snapshot as unknown as Record<string, unknown[]>,
      createdIds: op.createdIds ?? [],
      versionsAfter: versions,
      removedEvents: op.removedEvents ?? [],
      userId: op.userId,
    })
    .returning({ id: recordOperations.id });
  return { operationId: row.id, versions };
}

/** The home side's lead official after the participants changed. */
export async function refreshHomeOfficial(tx: Tx, meetingId: number): Promise<void> {
  await tx.execute(sql`update meetings set home_official = (select p.name from meeting_participants p
    where p.meeting_id = ${meetingId} and p.side = 'home' order by p.ordinal, p.id limit 1) where id = ${meetingId}`);
}

const bump = (tx: Tx, id: number) =>
  tx.update(meetings).set({ version: sql`${meetings.version} + 1`, updatedAt: new Date() }).where(eq(meetings.id, id));

// ---------------------------------------------------------------- merge

async function mergeLists(tx: Tx, targetId: number, otherId: number, choices: MergeInput["choices"]): Promise<void> {
  const move = async (table: typeof meetingParticipants | typeof quotes, choice: "target" | "other" | "both", key: (r: { name?: string; text?: string }) => string) => {
    if (choice === "target") return;
    if (choice === "other") await tx.delete(table).where(eq(table.meetingId, targetId));
    const mine = choice === "both" ? await tx.select().from(table).where(eq(table.meetingId, targetId)) : [];
    const have = new Set(mine.map((r) => key(r as { name?: string; text?: string })));
    const theirs = await tx.select().from(table).where(eq(table.meetingId, otherId));
    const base = mine.length;
    for (const [i, r] of theirs.entries()) {
      if (have.has(key(r as { name?: string; text?: string }))) continue;
      await tx.update(table).set({ meetingId: targetId, ordinal: base + i }).where(eq(table.id, r.id));
    }
  };
  await move(meetingParticipants, choices.participants, (r) => normalizeName(r.name ?? ""));
  await move(quotes, choices.quotes, (r) => normalizeName(r.text ?? ""));
  if (choices.partners === "other") await tx.delete(meetingPartners).where(eq(meetingPartners.meetingId, targetId));
  if (choices.partners !== "target")
    await tx.execute(sql`insert into meeting_partners (meeting_id, partner_id, source, confidence)
      select ${targetId}, partner_id, source, confidence from meeting_partners where meeting_id = ${otherId} on conflict do nothing`);
  if (choices.themes === "other") await tx.delete(meetingThemes).where(eq(meetingThemes.meetingId, targetId));
  if (choices.themes !== "target")
    await tx.execute(sql`insert into meeting_themes (meeting_id, theme_code, source, confidence)
      select ${targetId}, theme_code, source, confidence from meeting_themes where meeting_id = ${otherId} on conflict do nothing`);
}

/** Merges `other` into `target`: chosen values, both articles as sources, `other` removed (restorable). */
export async function mergeRecords(db: DbOrTx, userId: number, input: MergeInput): Promise<RecordSetResult> {
  const { targetId, otherId, choices } = input;
  if (targetId === otherId) return fail("merge_self");
  return inTransaction(db, async (tx) => {
    const locked = await lockRecords(tx, [targetId, otherId]);
    const target = locked.get(targetId);
    const other = locked.get(otherId);
    if (!target) refuse("not_found");
    if (!other) refuse("merge_missing");
    if (target.version !== input.targetVersion || other.version !== input.otherVersion) refuse("stale");
    const snapshot = await snapshotRecords(tx, [targetId, otherId]);
    const [o] = snapshot.meetings.filter((m) => Number(m.id) === otherId);
    const scalar: Partial<typeof meetings.$inferInsert> = {};
    if (choices.kind === "other") Object.assign(scalar, { kind: o.kind, kindSource: "editor" });
    if (choices.date === "other") Object.assign(scalar, { date: o.date, dateSource: "editor" });
    if (choices.location === "other") Object.assign(scalar, { location: o.location, locationSource: "editor" });
    if (Object.keys(scalar).length) await tx.update(meetings).set(scalar).where(eq(meetings.id, targetId));
    await mergeLists(tx, targetId, otherId, choices);
    // The other record's spans stay with its article; its sources become the target's.
    await tx.execute(sql`update evidence set meeting_id = ${targetId}, article_id = coalesce(article_id, ${other.articleId})
      where meeting_id = ${otherId}`);
    await tx.update(meetingSources).set({ meetingId: targetId, via: "merge", addedBy: userId }).where(eq(meetingSources.meetingId, otherId));
    await tx.delete(meetings).where(eq(meetings.id, otherId));
    await refreshHomeOfficial(tx, targetId);
    await bump(tx, targetId);
    const op = await recordOperation(tx, { kind: "merge", meetingIds: [targetId, otherId], snapshot, userId });
    await tx.insert(history).values([
      { entityType: "meeting", entityId: targetId, action: "merge", field: "sources", after: { mergedFrom: otherId, operationId: op.operationId, choices }, userId },
      { entityType: "meeting", entityId: otherId, action: "merge", field: "sources", before: { id: otherId }, after: { mergedInto: targetId, operationId: op.operationId }, userId },
    ]);
    return { status: "done", operationId: op.operationId, meetingIds: [targetId], versions: op.versions };
  });
}

// ---------------------------------------------------------------- split

/** The next ordinal for a record an editor creates in an article (from 1000: never the extractor's). */
export async function editorOrdinal(tx: Tx, articleId: number): Promise<number> {
  const [row] = await tx
    .select({ next: sql<number>`greatest(999, coalesce(max(${meetingSources.ordinal}), 0))::int + 1` })
    .from(meetingSources)
    .where(and(eq(meetingSources.articleId, articleId), sql`${meetingSources.ordinal} >= 1000`));
  return Number(row.next);
}

function checkSplit(cur: RecordSnapshot, input: SplitInput): void {
  const lists = {
    participants: cur.meeting_participants.map((r) => Number(r.id)),
    partners: cur.meeting_partners.map((r) => Number(r.partner_id)),
    themes: cur.meeting_themes.map((r) => String(r.theme_code)),
    quotes: cur.quotes.map((r) => Number(r.id)),
  };
  const chosen = { participants: input.participants, partners: input.partners, themes: input.themes, quotes: input.quotes };
  let total = 0;
  let all = true;
  for (const key of Object.keys(lists) as (keyof typeof lists)[]) {
    const have = new Set<string | number>(lists[key]);
    const picked = new Set<string | number>(chosen[key]);
    if ([...picked].some((v) => !have.has(v))) refuse("split_unknown");
    total += picked.size;
    if (picked.size < have.size) all = false;
  }
  if (total === 0) refuse("split_nothing");
  if (all) refuse("split_everything");
}

/** Splits the chosen participants, partners, themes and quotes off into a new record of the same article. */
export async function splitRecord(db: DbOrTx, userId: number, input: SplitInput): Promise<RecordSetResult> {
  return inTransaction(db, async (tx) => {
    const cur = (await lockRecords(tx, [input.id])).get(input.id);
    if (!cur) refuse("not_found");
    if (cur.version !== input.version) refuse("stale");
    const snapshot = await snapshotRecords(tx, [input.id]);
    checkSplit(snapshot, input);
    const m = snapshot.meetings[0];
    const [created] = await tx
      .insert(meetings)
      .values({
        articleId: cur.articleId,
        ordinal: await editorOrdinal(tx, cur.articleId),
        kind: m.kind as typeof meetings.$inferInsert.kind,
        kindSource: m.kind_source as "editor" | "extractor",
        date: (m.date as string | null) ?? null,
        dateSource: m.date_source as "editor" | "extractor",
        location: (m.location as string | null) ?? null,
        locationSource: m.location_source as "editor" | "extractor",
        confidence: Number(m.confidence),
        extractorVersion: String(m.extractor_version),
      })
      .returning({ id: meetings.id });
    const newId = created.id;
    const ids = (list: number[]) => (list.length ? list : [-1]);
    await tx.update(meetingParticipants).set({ meetingId: newId }).where(inArray(meetingParticipants.id, ids(input.participants)));
    await tx.update(quotes).set({ meetingId: newId }).where(inArray(quotes.id, ids(input.quotes)));
    if (input.partners.length)
      await tx.update(meetingPartners).set({ meetingId: newId }).where(and(eq(meetingPartners.meetingId, input.id), inArray(meetingPartners.partnerId, input.partners)));
    if (input.themes.length)
      await tx.update(meetingThemes).set({ meetingId: newId }).where(and(eq(meetingThemes.meetingId, input.id), inArray(meetingThemes.themeCode, input.themes)));
    const keys = [...input.participants.map((v) => `participant:${v}`), ...input.quotes.map((v) => `quote:${v}`), ...input.partners.map((v) => `partner:${v}`), ...input.themes.map((v) => `theme:${v}`)];
    if (keys.length)
      await tx
        .update(evidence)
        .set({ meetingId: newId })
        .where(and(eq(evidence.meetingId, input.id), sql`(${evidence.field} || ':' || coalesce(${evidence.valueKey}, '')) = any(${sql`array[${sql.join(keys.map((k) => sql`${k}`), sql`, `)}]::text[]`})`));
    // The new record reports the same kind, date and place: it shares that evidence.
    await tx.execute(sql`insert into evidence (meeting_id, article_id, field, value_key, start, "end", confidence)
      select ${newId}, article_id, field, value_key, start, "end", confidence from evidence
      where meeting_id = ${input.id} and field in ('kind', 'date', 'location')`);
    await refreshHomeOfficial(tx, input.id);
    await refreshHomeOfficial(tx, newId);
    await bump(tx, input.id);
    const op = await recordOperation(tx, { kind: "split", meetingIds: [input.id, newId], snapshot, createdIds: [newId], userId });
    const chosen = { participants: input.participants, partners: input.partners, themes: input.themes, quotes: input.quotes };
    await tx.insert(history).values([
      { entityType: "meeting", entityId: input.id, action: "split", field: "sources", after: { splitInto: newId, operationId: op.operationId, ...chosen }, userId },
      { entityType: "meeting", entityId: newId, action: "create", field: "sources", after: { splitFrom: input.id, operationId: op.operationId, ...chosen }, userId },
    ]);
    return { status: "done", operationId: op.operationId, meetingIds: [input.id, newId], versions: op.versions };
  });
}

// ---------------------------------------------------------------- delete and undo

/** Deletes a record that is no event at all (admins): kept in record_operations, restorable. */
export async function deleteRecord(db: DbOrTx, userId: number, input: { id: number; version: number; reason?: string }): Promise<RecordSetResult> {
  return inTransaction(db, async (tx) => {
    const cur = (await lockRecords(tx, [input.id])).get(input.id);
    if (!cur) refuse("not_found");
    if (cur.version !== input.version) refuse("stale");
    const snapshot = await snapshotRecords(tx, [input.id]);
    const removedEvents = snapshot.meeting_sources.map((s) => `${s.article_id}:${s.ordinal}`);
    await tx.delete(meetings).where(eq(meetings.id, input.id));
    const op = await recordOperation(tx, { kind: "delete", meetingIds: [input.id], snapshot, removedEvents, userId });
    await tx.insert(history).values({
      entityType: "meeting", entityId: input.id, action: "delete", field: "status",
      before: { status: cur.status }, after: { deleted: true, reason: input.reason ?? null, operationId: op.operationId }, userId,
    });
    return { status: "done", operationId: op.operationId, meetingIds: [], versions: {} };
  });
}

/**
 * Undoes an operation: the records it touched go back to their rows as they were before
 * (ids, values, sources, evidence). Refused when any of them changed since.
 */
export async function undoOperation(db: DbOrTx, userId: number, operationId: number): Promise<RecordSetResult> {
  return inTransaction(db, async (tx) => {
    const [op] = await tx.select().from(recordOperations).where(eq(recordOperations.id, operationId)).for("update");
    if (!op) refuse("not_found");
    if (op.undoneAt) refuse("already_undone");
    const locked = await lockRecords(tx, op.meetingIds);
    for (const id of op.meetingIds) {
      const after = op.versionsAfter[String(id)];
      const now = locked.get(id);
      // A record the operation removed must still be absent; one it kept or created must be as it left it.
      if ((after === undefined) !== (now === undefined) || (now && now.version !== after)) refuse("stale");
    }
    const snapshot = op.snapshot as unknown as RecordSnapshot;
    await restoreRecords(tx, snapshot, [...locked.keys()]);
    const restored = snapshot.meetings.map((m) => Number(m.id));
    // A client still holding the pre-undo version must see a conflict, not save over the undo.
    for (const id of restored) {
      const v = Math.max(Number(snapshot.meetings.find((m) => Number(m.id) === id)!.version), op.versionsAfter[String(id)] ?? 0) + 1;
      await tx.update(meetings).set({ version: v }).where(eq(meetings.id, id));
    }
    await tx.update(recordOperations).set({ undoneAt: new Date(), undoneBy: userId }).where(eq(recordOperations.id, operationId));
    if (op.kind === "merge" && op.meetingIds.length === 2) {
      const [a, b] = [...op.meetingIds].sort((x, y) => x - y);
      // A merge an editor undid is never proposed (or done) again.
      await tx.insert(duplicateDismissals).values({ meetingA: a, meetingB: b, userId }).onConflictDoNothing();
    }
    await tx.insert(history).values(
      op.meetingIds.map((id) => ({ entityType: "meeting", entityId: id, action: `undo_${op.kind}`, field: "sources", after: { operationId, restored: restored.includes(id) }, userId })),
    );
    const versions = Object.fromEntries((await tx.select({ id: meetings.id, version: meetings.version }).from(meetings).where(inArray(meetings.id, restored.length ? restored : [-1]))).map((r) => [r.id, r.version]));
    return { status: "done", operationId, meetingIds: restored, versions };
  });
}
