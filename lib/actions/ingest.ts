"use server";
// Pasted articles (editors) and re-extraction of pending records (admins). Each action
// checks the role FIRST, validates with zod, and returns a result object.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/index";
import { requireRoleAction } from "@/lib/auth/session";
import { ingestFile } from "@/lib/ingest/ingest-file";
import { reextractPending, type ReextractSummary } from "@/lib/ingest/reextract";
import type { ArticleOutcome } from "@/lib/ingest/types";
import { createAppExtractor } from "@/lib/app-extractor";
import { pasteSchema } from "@/lib/validations/ingest";

export type PasteResult =
  | { ok: true; outcomes: ArticleOutcome[] }
  | { ok: false; message?: string; errors?: Record<string, string> };

function refresh(path: string) {
  try {
    revalidatePath(path);
  } catch {
    // Outside a Next request (tests): nothing cached to refresh.
  }
}

export async function ingestPastedTextAction(_prev: PasteResult | null, formData: FormData): Promise<PasteResult> {
  const gate = await requireRoleAction("editor");
  if (!gate.ok) return gate;
  const parsed = pasteSchema.safeParse({
    text: formData.get("text") ?? undefined,
    outlet: formData.get("outlet") ?? undefined,
    url: formData.get("url") ?? undefined,
    publishedOn: formData.get("publishedOn") ?? undefined,
  });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "text")] ??= issue.message;
    return { ok: false, errors };
  }
  const { text, ...overrides } = parsed.data;
  const db = getDb();
  const outcomes = await ingestFile(db, {
    text,
    fileName: "pasted text",
    overrides,
    userId: gate.user.id,
    extractor: await createAppExtractor(db),
  });
  refresh("/articles");
  return { ok: true, outcomes };
}

export type ReextractResult = { ok: true; summary: ReextractSummary } | { ok: false; message: string };

export async function reextractPendingAction(): Promise<ReextractResult> {
  const gate = await requireRoleAction("admin");
  if (!gate.ok) return gate;
  const summary = await reextractPending(getDb());
  refresh("/records");
  return { ok: true, summary };
}
