// What every server action answers, whichever form calls it (a "use server" module may
// export only async functions, so the shape lives here, importable by client forms too).
import type { HistoryEntry } from "@/db/queries/history";
import type { RecordView } from "@/db/queries/meetings";

export interface ActionResult<T = undefined> {
  ok: boolean;
  /** A sentence for the form's live region, in the reader's language (also the refusal of the role gate). */
  message: string;
  /** Sentences per field, keyed like "participants.0.name", for forms that show them beside the field. */
  fieldErrors?: Record<string, string[]>;
  /** What the action produced that the form shows (the new version, outcomes, per-item results, ...). */
  data?: T;
  /** On a refusal: what the form had sent (never a password), so the form can show it again. */
  values?: Record<string, string>;
  /** A save refused because someone else saved first: the record as it is now and the changes since. */
  conflict?: { current: RecordView; theirChanges: HistoryEntry[] };
  /** Refused because the session has ended (signed out elsewhere, expired): the form offers to sign in again. */
  signedOut?: boolean;
}

/** A server action as forms call it (useActionState passes the previous result first). */
export type ServerAction<T = undefined> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;
