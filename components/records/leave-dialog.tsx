"use client";
// The choice offered when an editor leaves a record with unsaved changes.
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui";

export function LeaveDialog({ open, saving, onSave, onDiscard, onStay }: { open: boolean; saving: boolean; onSave: () => void; onDiscard: () => void; onStay: () => void }) {
  const t = useTranslations("review");
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby="leave-title"
      className="m-auto w-[min(28rem,calc(100%-2rem))] rounded-lg p-5 shadow-xl backdrop:bg-slate-900/40"
      onCancel={(e) => {
        e.preventDefault();
        onStay();
      }}
    >
      <h2 id="leave-title" className="text-lg font-semibold text-slate-900">{t("record.leaveTitle")}</h2>
      <p className="mt-2 text-sm text-slate-700">{t("record.leaveText")}</p>
      <div className="mt-4 flex flex-wrap gap-2">
        <Button onClick={onSave} disabled={saving}>{t("record.leaveSave")}</Button>
        <Button variant="danger" onClick={onDiscard}>{t("record.leaveDiscard")}</Button>
        <Button variant="ghost" onClick={onStay} autoFocus>{t("record.leaveStay")}</Button>
      </div>
    </dialog>
  );
}
