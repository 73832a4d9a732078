// The record form's state and what a save sends: only the fields the editor changed
// (so re-applying after a conflict never reverts the other editor's fields).
import type { RecordView } from "@/db/queries/meetings";
import type { EditableField, MeetingChanges } from "@/lib/validations/meetings";

export interface ParticipantDraft {
  key: string;
  id?: number;
  name: string;
  position: string;
  side: "home" | "partner";
}
export interface PartnerDraft {
  key: string;
  id?: number;
  name: string;
  type: "country" | "organization";
}
export interface QuoteDraft {
  key: string;
  id?: number;
  text: string;
  speaker: string;
}
export interface Draft {
  kind: RecordView["kind"];
  date: string;
  location: string;
  participants: ParticipantDraft[];
  partners: PartnerDraft[];
  themes: string[];
  quotes: QuoteDraft[];
}

let counter = 0;
export const newKey = (prefix: string) => `${prefix}-new-${++counter}`;

export function draftFromRecord(r: RecordView): Draft {
  return {
    kind: r.kind,
    date: r.date ?? "",
    location: r.location ?? "",
    participants: r.participants.map((p) => ({ key: `p-${p.id}`, id: p.id, name: p.name, position: p.position ?? "", side: p.side })),
    partners: r.partners.map((p) => ({ key: `pt-${p.id}`, id: p.id, name: p.name, type: p.type })),
    themes: r.themes.map((t) => t.code),
    quotes: r.quotes.map((q) => ({ key: `q-${q.id}`, id: q.id, text: q.text, speaker: q.speaker ?? "" })),
  };
}

const participantsOut = (d: Draft) => d.participants.map((p) => ({ id: p.id, name: p.name, position: p.position || null, side: p.side }));
const partnersOut = (d: Draft) => d.partners.map((p) => (p.id ? { id: p.id } : { name: p.name, type: p.type }));
const quotesOut = (d: Draft) => d.quotes.map((q) => ({ id: q.id, text: q.text, speaker: q.speaker || null }));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields whose draft differs from the record the editor started from. */
export function dirtyFields(draft: Draft, base: Draft): EditableField[] {
  const out: EditableField[] = [];
  if (draft.kind !== base.kind) out.push("kind");
  if (draft.date !== base.date) out.push("date");
  if (draft.location.trim() !== base.location.trim()) out.push("location");
  if (!same(participantsOut(draft), participantsOut(base))) out.push("participants");
  if (!same(partnersOut(draft), partnersOut(base))) out.push("partners");
  if (!same([...draft.themes].sort(), [...base.themes].sort())) out.push("themes");
  if (!same(quotesOut(draft), quotesOut(base))) out.push("quotes");
  return out;
}

/** What a save sends for the dirty fields. */
export function changesOf(draft: Draft, fields: EditableField[]): MeetingChanges {
  const c: Record<string, unknown> = {};
  for (const f of fields) {
    if (f === "kind") c.kind = draft.kind;
    if (f === "date") c.date = draft.date || null;
    if (f === "location") c.location = draft.location;
    if (f === "participants") c.participants = participantsOut(draft);
    if (f === "partners") c.partners = partnersOut(draft);
    if (f === "themes") c.themes = draft.themes;
    if (f === "quotes") c.quotes = quotesOut(draft);
  }
  return c as MeetingChanges;
}

/** A machine proposal (meetings.proposals[field]) as the draft's value for that field. */
export function proposalToDraft(field: EditableField, value: unknown, draft: Draft): Draft {
  switch (field) {
    case "kind":
      return { ...draft, kind: value as Draft["kind"] };
    case "date":
      return { ...draft, date: (value as string | null) ?? "" };
    case "location":
      return { ...draft, location: (value as string | null) ?? "" };
    case "participants":
      return {
        ...draft,
        participants: ((value as { name: string; position: string | null; side: "home" | "partner" }[]) ?? []).map((p) => ({
          key: newKey("p"),
          name: p.name,
          position: p.position ?? "",
          side: p.side,
        })),
      };
    case "partners":
      return {
        ...draft,
        partners: ((value as { id: number; name: string }[]) ?? []).map((p) => ({ key: `pt-${p.id}`, id: p.id, name: p.name, type: "country" })),
      };
    case "themes":
      return { ...draft, themes: (value as string[]) ?? [] };
    case "quotes":
      return {
        ...draft,
        quotes: ((value as { text: string; speaker: string | null }[]) ?? []).map((q) => ({ key: newKey("q"), text: q.text, speaker: q.speaker ?? "" })),
      };
  }
}
