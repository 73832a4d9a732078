// How each editable field's value is written into history (before/after JSON) and
// compared: one shape per field, so a history row can be shown, diffed and restored.
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

export const participantValue = (p: { name: string; position: string | null; side: "home" | "partner" }): ParticipantValue => ({
  name: p.name,
  position: p.position ?? null,
  side: p.side,
});
export const quoteValue = (q: { text: string; speaker: string | null }): QuoteValue => ({ text: q.text, speaker: q.speaker ?? null });

/** Partners and themes are sets: history keeps them sorted so equal sets compare equal. */
export const sortPartners = (ps: PartnerValue[]): PartnerValue[] => [...ps].sort((a, b) => a.id - b.id);
export const sortThemes = (ts: string[]): string[] => [...ts].sort();

export function sameValue(field: EditableField, a: unknown, b: unknown): boolean {
  if (field === "partners") {
    const ids = (v: unknown) => ((v as PartnerValue[]) ?? []).map((p) => p.id).sort((x, y) => x - y).join(",");
    return ids(a) === ids(b);
  }
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
