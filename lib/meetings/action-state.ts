// What every review action returns: codes the client turns into sentences, field
// errors keyed "participants.0.name", and on a conflict the record as it is now.
// (A "use server" module may export only async functions, so the shape lives here.)
import type { RecordView } from "@/db/queries/meetings";
import type { HistoryEntry } from "@/db/queries/history";
import type { EditableField } from "@/lib/validations/meetings";
import type { BulkItemResult } from "./status";

export type ReviewCode =
  | "saved"
  | "unchanged"
  | "invalid"
  | "conflict"
  | "not_found"
  | "not_allowed"
  | "denied"
  | "approved"
  | "rejected"
  | "reopened"
  | "bulk_done";

export interface ReviewActionState {
  ok: boolean;
  code: ReviewCode | null;
  /** A ready sentence (the role refusal comes localised from the session module). */
  message?: string;
  errors?: Record<string, string[]>;
  version?: number;
  changed?: EditableField[];
  conflict?: { current: RecordView; theirChanges: HistoryEntry[] };
  bulk?: BulkItemResult[];
  /** Distinguishes two equal results in a row (the client reacts to each). */
  at?: number;
}

export const initialReviewState: ReviewActionState = { ok: false, code: null };

