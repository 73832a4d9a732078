"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui";
import { reextractPendingAction, type ReextractResult } from "@/lib/actions/ingest";

export function ReextractButton() {
  const t = useTranslations("ingest");
  const [result, setResult] = useState<ReextractResult | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button variant="secondary" disabled={pending} onClick={() => start(async () => setResult(await reextractPendingAction()))}>
        {t("reextractSubmit")}
      </Button>
      <p role="status" aria-live="polite" className="text-sm">
        {result?.ok === false ? <span className="text-red-700">{result.message}</span> : null}
        {result?.ok
          ? t("reextractDone", {
              articles: result.summary.articles,
              updated: result.summary.meetingsUpdated,
              created: result.summary.meetingsCreated,
              proposals: result.summary.proposals,
            })
          : null}
      </p>
    </div>
  );
}
