"use client";
// Keeps the record form's unsaved draft in the browser while it differs from the record,
// and restores it once when the record page opens again (after a reload, a closed tab,
// or signing in again after the session ended in another tab).
import { useEffect, useRef } from "react";
import { clearDraft, loadDraft, storeDraft, type StoredDraft } from "./draft-store";

export function useStoredDraft({
  recordId,
  recordVersion,
  keep,
  current,
  restore,
}: {
  recordId: number;
  recordVersion: number;
  /** True while there is something unsaved worth keeping. */
  keep: boolean;
  current: Omit<StoredDraft, "savedAt">;
  restore: (stored: StoredDraft) => void;
}): void {
  const checked = useRef<number | null>(null);
  const restoreRef = useRef(restore);
  useEffect(() => {
    restoreRef.current = restore;
  });

  // Once per record, after hydration (the server has no browser storage).
  useEffect(() => {
    if (checked.current === recordId) return;
    checked.current = recordId;
    const stored = loadDraft(recordId);
    if (!stored) return;
    if (stored.version > recordVersion) {
      clearDraft(recordId);
      return;
    }
    restoreRef.current(stored);
  }, [recordId, recordVersion]);

  const snapshot = JSON.stringify(current);
  useEffect(() => {
    // Not before the stored draft had its chance to come back.
    if (checked.current !== recordId) return;
    if (keep) storeDraft(recordId, { ...(JSON.parse(snapshot) as Omit<StoredDraft, "savedAt">), savedAt: new Date().toISOString() });
    else clearDraft(recordId);
  }, [keep, snapshot, recordId]);
}
