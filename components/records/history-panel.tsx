"use client";
// Every change to the record: who, when, which field, from what to what; editors can
// restore either side of a change (through the same versioned save).
import { useFormatter, useTranslations } from "next-intl";
import { useActionState } from "react";
import { Card, cn, focusRing } from "@/components/ui";
import type { HistoryEntry } from "@/db/queries/history";
import { restoreAction } from "@/lib/actions/meetings";
import { formatValue } from "./format";

const restorable = new Set(["kind", "date", "location", "participants", "partners", "themes", "quotes"]);

export function HistoryPanel({
  entries,
  canEdit,
  meetingId,
  version,
  seenHistoryId,
  blocked,
  themeLabel,
}: {
  entries: HistoryEntry[];
  canEdit: boolean;
  meetingId: number;
  version: number;
  seenHistoryId: number;
  /** Unsaved edits in the form: a restore would replace the record under them. */
  blocked: boolean;
  themeLabel: (code: string) => string;
}) {
  const t = useTranslations("review");
  const format = useFormatter();
  const [state, action, pending] = useActionState(restoreAction, null);
  const tr = (k: string, v?: Record<string, string | number>) => t(k, v);

  const restoreButton = (entry: HistoryEntry, use: "before" | "after") => (
    <form action={action} className="inline">
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="historyId" value={entry.id} />
      <input type="hidden" name="use" value={use} />
      <input type="hidden" name="baseVersion" value={version} />
      <input type="hidden" name="seenHistoryId" value={seenHistoryId} />
      <button
        type="submit"
        disabled={blocked || pending}
        title={blocked ? t("record.dirtyBlocks") : undefined}
        aria-label={t(use === "before" ? "history.restoreBefore" : "history.restoreAfter", { field: t(`history.field.${entry.field}`) })}
        className={cn("ml-1 rounded px-1.5 text-xs text-blue-800 ring-1 ring-blue-300 hover:bg-blue-50 disabled:text-slate-400 disabled:ring-slate-200", focusRing)}
      >
        {t("history.restore")}
      </button>
    </form>
  );

  return (
    <Card title={t("history.title")} id="history">
      {state ? (
        <p role="status" aria-live="polite" className={cn("mb-2 text-sm", state.ok ? "text-green-800" : "text-red-800")}>
          {state.message}
        </p>
      ) : null}
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">{t("history.empty")}</p>
      ) : (
        <ol className="divide-y divide-slate-100 text-sm">
          {entries.map((e) => (
            <li key={e.id} className="py-2">
              <div className="flex flex-wrap items-baseline gap-x-2 text-slate-600">
                <span className="font-medium text-slate-900">{e.userName ?? t("history.machine")}</span>
                <time dateTime={new Date(e.at).toISOString()}>{format.dateTime(new Date(e.at), { dateStyle: "medium", timeStyle: "short" })}</time>
                <span>{t.has(`history.action.${e.action}`) ? t(`history.action.${e.action}`) : e.action}</span>
                {e.field ? <b className="text-slate-800">{t.has(`history.field.${e.field}`) ? t(`history.field.${e.field}`) : e.field}</b> : null}
              </div>
              {e.field ? (
                <div className="mt-0.5 text-slate-800">
                  <del className="text-slate-500">{formatValue(e.field, e.before, { t: tr, themeLabel })}</del>
                  {canEdit && restorable.has(e.field) && e.action !== "confirm" ? restoreButton(e, "before") : null}
                  <span aria-hidden="true"> → </span>
                  <ins className="no-underline">{formatValue(e.field, e.after, { t: tr, themeLabel })}</ins>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
