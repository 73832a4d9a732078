// Adding a record the extractor missed: a new record tied to an article, its values
// saved through the same validated, versioned, history-writing save as an edit, and the
// editor's text selections kept as the fields' evidence spans. Undoable like a split.
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/index";
import { articles, evidence, history, meetings } from "@/db/schema";
import type { AddRecordInput } from "@/lib/validations/record-set";
import { editorOrdinal, inTransaction, recordOperation, refuse, type RecordSetResult } from "./record-set";
import { saveMeetingEdit } from "./save";

export type AddResult = RecordSetResult | { status: "invalid"; errors: Record<string, string[]> };

class Invalid extends Error {
  constructor(readonly errors: Record<string, string[]>) {
    super("invalid");
  }
}

/** The field a selection is evidence of, as the record's evidence rows name it. */
const EVIDENCE_FIELD: Record<AddRecordInput["selections"][number]["field"], string> = {
  participant: "participant",
  position: "participant",
  place: "location",
  date: "date",
  quote: "quote",
  partner: "partner",
  kind: "kind",
  theme: "theme",
};

export async function addRecord(db: DbOrTx, userId: number, input: AddRecordInput): Promise<AddResult> {
  try {
    return await inTransaction(db, async (tx) => {
      const [article] = await tx
        .select({ id: articles.id, length: articles.cleanText })
        .from(articles)
        .where(eq(articles.id, input.articleId));
      if (!article) refuse("article_missing");
      const textLength = article.length.length;
      if (input.selections.some((s) => s.end > textLength)) refuse("selection_outside");
      const [created] = await tx
        .insert(meetings)
        .values({
          articleId: input.articleId,
          ordinal: await editorOrdinal(tx, input.articleId),
          kind: input.kind,
          kindSource: "editor",
          confidence: 1,
          extractorVersion: "editor",
        })
        .returning({ id: meetings.id, version: meetings.version });
      await tx.insert(history).values({
        entityType: "meeting",
        entityId: created.id,
        action: "create",
        field: "sources",
        after: { articleId: input.articleId, addedBy: "editor" },
        userId,
      });
      const saved = await saveMeetingEdit(tx, {
        userId,
        edit: { id: created.id, baseVersion: created.version, changes: input.changes, confirm: [] },
      });
      if (saved.status === "invalid") throw new Invalid(saved.errors);
      if (saved.status !== "saved" && saved.status !== "unchanged") refuse("stale");
      if (input.selections.length)
        await tx.insert(evidence).values(
          input.selections.map((s) => ({ meetingId: created.id, field: EVIDENCE_FIELD[s.field], valueKey: s.field === "position" ? "position" : null, start: s.start, end: s.end, confidence: 1 })),
        );
      const op = await recordOperation(tx, { kind: "add", meetingIds: [created.id], snapshot: emptySnapshot(), createdIds: [created.id], userId });
      return { status: "done", operationId: op.operationId, meetingIds: [created.id], versions: op.versions };
    });
  } catch (error) {
    if (error instanceof Invalid) return { status: "invalid", errors: error.errors };
    throw error;
  }
}

function emptySnapshot() {
  return { meetings: [], meeting_participants: [], meeting_partners: [], meeting_themes: [], quotes: [], evidence: [], meeting_sources: [] };
}
