"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState, type FormEvent } from "react";
import { MAX_PASTE_CHARS } from "@/lib/ingest/limits";
import { Button, Input, fieldClass } from "@/components/ui";
import { ingestPastedTextAction, type PasteAnswer } from "@/lib/actions/ingest";
import { OutcomeLine } from "./outcome-line";

export function PasteForm() {
  const t = useTranslations("ingest");
  const [state, action, pending] = useActionState<PasteAnswer | null, FormData>(ingestPastedTextAction, null);
  // Text over the limit never leaves the browser: the request would exceed the server's
  // body limit and fail with the text lost; it is refused here, the text kept.
  const [tooLong, setTooLong] = useState(false);
  const errors = tooLong ? { ...state?.fieldErrors, text: [t("errors.text_too_long")] } : (state?.fieldErrors ?? {});
  const err = (field: string) => errors[field]?.join(" ");
  const values = state && !state.ok ? state.values : undefined;
  const checkLength = (event: FormEvent<HTMLFormElement>) => {
    const text = new FormData(event.currentTarget).get("text");
    const over = typeof text === "string" && text.trim().length > MAX_PASTE_CHARS;
    setTooLong(over);
    if (over) event.preventDefault();
  };
  return (
    <form action={action} onSubmit={checkLength} className="space-y-3">
      <div className="space-y-1">
        <label htmlFor="paste-text" className="block text-sm font-medium text-slate-800">
          {t("text")}
        </label>
        <textarea
          id="paste-text"
          name="text"
          rows={10}
          required
          defaultValue={typeof values?.text === "string" ? values.text : undefined}
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
          <Input id="paste-outlet" name="outlet" label={t("outlet")} error={err("outlet")} maxLength={200} defaultValue={values?.outlet} />
          <Input id="paste-url" name="url" type="url" label={t("url")} error={err("url")} defaultValue={values?.url} />
          <Input id="paste-date" name="publishedOn" type="date" label={t("publishedOn")} error={err("publishedOn")} defaultValue={values?.publishedOn} />
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
