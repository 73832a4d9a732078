"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui";
import { deleteSourceAction, pollSourceNowAction, setSourceActiveAction, type SourceAnswer } from "@/lib/actions/sources";

/** Poll now, pause or resume, delete: each a small form answering in a live region. */
export function SourceRowActions({ source }: { source: { id: number; name: string; active: boolean } }) {
  const t = useTranslations("sources");
  const [pollState, pollAction, polling] = useActionState<SourceAnswer | null, FormData>(pollSourceNowAction, null);
  const [activeState, activeAction, switching] = useActionState<SourceAnswer | null, FormData>(setSourceActiveAction, null);
  const [deleteState, deleteAction, deleting] = useActionState<SourceAnswer | null, FormData>(deleteSourceAction, null);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <form action={pollAction}>
          <input type="hidden" name="id" value={source.id} />
          <Button type="submit" size="sm" disabled={polling || !source.active} aria-label={`${t("pollNow")}: ${source.name}`}>
            {t("pollNow")}
          </Button>
        </form>
        <form action={activeAction}>
          <input type="hidden" name="id" value={source.id} />
          <input type="hidden" name="active" value={source.active ? "false" : "true"} />
          <Button type="submit" size="sm" variant="secondary" disabled={switching} aria-label={`${source.active ? t("pause") : t("resume")}: ${source.name}`}>
            {source.active ? t("pause") : t("resume")}
          </Button>
        </form>
        <form
          action={deleteAction}
          onSubmit={(event) => {
            if (!window.confirm(`${t("deleteConfirm")}: ${source.name}?`)) event.preventDefault();
          }}
        >
          <input type="hidden" name="id" value={source.id} />
          <Button type="submit" size="sm" variant="danger" disabled={deleting} aria-label={`${t("delete")}: ${source.name}`}>
            {t("delete")}
          </Button>
        </form>
      </div>
      {[pollState, activeState, deleteState].map((state, i) => (
        <p key={i} role="status" aria-live="polite" className={state?.ok === false ? "text-sm text-red-700" : "text-sm text-green-800"}>
          {state?.message}
        </p>
      ))}
    </div>
  );
}
