"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Input, SubmitRow, Select } from "@/components/ui";
import { createSourceAction, updateSourceAction, type SourceAnswer } from "@/lib/actions/sources";

export interface SourceFormValues {
  id: number;
  name: string;
  url: string;
  kind: "feed" | "sitemap" | "listing";
  linkPattern: string | null;
  intervalMinutes: number;
}

/** Adds a source (no `source`) or edits one; errors beside their fields, the outcome in a live region. */
export function SourceForm({ source }: { source?: SourceFormValues }) {
  const t = useTranslations("sources");
  const [state, action, pending] = useActionState<SourceAnswer | null, FormData>(source ? updateSourceAction : createSourceAction, null);
  const error = (field: string) => state?.fieldErrors?.[field]?.join(" ");
  const prefix = source ? `source-${source.id}` : "new-source";
  const value = (field: keyof SourceFormValues) => state?.values?.[field] ?? (source ? String(source[field] ?? "") : undefined);
  return (
    <form action={action} className="grid max-w-3xl gap-3 sm:grid-cols-2">
      {source ? <input type="hidden" name="id" value={source.id} /> : null}
      <Input id={`${prefix}-name`} name="name" label={t("name")} required maxLength={200} defaultValue={value("name")} error={error("name")} />
      <Input id={`${prefix}-url`} name="url" type="url" label={t("url")} required maxLength={2000} defaultValue={value("url")} error={error("url")} />
      <Select
        id={`${prefix}-kind`}
        name="kind"
        label={t("kind")}
        key={value("kind") ?? "feed"}
        defaultValue={value("kind") ?? "feed"}
        options={(["feed", "sitemap", "listing"] as const).map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
      />
      <Input
        id={`${prefix}-pattern`}
        name="linkPattern"
        label={t("linkPattern")}
        hint={t("linkPatternHint")}
        maxLength={300}
        defaultValue={value("linkPattern")}
        error={error("linkPattern")}
      />
      <Input
        id={`${prefix}-interval`}
        name="intervalMinutes"
        label={t("interval")}
        hint={t("intervalHint")}
        required
        defaultValue={value("intervalMinutes") ?? "30m"}
        error={error("intervalMinutes")}
      />
      <SubmitRow label={source ? t("save") : t("addSubmit")} pending={pending} answer={state} className="sm:col-span-2" />
    </form>
  );
}
