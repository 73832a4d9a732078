"use server";
// Pasted articles (editors) and re-extraction of pending records (admins), through runAction.
import { ingestFile } from "@/lib/ingest/ingest-file";
import { reextractPending, type ReextractSummary } from "@/lib/ingest/reextract";
import { MAX_PASTE_CHARS } from "@/lib/ingest/limits";
import type { ArticleOutcome } from "@/lib/ingest/types";
import { createAppExtractor } from "@/lib/app-extractor";
import { pasteSchema } from "@/lib/validations/ingest";
import { z } from "zod";
import type { ActionResult } from "./result";
import { runAction, type FormInput } from "./run-action";

export type PasteAnswer = ActionResult<ArticleOutcome[]>;
export type ReextractAnswer = ActionResult<ReextractSummary>;

export async function ingestPastedTextAction(_previous: PasteAnswer | null, form: FormInput): Promise<PasteAnswer> {
  return runAction(form, {
    role: "editor",
    schema: pasteSchema,
    errors: "ingest.errors",
    run: async ({ text, ...overrides }, { user, db, t }) => {
      const outcomes = await ingestFile(db, {
        text,
        fileName: "pasted text",
        overrides,
        userId: user.id,
        extractor: await createAppExtractor(db),
      });
      return { ok: true, message: outcomes.map((o) => t(`ingest.status.${o.status}`)).join(", "), data: outcomes };
    },
    revalidate: ["/articles"],
    // A refused paste keeps what was typed (the form shows it again).
    keep: ["text", "outlet", "url", "publishedOn"],
    // The whole text, however long it was: what the editor pasted must not be lost.
    keepChars: 2 * MAX_PASTE_CHARS,
  });
}

/**
 * Brings pending records up to date with the extractor and the registries (editors' values
 * stay): the Add articles page and the proposals page both offer it.
 */
export async function reextractPendingAction(_previous: ReextractAnswer | null, form: FormInput): Promise<ReextractAnswer> {
  return runAction(form, {
    role: "admin",
    schema: z.object({}),
    errors: "ingest.errors",
    run: async (_input, { db, t }) => {
      const summary = await reextractPending(db);
      const done = t("ingest.reextractDone", {
        articles: summary.articles,
        updated: summary.meetingsUpdated,
        created: summary.meetingsCreated,
        proposals: summary.proposals,
      });
      const failed = summary.failed.length ? ` ${t("ingest.reextractFailed", { count: summary.failed.length })}` : "";
      return { ok: summary.failed.length === 0, message: done + failed, data: summary };
    },
    revalidate: ["/records", ["/registries", "layout"]],
  });
}
