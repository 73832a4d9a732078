"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui";
import { reextractPendingAction, type ReextractAnswer } from "@/lib/actions/ingest";

export function ReextractButton() {
  const t = useTranslations("ingest");
  const [result, action, pending] = useActionState<ReextractAnswer | null, FormData>(reextractPendingAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("reextractSubmit")}
      </Button>
      <p role="status" aria-live="polite" className={result?.ok === false ? "text-sm text-red-700" : "text-sm"}>
        {result?.message}
      </p>
    </form>
  );
}
