// Which values an editor owns, and the one way a machine (re-extraction) may update a
// record: fields an editor owns are never overwritten; where the machine disagrees
// with them its value is kept in meetings.proposals for the record page to offer.
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { type DbOrTx, type Tx } from "@/db/index";
import { history, meetingParticipants, meetingPartners, meetings, meetingThemes, quotes } from "@/db/schema";
import { editableFields, type EditableField } from "@/lib/validations/meetings";
import { loadEditable } from "./load";
import { fieldHistoryRows, fieldValues, partnerValues, recordValues, sameValue, type FieldValues } from "./values";

/**
 * Fields an editor owns: a scalar whose source is "editor", a list with any editor
 * row, or any field an editor ever changed (removing every partner leaves no row to
 * carry the mark, but history remembers).
 */
export async function editorOwnedFields(db: DbOrTx, meetingId: number): Promise<Set<EditableField>> {
  const owned = new Set<EditableField>();
  const [m] = await db
    .select({ kind: meetings.kindSource, date: meetings.dateSource, location: meetings.locationSource })
    .from(meetings)
    .where(eq(meetings.id, meetingId));
  if (!m) return owned;
  if (m.kind === "editor") owned.add("kind");
  if (m.date === "editor") owned.add("date");
  if (m.location === "editor") owned.add("location");
  const rows = await db.execute(sql`
    select 'participants' as f where exists (select 1 from ${meetingParticipants} where meeting_id = ${meetingId} and source = 'editor')
    union all select 'partners' where exists (select 1 from ${meetingPartners} where meeting_id = ${meetingId} and source = 'editor')
    union all select 'themes' where exists (select 1 from ${meetingThemes} where meeting_id = ${meetingId} and source = 'editor')
    union all select 'quotes' where exists (select 1 from ${quotes} where meeting_id = ${meetingId} and source = 'editor')`);
  for (const r of (Array.isArray(rows) ? rows : (rows as { rows: { f: EditableField }[] }).rows) as { f: EditableField }[])
    owned.add(r.f);
  const edited = await db
    .selectDistinct({ field: history.field })
    .from(history)
    .where(
      and(
        eq(history.entityType, "meeting"),
        eq(history.entityId, meetingId),
        isNotNull(history.userId),
        inArray(history.field, [...editableFields]),
      ),
    );
  for (const e of edited) owned.add(e.field as EditableField);
  return owned;
}

/** What a machine pass found for one record; partners by registry id, themes by live code. */
export type MachineValues = Partial<Omit<FieldValues, "partners"> & { partnerIds: number[] }>;

/**
 * Writes a machine pass's values into a record, field by field: fields the editor owns
 * keep the editor's value (a differing machine value becomes a proposal), the rest are
 * replaced with extractor rows. One history row per changed field, userId null.
 */
export async function applyMachineValues(
  tx: Tx,
  meetingId: number,
  values: MachineValues,
  { extractorVersion, action = "reextract" }: { extractorVersion: string; action?: string },
): Promise<{ changed: EditableField[]; proposed: EditableField[] }> {
  const cur = await loadEditable(tx, meetingId);
  if (!cur) return { changed: [], proposed: [] };
  const owned = await editorOwnedFields(tx, meetingId);
  const { partnerIds, ...rest } = values;
  const incoming = fieldValues({ ...rest, partners: partnerIds ? await partnerValues(tx, partnerIds) : undefined });
  const current = recordValues(cur);

  const proposals: Record<string, unknown> = { ...(cur.proposals ?? {}) };
  const changed: EditableField[] = [];
  const proposed: EditableField[] = [];
  const scalarSet: Partial<typeof meetings.$inferInsert> = {};
  for (const field of Object.keys(incoming) as EditableField[]) {
    const next = incoming[field];
    if (sameValue(field, current[field], next)) {
      delete proposals[field];
      continue;
    }
    if (owned.has(field)) {
      proposals[field] = next;
      proposed.push(field);
      continue;
    }
    changed.push(field);
    switch (field) {
      case "kind":
        scalarSet.kind = next as typeof cur.kind;
        break;
      case "date":
        scalarSet.date = next as string | null;
        break;
      case "location":
        scalarSet.location = next as string | null;
        break;
      case "participants": {
        const list = next as FieldValues["participants"];
        await tx.delete(meetingParticipants).where(eq(meetingParticipants.meetingId, meetingId));
        if (list.length)
          await tx.insert(meetingParticipants).values(list.map((p, i) => ({ meetingId, ...p, ordinal: i })));
        scalarSet.homeOfficial = list.find((p) => p.side === "home")?.name ?? null;
        break;
      }
      case "partners": {
        const list = next as FieldValues["partners"];
        await tx.delete(meetingPartners).where(eq(meetingPartners.meetingId, meetingId));
        if (list.length) await tx.insert(meetingPartners).values(list.map((p) => ({ meetingId, partnerId: p.id })));
        break;
      }
      case "themes": {
        const list = next as string[];
        await tx.delete(meetingThemes).where(eq(meetingThemes.meetingId, meetingId));
        if (list.length) await tx.insert(meetingThemes).values(list.map((themeCode) => ({ meetingId, themeCode })));
        break;
      }
      case "quotes": {
        const list = next as FieldValues["quotes"];
        await tx.delete(quotes).where(eq(quotes.meetingId, meetingId));
        if (list.length)
          await tx
            .insert(quotes)
            .values(list.map((q, i) => ({ meetingId, text: q.text, speakerName: q.speaker, ordinal: i })));
        break;
      }
    }
  }
  if (changed.length === 0 && proposed.length === 0 && JSON.stringify(proposals) === JSON.stringify(cur.proposals ?? {}))
    return { changed, proposed };
  await tx
    .update(meetings)
    .set({
      ...scalarSet,
      proposals: Object.keys(proposals).length ? proposals : null,
      extractorVersion,
      version: sql`${meetings.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(meetings.id, meetingId));
  if (changed.length)
    await tx.insert(history).values(fieldHistoryRows(meetingId, action, changed, { before: current, after: incoming }, null));
  return { changed, proposed };
}

/** Convenience for callers outside a transaction (tests, one-off commands). */
export async function applyMachineValuesNow(
  db: DbOrTx,
  meetingId: number,
  values: MachineValues,
  options: { extractorVersion: string },
) {
  return db.transaction((tx) => applyMachineValues(tx, meetingId, values, options));
}
