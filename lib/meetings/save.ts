// Saving an editor's changes to a record: one transaction that checks the version the
// editor started from, applies only the fields they changed or confirmed, marks those
// values as the editor's (re-extraction then leaves them alone), writes one history row
// per changed field and bumps the version. A save from an old version is refused with
// the record as it is now and the changes made since, so the client can show both.
import { and, eq, inArray, or, sql } from "drizzle-orm";
import { type DbOrTx, type Tx } from "@/db/index";
import {
  history,
  meetingParticipants,
  meetingPartners,
  meetings,
  meetingThemes,
  partnerAliases,
  partners,
  quotes,
  themes,
} from "@/db/schema";
import { getRecord, type RecordView } from "@/db/queries/meetings";
import { listMeetingHistory, listMeetingHistoryAfter, type HistoryEntry } from "@/db/queries/history";
import { normalizeName } from "@/lib/ingest/normalize";
import type { EditableField, MeetingChanges, MeetingEdit, ParticipantInput, QuoteInput } from "@/lib/validations/meetings";
import { loadEditable, type EditableState } from "./load";
import { fieldHistoryRows, fieldValues, partnerValues, recordValues, sameValue } from "./values";

export type SaveResult =
  | { status: "saved"; version: number; changed: EditableField[]; historyId: number }
  | { status: "unchanged"; version: number }
  | { status: "invalid"; errors: Record<string, string[]> }
  | { status: "not_found" }
  | { status: "conflict"; current: RecordView; theirChanges: HistoryEntry[] };

type Source = "extractor" | "editor";
type InTx = { status: "stale" } | Exclude<SaveResult, { status: "conflict" }>;

/** What a refused save returns: the record as it is now and what changed since the editor's view. */
export async function conflictResult(db: DbOrTx, meetingId: number, seenHistoryId: number | undefined): Promise<SaveResult> {
  const current = await getRecord(db, meetingId);
  if (!current) return { status: "not_found" };
  const theirChanges =
    seenHistoryId !== undefined
      ? await listMeetingHistoryAfter(db, meetingId, seenHistoryId)
      : (await listMeetingHistory(db, meetingId, { limit: 20 })).reverse();
  return { status: "conflict", current, theirChanges };
}

// ---------------------------------------------------------------- registry checks

async function resolveThemes(tx: Tx, codes: string[], errors: Record<string, string[]>): Promise<string[]> {
  const known = codes.length
    ? await tx
        .select({ code: themes.code, retiredAt: themes.retiredAt, mergedInto: themes.mergedInto })
        .from(themes)
        .where(inArray(themes.code, codes))
    : [];
  const byCode = new Map(known.map((t) => [t.code, t]));
  const out: string[] = [];
  codes.forEach((code, i) => {
    const t = byCode.get(code);
    // A theme merged into another counts as its survivor; a retired one is no longer offered.
    const live = t && !t.retiredAt ? t.code : t?.mergedInto;
    if (!live) errors[`themes.${i}`] = ["theme_unknown"];
    else if (!out.includes(live)) out.push(live);
  });
  return out;
}

/** Partner ids (merged entries count as their survivor); unknown ids are errors. */
async function resolvePartnerIds(tx: Tx, changes: MeetingChanges, errors: Record<string, string[]>) {
  const list = changes.partners ?? [];
  const ids = list.flatMap((p) => ("id" in p ? [p.id] : []));
  const known = ids.length
    ? await tx
        .select({ id: partners.id, mergedIntoId: partners.mergedIntoId })
        .from(partners)
        .where(inArray(partners.id, ids))
    : [];
  const byId = new Map(known.map((p) => [p.id, p.mergedIntoId ?? p.id]));
  list.forEach((p, i) => {
    if ("id" in p && !byId.has(p.id)) errors[`partners.${i}`] = ["partner_unknown"];
  });
  return byId;
}

/** A partner typed by name: the registry entry it already names, or a new entry (with its alias). */
async function findOrCreatePartner(
  tx: Tx,
  p: { name: string; type: "country" | "organization" },
  userId: number,
): Promise<number> {
  const normalized = normalizeName(p.name);
  const [existing] = await tx
    .select({ id: sql<number>`coalesce(${partners.mergedIntoId}, ${partners.id})` })
    .from(partners)
    .leftJoin(partnerAliases, eq(partnerAliases.partnerId, partners.id))
    .where(or(eq(partnerAliases.normalized, normalized), eq(sql`lower(${partners.nameRu})`, p.name.toLowerCase())))
    .limit(1);
  if (existing) return Number(existing.id);
  const [created] = await tx.insert(partners).values({ type: p.type, nameRu: p.name }).returning({ id: partners.id });
  await tx
    .insert(partnerAliases)
    .values({ partnerId: created.id, alias: p.name, normalized, kind: "name", source: "editor", createdBy: userId })
    .onConflictDoNothing();
  await tx.insert(history).values({
    entityType: "partner",
    entityId: created.id,
    action: "create",
    after: { name: p.name, type: p.type },
    userId,
  });
  return created.id;
}

// ---------------------------------------------------------------- list fields

type RowPlan<T> = { input: T; rowId?: number };

/**
 * Pairs submitted rows with existing ones: by id first, then by normalised key (so a
 * restored or retyped row keeps its id and evidence); the rest are new.
 */
function pairRows<T extends { id?: number }, R extends { id: number }>(
  current: R[],
  submitted: T[],
  key: (v: T | R) => string,
): { plan: RowPlan<T>[]; removed: R[] } {
  const byId = new Map(current.map((r) => [r.id, r]));
  const claimed = new Set<number>();
  const plan: RowPlan<T>[] = submitted.map((input) => {
    if (input.id && byId.has(input.id) && !claimed.has(input.id)) {
      claimed.add(input.id);
      return { input, rowId: input.id };
    }
    return { input };
  });
  for (const p of plan) {
    if (p.rowId) continue;
    const match = current.find((r) => !claimed.has(r.id) && key(r) === key(p.input));
    if (match) {
      claimed.add(match.id);
      p.rowId = match.id;
    }
  }
  return { plan, removed: current.filter((r) => !claimed.has(r.id)) };
}

async function applyParticipants(tx: Tx, meetingId: number, cur: EditableState, submitted: ParticipantInput[], confirm: boolean) {
  const { plan, removed } = pairRows(cur.participants, submitted, (v) => normalizeName(v.name));
  if (removed.length)
    await tx.delete(meetingParticipants).where(inArray(meetingParticipants.id, removed.map((r) => r.id)));
  const byId = new Map(cur.participants.map((r) => [r.id, r]));
  for (const [i, { input, rowId }] of plan.entries()) {
    const row = rowId ? byId.get(rowId) : undefined;
    if (!row) {
      await tx.insert(meetingParticipants).values({
        meetingId,
        name: input.name,
        position: input.position,
        side: input.side,
        ordinal: i,
        source: "editor",
      });
      continue;
    }
    const renamed = row.name !== input.name;
    const modified = renamed || row.position !== input.position || row.side !== input.side;
    if (!modified && !confirm && row.ordinal === i) continue;
    await tx
      .update(meetingParticipants)
      .set({
        name: input.name,
        position: input.position,
        side: input.side,
        ordinal: i,
        source: modified || confirm ? "editor" : row.source,
        // The person link followed the old name; the registry re-links a corrected one.
        ...(renamed ? { personId: null } : {}),
      })
      .where(eq(meetingParticipants.id, row.id));
  }
}

async function applyQuotes(tx: Tx, meetingId: number, cur: EditableState, submitted: QuoteInput[], confirm: boolean) {
  const { plan, removed } = pairRows(cur.quotes, submitted, (v) => normalizeName(v.text));
  if (removed.length) await tx.delete(quotes).where(inArray(quotes.id, removed.map((r) => r.id)));
  const byId = new Map(cur.quotes.map((r) => [r.id, r]));
  for (const [i, { input, rowId }] of plan.entries()) {
    const row = rowId ? byId.get(rowId) : undefined;
    if (!row) {
      await tx.insert(quotes).values({ meetingId, text: input.text, speakerName: input.speaker, ordinal: i, source: "editor" });
      continue;
    }
    const newSpeaker = row.speaker !== input.speaker;
    const modified = newSpeaker || row.text !== input.text;
    if (!modified && !confirm && row.ordinal === i) continue;
    await tx
      .update(quotes)
      .set({
        text: input.text,
        speakerName: input.speaker,
        ordinal: i,
        source: modified || confirm ? "editor" : row.source,
        ...(newSpeaker ? { speakerPersonId: null } : {}),
      })
      .where(eq(quotes.id, row.id));
  }
}

async function applyPartners(tx: Tx, meetingId: number, cur: EditableState, ids: number[], confirm: boolean) {
  const before = new Set(cur.partners.map((p) => p.id));
  const removed = [...before].filter((id) => !ids.includes(id));
  const added = ids.filter((id) => !before.has(id));
  if (removed.length)
    await tx
      .delete(meetingPartners)
      .where(and(eq(meetingPartners.meetingId, meetingId), inArray(meetingPartners.partnerId, removed)));
  if (added.length)
    await tx
      .insert(meetingPartners)
      .values(added.map((partnerId) => ({ meetingId, partnerId, source: "editor" as const })))
      .onConflictDoNothing();
  if (confirm && ids.length)
    await tx
      .update(meetingPartners)
      .set({ source: "editor" })
      .where(and(eq(meetingPartners.meetingId, meetingId), inArray(meetingPartners.partnerId, ids)));
}

async function applyThemes(tx: Tx, meetingId: number, cur: EditableState, codes: string[], confirm: boolean) {
  const before = new Set(cur.themes.map((t) => t.code));
  const removed = [...before].filter((c) => !codes.includes(c));
  const added = codes.filter((c) => !before.has(c));
  if (removed.length)
    await tx.delete(meetingThemes).where(and(eq(meetingThemes.meetingId, meetingId), inArray(meetingThemes.themeCode, removed)));
  if (added.length)
    await tx
      .insert(meetingThemes)
      .values(added.map((themeCode) => ({ meetingId, themeCode, source: "editor" as const })))
      .onConflictDoNothing();
  if (confirm && codes.length)
    await tx
      .update(meetingThemes)
      .set({ source: "editor" })
      .where(and(eq(meetingThemes.meetingId, meetingId), inArray(meetingThemes.themeCode, codes)));
}

// ---------------------------------------------------------------- the save

const hasEditorSource = (rows: { source: Source }[]) => rows.length > 0 && rows.every((r) => r.source === "editor");

/**
 * Applies an editor's changes. `action` is what the history rows say ("update", or
 * "restore" when the value comes from an earlier history row).
 */
export async function saveMeetingEdit(
  db: DbOrTx,
  { userId, edit, action = "update" }: { userId: number; edit: MeetingEdit; action?: "update" | "restore" },
): Promise<SaveResult> {
  const { id: meetingId, baseVersion, changes } = edit;
  const confirm = new Set(edit.confirm);

  const outcome = await db.transaction(async (tx): Promise<InTx> => {
    const cur = await loadEditable(tx, meetingId);
    if (!cur) return { status: "not_found" };
    if (cur.version !== baseVersion) return { status: "stale" };

    const errors: Record<string, string[]> = {};
    const themeCodes = changes.themes ? await resolveThemes(tx, changes.themes, errors) : undefined;
    const partnerIdMap = changes.partners ? await resolvePartnerIds(tx, changes, errors) : undefined;
    if (Object.keys(errors).length) return { status: "invalid", errors };

    let partnerIds: number[] | undefined;
    if (changes.partners) {
      partnerIds = [];
      for (const p of changes.partners) {
        const pid = "id" in p ? partnerIdMap!.get(p.id)! : await findOrCreatePartner(tx, p, userId);
        if (!partnerIds.includes(pid)) partnerIds.push(pid);
      }
    }
    const beforeValues = recordValues(cur);
    const afterValues = fieldValues({
      ...changes,
      partners: partnerIds ? await partnerValues(tx, partnerIds) : undefined,
      themes: themeCodes,
    });

    const sources: Record<EditableField, boolean> = {
      kind: cur.kindSource === "editor",
      date: cur.dateSource === "editor",
      location: cur.locationSource === "editor",
      participants: hasEditorSource(cur.participants),
      partners: hasEditorSource(cur.partners),
      themes: hasEditorSource(cur.themes),
      quotes: hasEditorSource(cur.quotes),
    };
    const changed: EditableField[] = [];
    const confirmed: EditableField[] = [];
    for (const field of Object.keys(afterValues) as EditableField[]) {
      if (!sameValue(field, beforeValues[field], afterValues[field])) changed.push(field);
    }
    for (const field of confirm) {
      if (!changed.includes(field) && !sources[field]) confirmed.push(field);
    }
    // Pure reordering of participants or quotes is a change worth keeping but not a new value.
    const reordered =
      (changes.participants && !changed.includes("participants")) || (changes.quotes && !changed.includes("quotes"));
    if (changed.length === 0 && confirmed.length === 0 && !reordered) return { status: "unchanged", version: cur.version };

    const touched = new Set<EditableField>([...changed, ...confirmed]);
    if (changes.participants)
      await applyParticipants(tx, meetingId, cur, changes.participants, confirm.has("participants"));
    if (changes.quotes) await applyQuotes(tx, meetingId, cur, changes.quotes, confirm.has("quotes"));
    if (partnerIds) await applyPartners(tx, meetingId, cur, partnerIds, confirm.has("partners"));
    else if (confirm.has("partners")) await applyPartners(tx, meetingId, cur, cur.partners.map((p) => p.id), true);
    if (themeCodes) await applyThemes(tx, meetingId, cur, themeCodes, confirm.has("themes"));
    else if (confirm.has("themes")) await applyThemes(tx, meetingId, cur, cur.themes.map((t) => t.code), true);
    if (!changes.participants && confirm.has("participants"))
      await applyParticipants(tx, meetingId, cur, cur.participants, true);
    if (!changes.quotes && confirm.has("quotes")) await applyQuotes(tx, meetingId, cur, cur.quotes, true);

    // Proposals the editor has now answered (by changing or confirming the field) are settled.
    const proposals = cur.proposals ? { ...cur.proposals } : null;
    if (proposals) for (const f of touched) delete proposals[f];
    const participantsAfter = afterValues.participants;
    const [updated] = await tx
      .update(meetings)
      .set({
        ...(touched.has("kind") && changes.kind !== undefined ? { kind: changes.kind } : {}),
        ...(touched.has("kind") ? { kindSource: "editor" as const } : {}),
        ...(touched.has("date") && changes.date !== undefined ? { date: changes.date } : {}),
        ...(touched.has("date") ? { dateSource: "editor" as const } : {}),
        ...(touched.has("location") && changes.location !== undefined ? { location: changes.location } : {}),
        ...(touched.has("location") ? { locationSource: "editor" as const } : {}),
        ...(participantsAfter ? { homeOfficial: participantsAfter.find((p) => p.side === "home")?.name ?? null } : {}),
        proposals: proposals && Object.keys(proposals).length ? proposals : null,
        version: sql`${meetings.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(meetings.id, meetingId), eq(meetings.version, baseVersion)))
      .returning({ version: meetings.version });
    if (!updated) return { status: "stale" };

    const rows = [
      ...fieldHistoryRows(meetingId, action, changed, { before: beforeValues, after: afterValues }, userId),
      // A confirmation keeps the value: before and after are the same.
      ...fieldHistoryRows(meetingId, "confirm", confirmed, { before: beforeValues, after: beforeValues }, userId),
    ];
    let historyId = 0;
    if (rows.length) {
      const inserted = await tx.insert(history).values(rows).returning({ id: history.id });
      historyId = Math.max(...inserted.map((r) => r.id));
    }
    return { status: "saved", version: updated.version, changed, historyId };
  });

  if (outcome.status === "stale") return conflictResult(db, meetingId, edit.seenHistoryId);
  return outcome;
}
