"use client";
// The record form's state: the draft against the record the editor started from, the
// fields they confirm, the save and status actions with their answers, and a conflict
// until the editor re-applies or discards. Only the changed fields are posted, with the
// version the draft started from (or the newer one a conflict showed).
import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useMemo, useRef, useState, type RefObject } from "react";
import type { RecordView } from "@/db/queries/meetings";
import { changeStatusAction, saveRecordAction, type SaveAnswer } from "@/lib/actions/meetings";
import type { EditableField } from "@/lib/validations/meetings";
import { changesOf, dirtyFields, draftFromRecord, type Draft } from "./draft";
import { useStoredDraft } from "./use-stored-draft";

export type StatusVerb = "approve" | "reject" | "reopen";

export function useRecordForm({
  record,
  seenHistoryId,
  canEdit,
  nextHref,
  formRef,
}: {
  record: RecordView;
  seenHistoryId: number;
  canEdit: boolean;
  nextHref: string | null;
  /** The form element: saving and re-applying submit it. */
  formRef: RefObject<HTMLFormElement | null>;
}) {
  const router = useRouter();
  // The record the editor started from; it moves on only when the server sends a newer one.
  const [base, setBase] = useState(() => ({ version: record.version, draft: draftFromRecord(record) }));
  const [draft, setDraft] = useState<Draft>(base.draft);
  const [confirmed, setConfirmed] = useState<Set<EditableField>>(new Set());
  const [override, setOverride] = useState<{ version: number; seen: number } | null>(null);
  if (record.version !== base.version) {
    const fresh = draftFromRecord(record);
    setBase({ version: record.version, draft: fresh });
    setDraft(fresh);
    setConfirmed(new Set());
    setOverride(null);
  }
  const dirty = useMemo(() => dirtyFields(draft, base.draft), [draft, base.draft]);
  const isDirty = dirty.length > 0 || confirmed.size > 0;

  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  useStoredDraft({
    recordId: record.id,
    recordVersion: record.version,
    keep: canEdit && isDirty,
    current: { version: override?.version ?? base.version, seen: override?.seen ?? seenHistoryId, draft, confirmed: [...confirmed] },
    restore: (stored) => {
      setDraft(stored.draft);
      setConfirmed(new Set(stored.confirmed));
      // Started from an older version: the save goes with it, and the server shows the conflict.
      if (stored.version < record.version) setOverride({ version: stored.version, seen: stored.seen });
      setRestoredAt(stored.savedAt);
    },
  });

  const [saveState, saveAction, saving] = useActionState(saveRecordAction, null);
  const [statusState, statusAction, changing] = useActionState(changeStatusAction, null);

  // A conflict stays on screen until the editor re-applies or discards; a new save result replaces it.
  const [dismissed, setDismissed] = useState<SaveAnswer | undefined>();
  const conflictState = saveState?.conflict ? saveState : statusState?.conflict ? statusState : undefined;
  const conflict = conflictState && conflictState !== dismissed ? conflictState.conflict : undefined;

  // After approve / reject, the next record of the queue opens: the editor's day is a sequence of decisions.
  const advancedFor = useRef<SaveAnswer | null>(null);
  useEffect(() => {
    if (!statusState?.ok || advancedFor.current === statusState) return;
    const decided = statusState.data?.status === "approved" || statusState.data?.status === "rejected";
    if (decided && nextHref) {
      advancedFor.current = statusState;
      router.push(nextHref);
    }
  }, [statusState, nextHref, router]);

  const payload = JSON.stringify({
    id: record.id,
    baseVersion: override?.version ?? record.version,
    seenHistoryId: override?.seen ?? seenHistoryId,
    changes: changesOf(draft, dirty),
    confirm: [...confirmed],
  });

  return {
    draft,
    restoredAt,
    update: (change: (d: Draft) => Draft) => setDraft(change),
    dirty,
    isDirty,
    confirmed,
    toggleConfirm: (field: EditableField) =>
      setConfirmed((c) => {
        const next = new Set(c);
        if (next.has(field)) next.delete(field);
        else next.add(field);
        return next;
      }),
    discard: () => {
      setDraft(base.draft);
      setConfirmed(new Set());
      setRestoredAt(null);
    },
    payload,
    saveState,
    saveAction,
    saving,
    statusState,
    changing,
    save: () => {
      if (canEdit && !saving) formRef.current?.requestSubmit();
    },
    changeStatus: (action: StatusVerb, reason?: string) => {
      if (!canEdit || changing) return;
      const form = new FormData();
      form.set("id", String(record.id));
      form.set("baseVersion", String(record.version));
      form.set("seenHistoryId", String(seenHistoryId));
      form.set("action", action);
      if (reason !== undefined) form.set("reason", reason);
      startTransition(() => statusAction(form));
    },
    conflict,
    /** Posts the editor's changes again on top of the version the conflict showed. */
    reapply: () => {
      if (!conflict) return;
      const seen = Math.max(seenHistoryId, ...conflict.theirChanges.map((c) => c.id));
      setOverride({ version: conflict.current.version, seen });
      // The override must be in the payload before the form posts.
      setTimeout(() => formRef.current?.requestSubmit(), 0);
    },
    /** Drops the editor's changes for the record as the other editor left it. */
    takeTheirs: () => {
      if (!conflict) return;
      setDismissed(conflictState);
      setDraft(draftFromRecord(conflict.current));
      setConfirmed(new Set());
      router.refresh();
    },
  };
}

export type RecordForm = ReturnType<typeof useRecordForm>;
