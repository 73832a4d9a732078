// Restoring a value from a record's history: the old value goes through the same
// validated, versioned save as a typed edit, and history says "restore".
import { type DbOrTx } from "@/db/index";
import { getMeetingHistoryEntry } from "@/db/queries/history";
import { editableFields, fieldErrors, meetingChangesSchema, type EditableField } from "@/lib/validations/meetings";
import { saveMeetingEdit, type SaveResult } from "./save";

export const isEditableField = (f: string | null): f is EditableField =>
  f !== null && (editableFields as readonly string[]).includes(f);

/** A history value in the shape a save accepts (partners by id). */
function asChange(field: EditableField, value: unknown): unknown {
  if (field === "partners") return ((value as { id: number }[]) ?? []).map((p) => ({ id: p.id }));
  return value ?? (field === "participants" || field === "themes" || field === "quotes" ? [] : null);
}

export async function restoreFromHistory(
  db: DbOrTx,
  args: { userId: number; meetingId: number; historyId: number; use: "before" | "after"; baseVersion: number; seenHistoryId?: number },
): Promise<SaveResult> {
  const entry = await getMeetingHistoryEntry(db, args.meetingId, args.historyId);
  if (!entry || !isEditableField(entry.field)) return { status: "not_found" };
  const field = entry.field;
  const parsed = meetingChangesSchema.safeParse({ [field]: asChange(field, entry[args.use]) });
  if (!parsed.success) return { status: "invalid", errors: fieldErrors(parsed.error) };
  return saveMeetingEdit(db, {
    userId: args.userId,
    action: "restore",
    edit: { id: args.meetingId, baseVersion: args.baseVersion, seenHistoryId: args.seenHistoryId, changes: parsed.data, confirm: [] },
  });
}
