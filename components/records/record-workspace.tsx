"use client";
// The record page's working area: the article text beside the fields. Selecting a
// field highlights its evidence; the form posts only the changed fields with the
// version it started from; failures keep every keystroke; conflicts show both sides.
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { HistoryEntry } from "@/db/queries/history";
import type { RecordView } from "@/db/queries/meetings";
import type { EditableField } from "@/lib/validations/meetings";
import { ArticleText } from "./article-text";
import { ConflictPanel } from "./conflict-panel";
import { changesOf } from "./draft";
import { formatValue } from "./format";
import { HistoryPanel } from "./history-panel";
import { LeaveDialog } from "./leave-dialog";
import { ParticipantsField, PartnersField, QuotesField } from "./list-fields";
import { evidenceField, RecordFieldsProvider } from "./record-fields";
import { ActionBar, RecordHeader, RejectForm, type QueueLinks } from "./record-toolbar";
import { KindField, TextField, ThemesField } from "./scalar-fields";
import { ShortcutsOverlay } from "./shortcuts-overlay";
import { SourcesPanel } from "./sources-panel";
import { RecordSetPanel, type RecordOperationView } from "./record-set-panel";
import { useRecordForm } from "./use-record-form";
import { useLeaveGuard } from "./use-leave-guard";
import { useShortcuts } from "./use-shortcuts";

export interface RecordWorkspaceProps extends QueueLinks {
  record: RecordView;
  history: HistoryEntry[];
  seenHistoryId: number;
  canEdit: boolean;
  themes: { code: string; label: string }[];
  isAdmin: boolean;
  operations: RecordOperationView[];
}

export function RecordWorkspace(props: RecordWorkspaceProps) {
  const { record, canEdit, themes } = props;
  const t = useTranslations("review");
  const format = useFormatter();
  const themeLabel = (code: string) => themes.find((x) => x.code === code)?.label ?? code;
  const formRef = useRef<HTMLFormElement>(null);
  const form = useRecordForm({ record, seenHistoryId: props.seenHistoryId, canEdit, nextHref: props.nextHref, formRef });
  const [active, setActive] = useState<{ field: string; valueKey?: string } | null>(null);
  const [shown, setShown] = useState(record.article.id);
  const shownText = record.sources.find((s) => s.articleId === shown)?.cleanText ?? record.article.cleanText;
  const [help, setHelp] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const decidable = canEdit && !form.isDirty;
  const guard = useLeaveGuard(canEdit && form.isDirty);
  const saveThenGo = useSaveThenGo(form, guard);

  useShortcuts({
    j: () => props.nextHref && guard.go(props.nextHref),
    k: () => props.prevHref && guard.go(props.prevHref),
    a: () => decidable && record.status !== "approved" && form.changeStatus("approve"),
    r: () => decidable && record.status !== "rejected" && setRejecting(true),
    s: form.save,
    "mod+s": form.save,
    "/": () => guard.go(`${props.queueHref}${props.queueHref.includes("?") ? "&" : "?"}focus=search`),
    "?": () => setHelp(true),
  });

  const spans = active
    ? record.evidence.filter((e) => e.articleId === shown && e.field === active.field && (active.valueKey === undefined || e.valueKey === active.valueKey))
    : [];
  const select = (field: EditableField, valueKey?: string | number) =>
    setActive({ field: evidenceField[field], valueKey: valueKey === undefined ? undefined : String(valueKey) });
  const describe = (f: EditableField) => formatValue(f, changesOf(form.draft, [f])[f], { t: (k, v) => t(k, v), themeLabel });

  return (
    <div className="space-y-4">
      <RecordHeader record={record} links={props} onHelp={() => setHelp(true)} />
      {record.status === "rejected" && record.rejectReason ? (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">{t("record.rejectedBecause", { reason: record.rejectReason })}</p>
      ) : null}
      {canEdit ? null : <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">{t("record.readOnly")}</p>}
      {form.restoredAt && form.isDirty ? (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("record.restored", { time: format.dateTime(new Date(form.restoredAt), { dateStyle: "short", timeStyle: "short" }) })}</p>
      ) : null}
      {form.conflict ? (
        <ConflictPanel
          theirs={form.conflict.theirChanges}
          mine={form.dirty.map((f) => ({ field: f, value: describe(f) }))}
          themeLabel={themeLabel}
          onReapply={form.reapply}
          onTakeTheirs={form.takeTheirs}
        />
      ) : null}

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <div className="lg:sticky lg:top-4 lg:self-start">
          <div className="mb-2 flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm text-slate-700">
            <Link href={`/articles/${record.article.id}`} className="font-medium text-blue-800 underline">{t("record.openArticle")}</Link>
            {record.article.outlet ? <span>{record.article.outlet}</span> : null}
            {record.article.publishedOn ? <span>{record.article.publishedOn}</span> : null}
            {record.article.url ? (
              <a href={record.article.url} rel="noopener noreferrer nofollow" target="_blank" className="text-blue-800 underline">{t("record.source")}</a>
            ) : null}
          </div>
          <SourcesPanel sources={record.sources} shown={shown} onShow={setShown} />
          <ArticleText text={shownText} spans={spans} focusKey={active ? `${active.field}:${active.valueKey ?? ""}` : ""} />
        </div>

        <div className="space-y-3">
          <RecordFieldsProvider
            value={{ ...form, record, readOnly: !canEdit, errors: form.saveState?.fieldErrors ?? {}, activeField: active?.field ?? null, select, themes, themeLabel }}
          >
            <form ref={formRef} action={form.saveAction} aria-label={t("record.fields")} className="space-y-3" onSubmit={(e) => { if (!canEdit) e.preventDefault(); }}>
              <input type="hidden" name="payload" value={form.payload} />
              <KindField />
              <div className="grid gap-3 sm:grid-cols-2">
                <TextField field="date" type="date" />
                <TextField field="location" />
              </div>
              <ParticipantsField />
              <PartnersField />
              <ThemesField />
              <QuotesField />
              {canEdit ? <ActionBar record={record} form={form} onReject={() => setRejecting(true)} /> : null}
            </form>
          </RecordFieldsProvider>
          {rejecting ? <RejectForm form={form} onClose={() => setRejecting(false)} /> : null}
          {canEdit ? <RecordSetPanel record={record} isAdmin={props.isAdmin} operations={props.operations} blocked={form.isDirty} /> : null}
          <HistoryPanel entries={props.history} canEdit={canEdit} meetingId={record.id} version={record.version} seenHistoryId={props.seenHistoryId} blocked={form.isDirty} themeLabel={themeLabel} />
        </div>
      </div>

      <LeaveDialog open={guard.pending !== null} saving={form.saving} onSave={saveThenGo} onDiscard={() => { form.discard(); guard.leave(); }} onStay={guard.stay} />

      <ShortcutsOverlay
        open={help}
        onClose={() => setHelp(false)}
        shortcuts={[
          { keys: ["j"], label: t("shortcuts.next") },
          { keys: ["k"], label: t("shortcuts.prev") },
          ...(canEdit
            ? [
                { keys: ["a"], label: t("shortcuts.approve") },
                { keys: ["r"], label: t("shortcuts.reject") },
                { keys: ["s", "Ctrl+S"], label: t("shortcuts.save") },
              ]
            : []),
          { keys: ["/"], label: t("shortcuts.search") },
          { keys: ["?"], label: t("shortcuts.help") },
        ]}
      />
    </div>
  );
}

/** "Save and go": submits the form, and follows the link the editor chose once the save succeeds (a failed save stays, with its message). */
function useSaveThenGo(form: ReturnType<typeof useRecordForm>, guard: ReturnType<typeof useLeaveGuard>): () => void {
  const waiting = useRef<{ href: string; before: unknown } | null>(null);
  const { saveState } = form;
  const { leave, stay } = guard;
  useEffect(() => {
    const w = waiting.current;
    if (!w || saveState === w.before || !saveState) return;
    waiting.current = null;
    if (saveState.ok) leave();
    else stay();
  }, [saveState, leave, stay]);
  return () => {
    if (!guard.pending) return;
    waiting.current = { href: guard.pending, before: saveState };
    form.save();
  };
}
