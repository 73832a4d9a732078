"use server";
// Record-set actions (issue 17): add a record from an article, merge, split, delete
// (admins), undo, dismiss a possible duplicate, and the extractor's suggestion for a
// selected passage. Each runs through runAction: role first, zod, one transaction in
// lib/meetings, pages refreshed; the answer names where to go next (the record).
import { eq } from "drizzle-orm";
import { articles, recordOperations } from "@/db/schema";
import { roleAtLeast } from "@/lib/auth/session";
import { createAppExtractor } from "@/lib/app-extractor";
import { addRecord } from "@/lib/meetings/add";
import { dismissDuplicate } from "@/lib/meetings/dismiss";
import { deleteRecord, mergeRecords, splitRecord, undoOperation, type RecordSetResult } from "@/lib/meetings/record-set";
import type { Translate } from "@/lib/i18n/translate";
import { addRecordSchema, deleteSchema, dismissSchema, mergeSchema, splitSchema, suggestSchema, undoSchema } from "@/lib/validations/record-set";
import type { ActionResult } from "./result";
import { invalidInput, payload, runAction, type FormInput } from "./run-action";

export type RecordSetAnswer = ActionResult<{ href?: string; operationId?: number }>;

const errors = "recordSet.errors";
const pages = ["/records", "/records/duplicates", "/analytics", "/"];

function answer(t: Translate, result: RecordSetResult, done: string, href?: string): RecordSetAnswer {
  if (result.status === "error") return { ok: false, message: t(`recordSet.errors.${result.code}`) };
  return { ok: true, message: t(`recordSet.messages.${done}`), data: { href, operationId: result.operationId } };
}

const list = (v: unknown) => (v === undefined ? [] : [v].flat());

export async function mergeAction(_previous: RecordSetAnswer | null, form: FormInput): Promise<RecordSetAnswer> {
  return runAction(form, {
    role: "editor",
    schema: mergeSchema,
    errors,
    input: (f) => ({
      ...f,
      choices: Object.fromEntries(
        ["kind", "date", "location", "participants", "partners", "themes", "quotes"].flatMap((k) => (f[`choice_${k}`] ? [[k, f[`choice_${k}`]]] : [])),
      ),
    }),
    run: async (input, { user, db, t }) =>
      answer(t, await mergeRecords(db, user.id, input), "merged", `/records/${input.targetId}`),
    revalidate: (input) => [...pages, `/records/${input.targetId}`, `/records/${input.otherId}`],
  });
}

export async function splitAction(_previous: RecordSetAnswer | null, form: FormInput): Promise<RecordSetAnswer> {
  return runAction(form, {
    role: "editor",
    schema: splitSchema,
    errors,
    input: (f) => ({ ...f, participants: list(f.participants), partners: list(f.partners), themes: list(f.themes), quotes: list(f.quotes) }),
    run: async (input, { user, db, t }) => {
      const result = await splitRecord(db, user.id, input);
      return answer(t, result, "split", result.status === "done" ? `/records/${result.meetingIds[1]}` : undefined);
    },
    revalidate: (input) => [...pages, `/records/${input.id}`],
  });
}

export async function deleteRecordAction(_previous: RecordSetAnswer | null, form: FormInput): Promise<RecordSetAnswer> {
  return runAction(form, {
    role: "admin",
    schema: deleteSchema,
    errors,
    run: async (input, { user, db, t }) => answer(t, await deleteRecord(db, user.id, input), "deleted", "/records/deleted"),
    revalidate: (input) => [...pages, "/records/deleted", `/records/${input.id}`],
  });
}

export async function undoAction(_previous: RecordSetAnswer | null, form: FormInput): Promise<RecordSetAnswer> {
  return runAction(form, {
    role: "editor",
    schema: undoSchema,
    errors,
    run: async ({ operationId }, { user, db, t }) => {
      // Deleting is for admins, and so is bringing a deleted record back.
      const [op] = await db.select({ kind: recordOperations.kind }).from(recordOperations).where(eq(recordOperations.id, operationId));
      if (op?.kind === "delete" && !roleAtLeast(user.role, "admin")) return { ok: false, message: t("recordSet.errors.admin_only") };
      const result = await undoOperation(db, user.id, operationId);
      const first = result.status === "done" ? result.meetingIds[0] : undefined;
      return answer(t, result, "undone", first ? `/records/${first}` : "/records");
    },
    revalidate: [...pages, "/records/deleted", ["/records", "layout"]],
  });
}

export async function dismissAction(_previous: RecordSetAnswer | null, form: FormInput): Promise<RecordSetAnswer> {
  return runAction(form, {
    role: "editor",
    schema: dismissSchema,
    errors,
    run: async (pair, { user, db, t }) => {
      await dismissDuplicate(db, user.id, pair);
      return { ok: true, message: t("recordSet.messages.dismissed") };
    },
    revalidate: ["/records/duplicates"],
  });
}

export async function addRecordAction(_previous: RecordSetAnswer | null, form: FormInput): Promise<RecordSetAnswer> {
  return runAction(form, {
    role: "editor",
    schema: addRecordSchema,
    errors: "review.errors",
    unwrap: "changes",
    input: payload,
    run: async (input, { user, db, t }) => {
      const result = await addRecord(db, user.id, input);
      if (result.status === "invalid") return invalidInput(t, "review.errors", result.errors);
      return answer(t, result, "added", result.status === "done" ? `/records/${result.meetingIds[0]}` : undefined);
    },
    revalidate: (input) => [...pages, `/articles/${input.articleId}`],
  });
}

export interface Suggestion {
  kind: string;
  date: string | null;
  location: string | null;
  participants: { name: string; position: string | null; side: "home" | "partner" }[];
  partners: string[];
  themes: string[];
  quotes: { text: string; speaker: string | null }[];
}

/** What the extractor finds in the selected paragraph(s), read with the article's opening (its dateline). */
export async function suggestAction(_previous: ActionResult<Suggestion | null> | null, form: FormInput): Promise<ActionResult<Suggestion | null>> {
  return runAction(form, {
    role: "editor",
    schema: suggestSchema,
    errors,
    run: async ({ articleId, start, end }, { db, t }) => {
      const [article] = await db.select({ text: articles.cleanText }).from(articles).where(eq(articles.id, articleId));
      if (!article) return { ok: false, message: t("recordSet.errors.article_missing") };
      if (end > article.text.length) return { ok: false, message: t("recordSet.errors.selection_outside") };
      const from = Math.max(0, article.text.lastIndexOf("\n", start));
      const toBreak = article.text.indexOf("\n", end);
      const passage = article.text.slice(from, toBreak < 0 ? undefined : toBreak);
      const opening = article.text.slice(0, Math.min(from, 600));
      const extractor = await createAppExtractor(db);
      const event = extractor.extractText(`${opening}\n${passage}`).articles[0]?.events[0];
      if (!event) return { ok: true, message: t("recordSet.messages.nothingFound"), data: null };
      return {
        ok: true,
        message: t("recordSet.messages.suggested"),
        data: {
          kind: event.kind,
          date: event.date,
          location: event.location,
          participants: event.participants.map((p) => ({ name: p.name, position: p.position, side: p.side })),
          partners: event.partners.map((p) => p.name),
          themes: event.themes.map((th) => th.code),
          quotes: event.quotes.map((q) => ({ text: q.text, speaker: q.speaker })),
        },
      };
    },
  });
}
