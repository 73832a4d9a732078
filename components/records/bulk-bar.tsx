"use client";
// Bulk decisions on the queue's selection: approve or reject (with a reason), each asked
// to confirm with the number of records, and the whole batch undoable from its answer.
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button, cn, fieldClass } from "@/components/ui";
import { undoBulkAction } from "@/lib/actions/meetings";
import type { ActionResult } from "@/lib/actions/result";
import type { BulkItemResult } from "@/lib/meetings/status";

type BulkAnswer = ActionResult<BulkItemResult[]> | null;

/** What undoing the batch sends: each changed record with its new version and the status it goes back to. */
function undoPayload(state: BulkAnswer): string | null {
  const items = (state?.data ?? []).flatMap((r) =>
    r.status === "approved" || r.status === "rejected" ? [{ id: r.id, version: r.version, previous: r.previous, previousReason: r.previousReason ?? null }] : [],
  );
  return items.length ? JSON.stringify(items) : null;
}

export function BulkBar({ formId, count, pending, state }: { formId: string; count: number; pending: boolean; state: BulkAnswer }) {
  const t = useTranslations("review");
  const [rejecting, setRejecting] = useState(false);
  const [undoState, undoAction, undoing] = useActionState(undoBulkAction, null);
  const undo = undoPayload(state);
  const ask = (question: string) => (e: React.MouseEvent) => {
    if (!window.confirm(question)) e.preventDefault();
  };
  return (
    <div className="mb-2 flex flex-wrap items-center gap-3">
      <Button type="submit" form={formId} name="action" value="approve" size="sm" disabled={count === 0 || pending} onClick={ask(t("bulk.confirmApprove", { n: count }))}>
        {pending ? t("bulk.working") : t("bulk.approve", { n: count })}
      </Button>
      {rejecting ? (
        <>
          <label className="flex items-center gap-2 text-sm">
            {t("record.rejectReason")}
            <input form={formId} name="reason" required maxLength={1000} className={cn(fieldClass, "w-56")} />
          </label>
          <Button type="submit" form={formId} name="action" value="reject" size="sm" variant="danger" disabled={count === 0 || pending} onClick={ask(t("bulk.confirmReject", { n: count }))}>
            {t("bulk.reject", { n: count })}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setRejecting(false)}>{t("record.cancel")}</Button>
        </>
      ) : (
        <Button size="sm" variant="secondary" disabled={count === 0 || pending} onClick={() => setRejecting(true)}>{t("bulk.reject", { n: count })}</Button>
      )}
      <p role="status" aria-live="polite" className={cn("text-sm", (undoState ?? state)?.ok ? "text-green-800" : "text-amber-900")}>
        {(undoState ?? state)?.message}
        {(undoState ?? state)?.fieldErrors?.reason ? ` ${(undoState ?? state)?.fieldErrors?.reason?.join(" ")}` : null}
      </p>
      {undo && !undoState ? (
        <form action={undoAction}>
          <input type="hidden" name="undo" value={undo} />
          <Button type="submit" size="sm" variant="ghost" disabled={undoing}>{t("bulk.undo")}</Button>
        </form>
      ) : null}
    </div>
  );
}
