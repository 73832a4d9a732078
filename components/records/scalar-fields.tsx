"use client";
// The record's single-valued fields (kind, date, location) and its themes (a set of
// checkboxes from the taxonomy).
import { useTranslations } from "next-intl";
import { fieldClass } from "@/components/ui";
import { SourceBadge } from "./badges";
import { FieldFrame, useRecordFields, type Draft } from "./record-fields";

const kinds = ["meeting", "phone_call", "conference", "statement", "other"] as const;

export function KindField() {
  const t = useTranslations("review");
  const { record, draft, update, readOnly, err } = useRecordFields();
  return (
    <FieldFrame field="kind" confidence={record.kindConfidence} labelFor="f-kind">
      {readOnly ? (
        <p>{t(`kind.${record.kind}`)}</p>
      ) : (
        <select
          id="f-kind"
          value={draft.kind}
          aria-invalid={err("kind") ? true : undefined}
          aria-describedby="f-kind-error"
          onChange={(e) => update((d) => ({ ...d, kind: e.target.value as Draft["kind"] }))}
          className={fieldClass}
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

/** Date or location: one text-like input. */
export function TextField({ field, type }: { field: "date" | "location"; type?: "date" }) {
  const { record, draft, update, readOnly, err } = useRecordFields();
  const confidence = field === "date" ? record.dateConfidence : record.locationConfidence;
  return (
    <FieldFrame field={field} confidence={confidence} labelFor={`f-${field}`}>
      {readOnly ? (
        <p>{record[field] ?? "—"}</p>
      ) : (
        <input
          id={`f-${field}`}
          type={type}
          value={draft[field]}
          aria-invalid={err(field) ? true : undefined}
          aria-describedby={`f-${field}-error`}
          onChange={(e) => update((d) => ({ ...d, [field]: e.target.value }))}
          className={fieldClass}
        />
      )}
    </FieldFrame>
  );
}

export function ThemesField() {
  const t = useTranslations("review");
  const { record, draft, update, readOnly, select, themes, errors, err } = useRecordFields();
  const toggle = (code: string, on: boolean) => update((d) => ({ ...d, themes: on ? [...d.themes, code] : d.themes.filter((c) => c !== code) }));
  return (
    <FieldFrame field="themes">
      <fieldset>
        <legend className="sr-only">{t("record.themes")}</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {(readOnly ? themes.filter((x) => draft.themes.includes(x.code)) : themes).map((th) => {
            const row = record.themes.find((r) => r.code === th.code);
            return (
              <label key={th.code} data-value-key={th.code} onClick={() => select("themes", th.code)} onFocusCapture={() => select("themes", th.code)} className="theme-option">
                {readOnly ? null : (
                  <input type="checkbox" className="size-4" checked={draft.themes.includes(th.code)} onChange={(e) => toggle(th.code, e.target.checked)} />
                )}
                <span tabIndex={readOnly ? 0 : undefined}>{th.label}</span>
                {row && draft.themes.includes(th.code) ? <SourceBadge source={row.source} /> : null}
              </label>
            );
          })}
          {readOnly && draft.themes.length === 0 ? <span className="text-sm text-slate-600">{t("record.none")}</span> : null}
        </div>
      </fieldset>
      <p aria-live="polite" className="text-sm text-red-700 empty:hidden">
        {Object.keys(errors)
          .filter((k) => k.startsWith("themes."))
          .map((k) => err(k))
          .join(" ")}
      </p>
    </FieldFrame>
  );
}
