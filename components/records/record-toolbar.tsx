"use client";
// Around the record's fields: the heading with the queue navigation, the bar of
// save / approve / reject / reopen with the answers, and the reason form of a rejection.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Button, buttonClass, cn, fieldClass } from "@/components/ui";
import type { RecordView } from "@/db/queries/meetings";
import { ConfidenceMeter, StatusBadge } from "./badges";
import type { RecordForm } from "./use-record-form";

export interface QueueLinks {
  prevHref: string | null;
  nextHref: string | null;
  queueHref: string;
}

export function RecordHeader({ record, links, onHelp }: { record: RecordView; links: QueueLinks; onHelp: () => void }) {
  const t = useTranslations("review");
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-semibold">{record.article.title ?? t("record.title", { id: record.id })}</h1>
        <StatusBadge status={record.status} />
        <span className="text-sm text-slate-600">{t("record.overall")}:</span>
        <ConfidenceMeter value={record.confidence} />
        <span className="text-xs text-slate-500">{t("record.version", { v: record.version })}</span>
      </div>
      <nav aria-label={t("queue.pages")} className="flex flex-wrap items-center gap-2 text-sm">
        <Link href={links.queueHref} className={buttonClass("ghost", "sm")}>← {t("record.backToQueue")}</Link>
        {links.prevHref ? <Link href={links.prevHref} className={buttonClass("secondary", "sm")} aria-keyshortcuts="k">{t("record.prev")} <kbd className="text-xs text-slate-500">k</kbd></Link> : null}
        {links.nextHref ? <Link href={links.nextHref} className={buttonClass("secondary", "sm")} aria-keyshortcuts="j">{t("record.next")} <kbd className="text-xs text-slate-500">j</kbd></Link> : null}
        <button type="button" onClick={onHelp} className={buttonClass("ghost", "sm")} aria-keyshortcuts="?">?</button>
      </nav>
    </div>
  );
}

/** The bar under the fields (inside the form: Save submits it). */
export function ActionBar({ record, form, onReject }: { record: RecordView; form: RecordForm; onReject: () => void }) {
  const t = useTranslations("review");
  const { isDirty, saving, changing, saveState, statusState } = form;
  return (
    <div className="action-bar -mx-1 flex flex-wrap items-center gap-2 rounded-md border border-slate-200 bg-white p-2 shadow sm:sticky sm:bottom-0 sm:z-10">
      <Button type="submit" disabled={!isDirty || saving} aria-keyshortcuts="Control+S s">{saving ? t("record.saving") : t("record.save")}</Button>
      {isDirty ? <Button variant="ghost" onClick={form.discard}>{t("record.discard")}</Button> : null}
      {record.status !== "approved" ? <Button variant="secondary" disabled={isDirty || changing} onClick={() => form.changeStatus("approve")} aria-keyshortcuts="a">{t("record.approve")} <kbd className="text-xs text-slate-500">a</kbd></Button> : null}
      {record.status !== "rejected" ? <Button variant="secondary" disabled={isDirty || changing} onClick={onReject} aria-keyshortcuts="r">{t("record.reject")} <kbd className="text-xs text-slate-500">r</kbd></Button> : null}
      {record.status !== "pending" ? <Button variant="ghost" disabled={isDirty || changing} onClick={() => form.changeStatus("reopen")}>{t("record.reopen")}</Button> : null}
      <p role="status" aria-live="polite" className={cn("text-sm", saveState?.ok || statusState?.ok ? "text-green-800" : "text-red-800")}>
        {isDirty && !saveState ? <span className="text-slate-600">{t("record.unsaved")}. </span> : null}
        {[saveState?.message, statusState?.message].filter(Boolean).join(" ")}
        {saveState?.signedOut || statusState?.signedOut ? (
          <>
            {" "}
            <Link data-keeps-draft className="font-medium text-blue-800 underline" href={`/sign-in?callbackUrl=${encodeURIComponent(`/records/${record.id}`)}`}>{t("record.signInAgain")}</Link>
          </>
        ) : null}
      </p>
    </div>
  );
}

/** A rejection needs a reason: the form opens focused, Escape closes it. */
export function RejectForm({ form, onClose }: { form: RecordForm; onClose: () => void }) {
  const t = useTranslations("review");
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => reasonRef.current?.focus(), []);
  return (
    <form
      className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        const reason = reasonRef.current?.value ?? "";
        form.changeStatus("reject", reason);
        if (reason.trim()) onClose();
      }}
    >
      <label htmlFor="reject-reason" className="block text-sm font-medium text-red-950">{t("record.rejectReason")}</label>
      <textarea id="reject-reason" ref={reasonRef} required rows={2} className={fieldClass}
        aria-describedby="reject-reason-error" onKeyDown={(e) => { if (e.key === "Escape") onClose(); }} />
      <p id="reject-reason-error" aria-live="polite" className="text-sm text-red-700 empty:hidden">
        {form.statusState?.fieldErrors?.reason?.join(" ")}
      </p>
      <div className="flex gap-2">
        <Button type="submit" variant="danger">{t("record.rejectConfirm")}</Button>
        <Button variant="ghost" onClick={onClose}>{t("record.cancel")}</Button>
      </div>
    </form>
  );
}
