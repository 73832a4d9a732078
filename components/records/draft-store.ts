// An editor's unsaved draft of a record, kept in the browser so that nothing typed is
// lost to a reload, a closed tab or a session that ended in another tab. The draft keeps
// the version it was started from: restored, it is saved through the same version check
// (a record changed meanwhile shows the conflict view).
import type { EditableField } from "@/lib/validations/meetings";
import type { Draft } from "./draft";

export interface StoredDraft {
  version: number;
  seen: number;
  draft: Draft;
  confirmed: EditableField[];
  savedAt: string;
}

const key = (recordId: number) => `chronicle:draft:${recordId}`;

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // storage disabled (private mode, policy): drafts live only in memory
  }
}

export function loadDraft(recordId: number): StoredDraft | null {
  const raw = storage()?.getItem(key(recordId));
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as StoredDraft;
    const valid = Number.isInteger(d.version) && Number.isInteger(d.seen) && d.draft && Array.isArray(d.draft.participants) && Array.isArray(d.confirmed);
    return valid ? d : null;
  } catch {
    return null;
  }
}

export function storeDraft(recordId: number, d: StoredDraft): void {
  try {
    storage()?.setItem(key(recordId), JSON.stringify(d));
  } catch {
    // quota exceeded: the draft stays in memory as before
  }
}

export function clearDraft(recordId: number): void {
  storage()?.removeItem(key(recordId));
}
