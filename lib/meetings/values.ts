// How each editable field's value is written into history (before/after JSON) and
// compared: one shape per field, so a history row can be shown, diffed and restored.
// The save (save.ts) and the machine pass (ownership.ts) both build their "before" and
// "after" with fieldValues, so the two write paths can never disagree on a value's shape.
import { inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/index";
import type { RecordRows } from "@/db/queries/meetings";
import { history, partners } from "@/db/schema";
import type { EditableField } from "@/lib/validations/meetings";

export type ParticipantValue = { name: string; position: string | null; side: "home" | "partner" };
export type PartnerValue = { id: number; name: string };
export type QuoteValue = { text: string; speaker: string | null };

export interface FieldValues {
  kind: string;
  date: string | null;
  location: string | null;
  participants: ParticipantValue[];
  partners: PartnerValue[];
  themes: string[];
  quotes: QuoteValue[];
}

/** What fieldValues reads: a loaded record, an editor's changes or a machine pass's values. */
export interface RawValues {
  kind?: string;
  date?: string | null;
  location?: string | null;
  participants?: { name: string; position: string | null; side: "home" | "partner" }[];
  partners?: PartnerValue[];
  themes?: string[];
  quotes?: { text: string; speaker: string | null }[];
}

export const participantValue = (p: { name: string; position: string | null; side: "home" | "partner" }): ParticipantValue => ({
  name: p.name,
  position: p.position ?? null,
  side: p.side,
});
export const quoteValue = (q: { text: string; speaker: string | null }): QuoteValue => ({ text: q.text, speaker: q.speaker ?? null });

/** Partners and themes are sets: history keeps them sorted so equal sets compare equal. */
export const sortPartners = (ps: PartnerValue[]): PartnerValue[] => [...ps].sort((a, b) => a.id - b.id);
export const sortThemes = (ts: string[]): string[] => [...ts].sort();

/** The history shape of every field present in `v` (a field left undefined is left out; null is a value). */
export function fieldValues(v: RawValues): Partial<FieldValues> {
  const out: Partial<FieldValues> = {};
  if (v.kind !== undefined) out.kind = v.kind;
  if (v.date !== undefined) out.date = v.date;
  if (v.location !== undefined) out.location = v.location;
  if (v.participants !== undefined) out.participants = v.participants.map(participantValue);
  if (v.partners !== undefined) out.partners = sortPartners(v.partners.map((p) => ({ id: p.id, name: p.name })));
  if (v.themes !== undefined) out.themes = sortThemes(v.themes);
  if (v.quotes !== undefined) out.quotes = v.quotes.map(quoteValue);
  return out;
}

/** Every field of a loaded record (lib/meetings/load.ts) in its history shape. */
export const recordValues = (r: { kind: string; date: string | null; location: string | null } & RecordRows): FieldValues =>
  fieldValues({ ...r, themes: r.themes.map((t) => t.code) }) as FieldValues;

/** Partners by registry id with the names history shows. */
export async function partnerValues(db: DbOrTx, ids: number[]): Promise<PartnerValue[]> {
  if (ids.length === 0) return [];
  return db.select({ id: partners.id, name: partners.nameRu }).from(partners).where(inArray(partners.id, ids));
}

export function sameValue(field: EditableField, a: unknown, b: unknown): boolean {
  if (field === "partners") {
    const ids = (v: unknown) => ((v as PartnerValue[]) ?? []).map((p) => p.id).sort((x, y) => x - y).join(",");
    return ids(a) === ids(b);
  }
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** One history row per field, before and after in their history shape (userId null: the machine). */
export function fieldHistoryRows(
  meetingId: number,
  action: string,
  fields: EditableField[],
  values: { before: Partial<FieldValues>; after: Partial<FieldValues> },
  userId: number | null,
): (typeof history.$inferInsert)[] {
  return fields.map((field) => ({
    entityType: "meeting",
    entityId: meetingId,
    action,
    field,
    before: values.before[field] as unknown,
    after: values.after[field] as unknown,
    userId,
  }));
}
