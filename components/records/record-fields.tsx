"use client";
// What the record form's field editors share: the record, the editor's draft and how to
// change it, errors, the field whose evidence is marked; and the frame every field sits
// in (label, source, confidence, confirm, the machine's proposal, the field's error).
import { useTranslations } from "next-intl";
import { createContext, useContext, type ReactNode } from "react";
import { cn, focusRing } from "@/components/ui";
import type { RecordView } from "@/db/queries/meetings";
import type { EditableField } from "@/lib/validations/meetings";
import { ConfidenceMeter, SourceBadge } from "./badges";
import { proposalToDraft, type Draft } from "./draft";
import { formatValue } from "./format";

/** The evidence field name of each editable field (evidence.field in the database). */
export const evidenceField: Record<EditableField, string> = {
  kind: "kind",
  date: "date",
  location: "location",
  participants: "participant",
  partners: "partner",
  themes: "theme",
  quotes: "quote",
};

export interface RecordFields {
  record: RecordView;
  draft: Draft;
  update: (change: (draft: Draft) => Draft) => void;
  /** No edit controls (viewers). */
  readOnly: boolean;
  dirty: EditableField[];
  confirmed: Set<EditableField>;
  toggleConfirm: (field: EditableField) => void;
  /** Error sentences by field key ("participants.0.name"). */
  errors: Record<string, string[]>;
  /** The evidence field currently marked in the article. */
  activeField: string | null;
  select: (field: EditableField, valueKey?: string | number) => void;
  themes: { code: string; label: string }[];
  themeLabel: (code: string) => string;
}

const Context = createContext<RecordFields | null>(null);
export const RecordFieldsProvider = Context.Provider;

export function useRecordFields() {
  const fields = useContext(Context);
  if (!fields) throw new Error("useRecordFields outside RecordFieldsProvider");
  const err = (key: string) => fields.errors[key]?.join(" ");
  /** A list row's error: its part's ("participants.0.name"), else the row's own. */
  const rowError = (field: string, i: number, part: string) => err(`${field}.${i}.${part}`) || err(`${field}.${i}`);
  return { ...fields, err, rowError };
}

function fieldSource(record: RecordView, field: EditableField): "extractor" | "editor" | null {
  if (field === "kind") return record.kindSource;
  if (field === "date") return record.dateSource;
  if (field === "location") return record.locationSource;
  const rows = record[field];
  if (rows.length === 0) return null;
  return rows.every((r) => r.source === "editor") ? "editor" : "extractor";
}

/** The frame of one field. `labelFor` names the input a scalar field's label is for; lists get a heading. */
export function FieldFrame({ field, confidence, labelFor, children }: { field: EditableField; confidence?: number | null; labelFor?: string; children: ReactNode }) {
  const t = useTranslations("review");
  const { record, readOnly, dirty, confirmed, toggleConfirm, update, activeField, select, themeLabel, err } = useRecordFields();
  const source = fieldSource(record, field);
  const proposal = record.proposals?.[field];
  const edited = dirty.includes(field);
  // A list row sets its own value key; focusing or clicking elsewhere in the frame selects the whole field.
  const selectWhole = (target: EventTarget) => {
    if (!(target as HTMLElement).closest("[data-value-key]")) select(field);
  };
  return (
    <section
      aria-labelledby={`f-${field}-label`}
      onFocusCapture={(e) => selectWhole(e.target)}
      onClick={(e) => selectWhole(e.target)}
      className={cn("field-frame", activeField === evidenceField[field] && "field-frame-active")}
    >
      {/* Frame styles: .field-frame in app/globals.css (seven frames per page). */}
      <div className="field-frame-head">
        {labelFor ? (
          <label id={`f-${field}-label`} htmlFor={labelFor}>
            {t(`record.${field}`)}
          </label>
        ) : (
          <h3 id={`f-${field}-label`}>{t(`record.${field}`)}</h3>
        )}
        {source ? <SourceBadge source={edited ? "editor" : source} /> : null}
        {edited ? <span className="text-xs text-blue-800">{t("record.edited")}</span> : null}
        {confidence !== undefined && source !== "editor" ? <ConfidenceMeter value={confidence} /> : null}
        {!readOnly && source === "extractor" && !edited ? (
          <button type="button" aria-pressed={confirmed.has(field)} onClick={() => toggleConfirm(field)} className="confirm-toggle">
            {confirmed.has(field) ? `✓ ${t("record.confirmed")}` : t("record.confirm")}
          </button>
        ) : null}
      </div>
      {children}
      {proposal !== undefined ? (
        <p className="mt-2 flex flex-wrap items-center gap-2 rounded bg-amber-50 px-2 py-1 text-sm text-amber-950">
          {t("record.proposal", { value: formatValue(field, proposal, { t: (k, v) => t(k, v), themeLabel }) })}
          {!readOnly ? (
            <button
              type="button"
              onClick={() => update((d) => proposalToDraft(field, proposal, d))}
              className={cn("rounded px-2 py-0.5 text-xs ring-1 ring-amber-400 hover:bg-amber-100", focusRing)}
            >
              {t("record.useProposal")}
            </button>
          ) : null}
        </p>
      ) : null}
      <p id={`f-${field}-error`} aria-live="polite" className="field-error">
        {err(field)}
      </p>
    </section>
  );
}

/** A list row's fields changed in place: the draft's rows with `key` replaced by `change(row)`. */
export function patchRow<R extends { key: string }>(rows: R[], key: string, change: Partial<R>): R[] {
  return rows.map((r) => (r.key === key ? { ...r, ...change } : r));
}

export type { Draft };
