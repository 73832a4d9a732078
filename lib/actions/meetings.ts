"use server";
// Review actions: save, approve / reject / reopen, bulk approve, restore from history.
// Each runs through runAction (editor or above, zod, one versioned transaction in
// lib/meetings, the queue and record pages refreshed); a failed save keeps everything the
// editor typed (the form holds it) and a conflict carries the record as it is now.
import type { HistoryEntry } from "@/db/queries/history";
import type { EditableField } from "@/lib/validations/meetings";
import { restoreFromHistory } from "@/lib/meetings/restore";
import { saveMeetingEdit, type SaveResult } from "@/lib/meetings/save";
import { bulkChangeStatus, changeStatus, undoBulkChange, type BulkItemResult } from "@/lib/meetings/status";
import type { Translate } from "@/lib/i18n/translate";
import { bulkStatusSchema, bulkUndoSchema, meetingEditSchema, restoreSchema, statusChangeSchema } from "@/lib/validations/meetings";
import type { ActionResult } from "./result";
import { invalidInput, payload, runAction, type FormInput } from "./run-action";

export type SaveAnswer = ActionResult<{ version: number; changed?: EditableField[]; status?: "approved" | "rejected" | "pending" }>;

const errors = "review.errors";
const recordPages = (id: number) => [`/records/${id}`, "/records"];

/** A save's outcome as the record page shows it. */
function saveAnswer(t: Translate, result: SaveResult): SaveAnswer {
  const say = (code: string) => t(`review.messages.${code}`);
  switch (result.status) {
    case "saved":
      return { ok: true, message: say("saved"), data: { version: result.version, changed: result.changed } };
    case "unchanged":
      return { ok: true, message: say("unchanged"), data: { version: result.version } };
    case "invalid":
      return invalidInput(t, errors, result.errors);
    case "not_found":
      return { ok: false, message: say("not_found") };
    case "conflict":
      return {
        ok: false,
        message: say("conflict"),
        data: { version: result.current.version },
        conflict: { current: result.current, theirChanges: result.theirChanges as HistoryEntry[] },
      };
  }
}

export async function saveRecordAction(_previous: SaveAnswer | null, form: FormInput): Promise<SaveAnswer> {
  return runAction(form, {
    role: "editor",
    schema: meetingEditSchema,
    errors,
    unwrap: "changes",
    input: payload,
    run: async (edit, { user, db, t }) => saveAnswer(t, await saveMeetingEdit(db, { userId: user.id, edit })),
    revalidate: (edit) => recordPages(edit.id),
  });
}

export async function changeStatusAction(_previous: SaveAnswer | null, form: FormInput): Promise<SaveAnswer> {
  return runAction(form, {
    role: "editor",
    schema: statusChangeSchema,
    errors,
    run: async ({ seenHistoryId, ...change }, { user, db, t }) => {
      const result = await changeStatus(db, { userId: user.id, change, seenHistoryId });
      if (result.status === "saved") {
        const done = ({ approve: "approved", reject: "rejected", reopen: "reopened" } as const)[change.action];
        return { ok: true, message: t(`review.messages.${done}`), data: { version: result.version, status: result.to } };
      }
      if (result.status === "not_allowed") return { ok: false, message: t("review.messages.not_allowed") };
      return saveAnswer(t, result);
    },
    revalidate: (change) => recordPages(change.id),
  });
}

/** The batch's outcome as sentences: how many were approved, rejected, restored, refused and why. */
function bulkMessage(t: Translate, results: BulkItemResult[]): string {
  return (["approved", "rejected", "restored", "conflict", "not_allowed", "not_found"] as const)
    .map((status) => ({ status, n: results.filter((r) => r.status === status).length }))
    .filter((x) => x.n > 0)
    .map((x) => t(`review.bulk.${x.status}`, { n: x.n }))
    .join(" ");
}

const done = (r: BulkItemResult) => r.status === "approved" || r.status === "rejected" || r.status === "restored";

// Each checkbox is "id:version" (the version the queue showed).
const checkedItems = (fields: Record<string, unknown>) =>
  [fields.item ?? []].flat().map((s) => {
    const [id, version] = String(s).split(":");
    return { id, version };
  });

/** Approves or rejects the selected records; the answer carries what the undo needs. */
export async function bulkStatusAction(
  _previous: ActionResult<BulkItemResult[]> | null,
  form: FormInput,
): Promise<ActionResult<BulkItemResult[]>> {
  return runAction(form, {
    role: "editor",
    schema: bulkStatusSchema,
    errors,
    input: (fields) => ({ items: checkedItems(fields), action: fields.action, reason: fields.reason }),
    run: async ({ items, action, reason }, { user, db, t }) => {
      const results = await bulkChangeStatus(db, { userId: user.id, items, action, reason });
      return { ok: results.every(done), message: bulkMessage(t, results), data: results };
    },
    revalidate: ["/records"],
  });
}

/** Puts each record of a bulk decision back to the status it had. */
export async function undoBulkAction(
  _previous: ActionResult<BulkItemResult[]> | null,
  form: FormInput,
): Promise<ActionResult<BulkItemResult[]>> {
  return runAction(form, {
    role: "editor",
    schema: bulkUndoSchema,
    errors,
    input: (fields) => {
      try {
        return { items: JSON.parse(String(fields.undo ?? "[]")) as unknown };
      } catch {
        return { items: [] };
      }
    },
    run: async ({ items }, { user, db, t }) => {
      const results = await undoBulkChange(db, { userId: user.id, items });
      return { ok: results.every(done), message: bulkMessage(t, results), data: results };
    },
    revalidate: ["/records"],
  });
}

export async function restoreAction(_previous: SaveAnswer | null, form: FormInput): Promise<SaveAnswer> {
  return runAction(form, {
    role: "editor",
    schema: restoreSchema,
    errors,
    run: async (restore, { user, db, t }) => saveAnswer(t, await restoreFromHistory(db, { userId: user.id, ...restore })),
    revalidate: (restore) => recordPages(restore.meetingId),
  });
}
