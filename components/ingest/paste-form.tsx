"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button, Input, fieldClass } from "@/components/ui";
import { ingestPastedTextAction, type PasteAnswer } from "@/lib/actions/ingest";
import { OutcomeLine } from "./outcome-line";

export function PasteForm() {
  const t = useTranslations("ingest");
  const [state, action, pending] = useActionState<PasteAnswer | null, FormData>(ingestPastedTextAction, null);
  const errors = state?.fieldErrors ?? {};
  const err = (field: string) => errors[field]?.join(" ");
  return (
    <form action={action} className="space-y-3">
      <div className="space-y-1">
        <label htmlFor="paste-text" className="block text-sm font-medium text-slate-800">
          {t("text")}
        </label>
        <textarea
          id="paste-text"
          name="text"
          rows={10}
          required
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={errors.text ? "paste-text-error" : undefined}
          className={fieldClass}
        />
        {errors.text ? (
          <p id="paste-text-error" className="text-sm text-red-700">
            {err("text")}
          </p>
        ) : null}
      </div>
      {/* The hint belongs to the three optional fields, not to the article box above. */}
      <fieldset className="space-y-2 rounded-md border border-slate-200 p-3" aria-describedby="paste-override-hint">
        <legend className="px-1 text-sm font-medium text-slate-800">{t("overrideLegend")}</legend>
        <p id="paste-override-hint" className="text-xs text-slate-600">{t("overrideHint")}</p>
        <div className="grid gap-3 sm:grid-cols-3">
          <Input id="paste-outlet" name="outlet" label={t("outlet")} error={err("outlet")} maxLength={200} />
          <Input id="paste-url" name="url" type="url" label={t("url")} error={err("url")} />
          <Input id="paste-date" name="publishedOn" type="date" label={t("publishedOn")} error={err("publishedOn")} />
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("pasting") : t("pasteSubmit")}
        </Button>
        <div role="status" aria-live="polite" className="text-sm">
          {state && !state.ok ? <span className="text-red-700">{state.message}</span> : null}
          {state?.ok
            ? state.data?.map((o, i) => (
                <OutcomeLine
                  key={i}
                  status={o.status}
                  articleId={o.status === "refused" ? null : o.articleId}
                  meetingsCreated={o.status === "stored" ? o.meetingsCreated : undefined}
                  message={o.status === "refused" ? o.reason : null}
                />
              ))
            : null}
        </div>
      </div>
    </form>
  );
}
