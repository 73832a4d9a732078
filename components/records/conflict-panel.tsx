"use client";
// A refused save: the other editor's changes beside the editor's own unsaved ones,
// with the two ways out (re-apply mine on top, or take theirs).
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui";
import type { HistoryEntry } from "@/db/queries/history";
import { formatValue } from "./format";

export function ConflictPanel({
  theirs,
  mine,
  themeLabel,
  onReapply,
  onTakeTheirs,
}: {
  theirs: HistoryEntry[];
  mine: { field: string; value: string }[];
  themeLabel: (code: string) => string;
  onReapply: () => void;
  onTakeTheirs: () => void;
}) {
  const t = useTranslations("review");
  const format = useFormatter();
  const tr = (k: string, v?: Record<string, string | number>) => t(k, v);
  const theirFields = new Set(theirs.map((c) => c.field));
  return (
    <section role="alert" aria-labelledby="conflict-title" className="rounded-lg border-2 border-amber-500 bg-amber-50 p-4">
      <h2 id="conflict-title" className="text-base font-semibold text-amber-950">{t("conflict.title")}</h2>
      <p className="mb-3 text-sm text-amber-950">{t("messages.conflict")}</p>
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <h3 className="mb-1 text-sm font-semibold">{t("conflict.theirs")}</h3>
          <ul className="space-y-1 text-sm">
            {theirs.map((c) => (
              <li key={c.id} className="rounded bg-white p-2">
                <span className="font-medium">{c.userName ?? t("conflict.nobody")}</span>,{" "}
                {format.dateTime(new Date(c.at), { dateStyle: "short", timeStyle: "short" })}:{" "}
                {t(`history.action.${c.action}`)} {c.field ? <b>{t(`history.field.${c.field}`)}</b> : null}
                <div className="text-slate-700">
                  <del className="text-slate-500">{formatValue(c.field, c.before, { t: tr, themeLabel })}</del> →{" "}
                  <ins className="no-underline">{formatValue(c.field, c.after, { t: tr, themeLabel })}</ins>
                </div>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className="mb-1 text-sm font-semibold">{t("conflict.yours")}</h3>
          <ul className="space-y-1 text-sm">
            {mine.map((m) => (
              <li key={m.field} className="rounded bg-white p-2">
                <b>{t(`history.field.${m.field}`)}</b>
                {theirFields.has(m.field) ? <span className="ml-2 text-xs font-semibold text-red-800">({t("conflict.both")})</span> : null}
                <div className="text-slate-700">{m.value}</div>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button onClick={onReapply} disabled={mine.length === 0}>{t("conflict.reapply")}</Button>
        <Button variant="secondary" onClick={onTakeTheirs}>{t("conflict.takeTheirs")}</Button>
      </div>
    </section>
  );
}
