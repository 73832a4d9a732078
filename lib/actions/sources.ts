"use server";
// Polled sources, through runAction (admins only, zod, the change with its history rows
// in one transaction in db/queries/sources.ts, the page refreshed). "Poll now" polls the
// one source in this request, at the polite pace, and answers what it found.
import type { z } from "zod";
import { createSource, deleteSource, getSource, setSourceActive, SourceChangeError, updateSource } from "@/db/queries/sources";
import { pollSourcesNow } from "@/lib/sources/schedule";
import type { Translate } from "@/lib/i18n/translate";
import { createSourceSchema, setSourceActiveSchema, sourceIdSchema, updateSourceSchema } from "@/lib/validations/sources";
import type { ActionResult } from "./result";
import { runAction, type ActionContext, type FormInput } from "./run-action";

export type SourceAnswer = ActionResult;

const refused = (t: Translate, code: string): SourceAnswer => ({ ok: false, message: t(`sources.errors.${code}`) });

function sourceAction<S extends z.ZodType>(form: FormInput, schema: S, change: (input: z.infer<S>, ctx: ActionContext) => Promise<SourceAnswer>, keep?: string[]): Promise<SourceAnswer> {
  return runAction(form, {
    role: "admin",
    schema,
    errors: "sources.errors",
    keep,
    run: async (input, ctx) => {
      try {
        return await change(input, ctx);
      } catch (error) {
        if (error instanceof SourceChangeError) return refused(ctx.t, error.code);
        throw error;
      }
    },
    revalidate: ["/admin/sources"],
  });
}

export async function createSourceAction(_previous: SourceAnswer | null, form: FormInput): Promise<SourceAnswer> {
  return sourceAction(
    form,
    createSourceSchema,
    async (input, { db, user, t }) => {
      const source = await createSource(db, input, user.id);
      return { ok: true, message: t("sources.created", { name: source.name }) };
    },
    ["name", "url", "kind", "linkPattern", "intervalMinutes"],
  );
}

export async function updateSourceAction(_previous: SourceAnswer | null, form: FormInput): Promise<SourceAnswer> {
  return sourceAction(form, updateSourceSchema, async ({ id, ...input }, { db, user, t }) => {
    await updateSource(db, id, input, user.id);
    return { ok: true, message: t("sources.saved") };
  });
}

export async function setSourceActiveAction(_previous: SourceAnswer | null, form: FormInput): Promise<SourceAnswer> {
  return sourceAction(form, setSourceActiveSchema, async ({ id, active }, { db, user, t }) => {
    await setSourceActive(db, id, active, user.id);
    return { ok: true, message: t(active ? "sources.resumed" : "sources.paused_done") };
  });
}

export async function deleteSourceAction(_previous: SourceAnswer | null, form: FormInput): Promise<SourceAnswer> {
  return sourceAction(form, sourceIdSchema, async ({ id }, { db, user, t }) => {
    await deleteSource(db, id, user.id);
    return { ok: true, message: t("sources.deleted") };
  });
}

export async function pollSourceNowAction(_previous: SourceAnswer | null, form: FormInput): Promise<SourceAnswer> {
  return sourceAction(form, sourceIdSchema, async ({ id }, { db, t }) => {
    const source = await getSource(db, id);
    if (!source) return refused(t, "not_found");
    if (!source.active) return refused(t, "paused");
    const [summary] = await pollSourcesNow(db, { ids: [id] });
    if (!summary) return refused(t, "not_found");
    if (summary.outcome === "failed") return { ok: false, message: t("sources.pollFailed", { error: summary.error ?? "" }) };
    if (summary.outcome === "not_modified") return { ok: true, message: t("sources.pollNotModified") };
    return { ok: true, message: t("sources.pollDone", { found: summary.found, stored: summary.stored, known: summary.known, refused: summary.refused, failed: summary.failed }) };
  });
}
