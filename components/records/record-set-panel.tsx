"use client";
// The record-set tools on a record page: add a meeting from the article, split, merge
// with another record, delete (admins: a record that is no event at all, unlike a
// rejection of a wrong extraction), and undo of the operations that touched this record.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { Button, buttonClass, Card, fieldClass } from "@/components/ui";
import type { RecordView } from "@/db/queries/meetings";
import { deleteRecordAction, undoAction, type RecordSetAnswer } from "@/lib/actions/record-set";

export interface RecordOperationView {
  id: number;
  kind: string;
  at: string;
  userName: string | null;
}

function useFollow(state: RecordSetAnswer | null) {
  const router = useRouter();
  useEffect(() => {
    if (state?.ok && state.data?.href) router.push(state.data.href);
    else if (state?.ok) router.refresh();
  }, [state, router]);
}

function UndoList({ operations, blocked }: { operations: RecordOperationView[]; blocked: boolean }) {
  const t = useTranslations("recordSet");
  const [state, action, pending] = useActionState(undoAction, null);
  useFollow(state);
  if (operations.length === 0) return null;
  return (
    <div className="space-y-1">
      <h3 className="text-sm font-semibold">{t("undo.title")}</h3>
      <ul className="space-y-1 text-sm">
        {operations.map((op) => (
          <li key={op.id} className="flex flex-wrap items-center gap-2">
            <span>{t(`undo.kind.${op.kind}`)} · {op.at} · {op.userName ?? "—"}</span>
            <form action={action}>
              <input type="hidden" name="operationId" value={op.id} />
              <Button type="submit" size="sm" variant="secondary" disabled={pending || blocked}>
                {t("undo.button")}
              </Button>
            </form>
          </li>
        ))}
      </ul>
      <p aria-live="polite" className="text-sm" role="status">{state?.message}</p>
    </div>
  );
}

function DeleteForm({ record }: { record: RecordView }) {
  const t = useTranslations("recordSet");
  const [state, action, pending] = useActionState(deleteRecordAction, null);
  useFollow(state);
  return (
    <form action={action} className="space-y-1 rounded-md border border-red-200 bg-red-50 p-2 text-sm">
      <p className="text-red-900">{t("delete.explain")}</p>
      <input type="hidden" name="id" value={record.id} />
      <input type="hidden" name="version" value={record.version} />
      <label className="block">
        {t("delete.reason")}
        <input name="reason" className={fieldClass} maxLength={1000} />
      </label>
      <Button type="submit" size="sm" variant="danger" disabled={pending}>
        {t("delete.button")}
      </Button>
      <p aria-live="polite" role="status">{state?.message}</p>
    </form>
  );
}

export function RecordSetPanel({ record, isAdmin, operations, blocked }: { record: RecordView; isAdmin: boolean; operations: RecordOperationView[]; blocked: boolean }) {
  const t = useTranslations("recordSet");
  return (
    <Card title={t("panel.title")} id="record-set">
      <div className="space-y-3">
        <div className="flex flex-wrap gap-2">
          <Link href={`/articles/${record.article.id}/add`} className={buttonClass("secondary", "sm")}>
            {t("panel.add")}
          </Link>
          <Link href={`/records/${record.id}/split`} className={buttonClass("secondary", "sm")}>
            {t("panel.split")}
          </Link>
        </div>
        <form action="/records/merge" method="get" className="flex flex-wrap items-end gap-2 text-sm">
          <input type="hidden" name="target" value={record.id} />
          <label>
            {t("panel.mergeWith")}
            <input name="other" inputMode="numeric" pattern="[0-9]+" required className={`${fieldClass} w-28`} />
          </label>
          <Button type="submit" size="sm" variant="secondary">
            {t("panel.merge")}
          </Button>
        </form>
        <p className="text-xs text-slate-600">{t("panel.rejectVsDelete")}</p>
        {isAdmin ? <DeleteForm record={record} /> : null}
        <UndoList operations={operations} blocked={blocked} />
      </div>
    </Card>
  );
}
