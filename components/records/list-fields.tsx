"use client";
// The record's list fields: participants, partners (chips and the registry type-ahead),
// quotes. Each row marks its own evidence when focused; rows the extractor wrote show
// their source and confidence.
import { useTranslations } from "next-intl";
import { Button, cn, fieldClass, focusRing } from "@/components/ui";
import { ConfidenceMeter, SourceBadge } from "./badges";
import { newKey } from "./draft";
import { PartnerTypeahead } from "./partner-typeahead";
import { FieldFrame, patchRow, useRecordFields } from "./record-fields";

export function ParticipantsField() {
  const t = useTranslations("review");
  const { record, draft, update, readOnly, select, rowError } = useRecordFields();
  const patch = (key: string, change: Partial<(typeof draft.participants)[number]>) =>
    update((d) => ({ ...d, participants: patchRow(d.participants, key, change) }));
  return (
    <FieldFrame field="participants">
      <ul className="space-y-2">
        {draft.participants.map((p, i) => {
          const row = record.participants.find((r) => r.id === p.id);
          const mark = () => select("participants", p.id ?? -1);
          return (
            <li key={p.key} data-value-key={p.id ?? p.key} onFocusCapture={mark} onClick={mark} className="rounded border border-slate-100 bg-slate-50 p-2" tabIndex={readOnly ? 0 : undefined}>
              {readOnly ? (
                <p className="text-sm">
                  <span className="font-medium">{p.name}</span>
                  {p.position ? `, ${p.position}` : ""} · {t(`side.${p.side}`)} {row ? <SourceBadge source={row.source} /> : null}
                </p>
              ) : (
                <div className="grid grid-cols-[minmax(0,1fr)_auto] gap-2">
                  <div>
                    <label htmlFor={`p-${p.key}-name`} className="sr-only">{t("record.name")}</label>
                    <input id={`p-${p.key}-name`} value={p.name} placeholder={t("record.name")} aria-invalid={rowError("participants", i, "name") ? true : undefined}
                      onChange={(e) => patch(p.key, { name: e.target.value })} className={fieldClass} />
                  </div>
                  <Button variant="ghost" size="sm" aria-label={t("record.removeNamed", { name: p.name || "—" })}
                    onClick={() => update((d) => ({ ...d, participants: d.participants.filter((x) => x.key !== p.key) }))}>✕</Button>
                  {/* Position and side under the name: side by side from a tablet up, stacked on a phone. */}
                  <div className="col-span-2 grid gap-2 sm:grid-cols-[minmax(0,1fr)_auto]">
                    <div>
                      <label htmlFor={`p-${p.key}-pos`} className="sr-only">{t("record.position")}</label>
                      <input id={`p-${p.key}-pos`} value={p.position} placeholder={t("record.position")} onChange={(e) => patch(p.key, { position: e.target.value })} className={fieldClass} />
                    </div>
                    <div>
                      <label htmlFor={`p-${p.key}-side`} className="sr-only">{t("record.side")}</label>
                      <select id={`p-${p.key}-side`} value={p.side} onChange={(e) => patch(p.key, { side: e.target.value as "home" | "partner" })} className={fieldClass}>
                        <option value="home">{t("side.home")}</option>
                        <option value="partner">{t("side.partner")}</option>
                      </select>
                    </div>
                  </div>
                </div>
              )}
              {!readOnly && row ? <div className="mt-1 flex items-center gap-2"><SourceBadge source={row.source} />{row.source === "extractor" ? <ConfidenceMeter value={row.confidence} /> : null}</div> : null}
              <p aria-live="polite" className="text-sm text-red-700 empty:hidden">{rowError("participants", i, "name") || rowError("participants", i, "side")}</p>
            </li>
          );
        })}
        {draft.participants.length === 0 ? <li className="text-sm text-slate-600">{t("record.none")}</li> : null}
      </ul>
      {readOnly ? null : (
        <Button variant="secondary" size="sm" className="mt-2"
          onClick={() => {
            const key = newKey("p");
            update((d) => ({ ...d, participants: [...d.participants, { key, name: "", position: "", side: "partner" }] }));
          }}>
          + {t("record.addParticipant")}
        </Button>
      )}
    </FieldFrame>
  );
}

export function PartnersField() {
  const t = useTranslations("review");
  const { record, draft, update, readOnly, select, rowError } = useRecordFields();
  return (
    <FieldFrame field="partners">
      <ul className="flex flex-wrap gap-2">
        {draft.partners.map((p, i) => {
          const row = record.partners.find((r) => r.id === p.id);
          const mark = () => select("partners", p.id ?? -1);
          return (
            <li key={p.key} data-value-key={p.id ?? p.key} onClick={mark} onFocusCapture={mark} tabIndex={0}
              className={cn("inline-flex items-center gap-1 rounded-full border px-2.5 py-1 text-sm", rowError("partners", i, "name") ? "border-red-600" : "border-slate-300 bg-white", focusRing)}>
              {p.name}
              {!p.id ? <span className="text-xs text-blue-800">({t("record.partnerNew")}, {t(`record.${p.type}`)})</span> : null}
              {row ? <SourceBadge source={row.source} /> : null}
              {readOnly ? null : (
                <button type="button" aria-label={t("record.removeNamed", { name: p.name })} className="rounded px-1 text-slate-600 hover:bg-slate-100"
                  onClick={(e) => { e.stopPropagation(); update((d) => ({ ...d, partners: d.partners.filter((x) => x.key !== p.key) })); }}>✕</button>
              )}
            </li>
          );
        })}
        {draft.partners.length === 0 ? <li className="text-sm text-slate-600">{t("record.none")}</li> : null}
      </ul>
      {readOnly ? null : (
        <div className="mt-2 max-w-md">
          <PartnerTypeahead id="f-partner-add" label={t("record.partnerAdd")} placeholder={t("record.partnerAdd")} hideLabel
            onPick={(h) => update((d) => (d.partners.some((x) => x.id === h.id) ? d : { ...d, partners: [...d.partners, { key: `pt-${h.id}`, id: h.id, name: h.name, type: h.type }] }))}
            onAddNew={(name) => {
              const key = newKey("pt");
              update((d) => ({ ...d, partners: [...d.partners, { key, name, type: "country" }] }));
            }} />
          {draft.partners.filter((p) => !p.id).map((p) => (
            <div key={p.key} className="mt-2 flex items-center gap-2 text-sm">
              <label htmlFor={`pt-${p.key}-type`}>{t("record.partnerType")} «{p.name}»</label>
              <select id={`pt-${p.key}-type`} value={p.type} className="rounded border border-slate-300 px-2 py-1"
                onChange={(e) => update((d) => ({ ...d, partners: patchRow(d.partners, p.key, { type: e.target.value as "country" | "organization" }) }))}>
                <option value="country">{t("record.country")}</option>
                <option value="organization">{t("record.organization")}</option>
              </select>
            </div>
          ))}
        </div>
      )}
      <p aria-live="polite" className="text-sm text-red-700 empty:hidden">
        {draft.partners.map((_, i) => rowError("partners", i, "name") || rowError("partners", i, "type")).filter(Boolean).join(" ")}
      </p>
    </FieldFrame>
  );
}

export function QuotesField() {
  const t = useTranslations("review");
  const { record, draft, update, readOnly, select, rowError } = useRecordFields();
  const patch = (key: string, change: Partial<(typeof draft.quotes)[number]>) => update((d) => ({ ...d, quotes: patchRow(d.quotes, key, change) }));
  return (
    <FieldFrame field="quotes">
      <ul className="space-y-2">
        {draft.quotes.map((q, i) => {
          const row = record.quotes.find((r) => r.id === q.id);
          const mark = () => select("quotes", q.id ?? -1);
          return (
            <li key={q.key} data-value-key={q.id ?? q.key} onClick={mark} onFocusCapture={mark} tabIndex={readOnly ? 0 : undefined} className="rounded border border-slate-100 bg-slate-50 p-2">
              {readOnly ? (
                <blockquote className="text-sm">«{q.text}»{q.speaker ? <footer className="text-slate-600">— {q.speaker}</footer> : null}</blockquote>
              ) : (
                <div className="space-y-2">
                  <label htmlFor={`q-${q.key}-text`} className="sr-only">{t("record.quoteText")}</label>
                  <textarea id={`q-${q.key}-text`} value={q.text} rows={2} aria-invalid={rowError("quotes", i, "text") ? true : undefined}
                    onChange={(e) => patch(q.key, { text: e.target.value })} className={fieldClass} />
                  <div className="flex gap-2">
                    <label htmlFor={`q-${q.key}-speaker`} className="sr-only">{t("record.speaker")}</label>
                    <input id={`q-${q.key}-speaker`} value={q.speaker} placeholder={t("record.speaker")} onChange={(e) => patch(q.key, { speaker: e.target.value })} className={fieldClass} />
                    <Button variant="ghost" size="sm" aria-label={t("record.removeNamed", { name: q.text.slice(0, 30) })}
                      onClick={() => update((d) => ({ ...d, quotes: d.quotes.filter((x) => x.key !== q.key) }))}>✕</Button>
                  </div>
                </div>
              )}
              {row ? <div className="mt-1"><SourceBadge source={row.source} /></div> : null}
              <p aria-live="polite" className="text-sm text-red-700 empty:hidden">{rowError("quotes", i, "text")}</p>
            </li>
          );
        })}
        {draft.quotes.length === 0 ? <li className="text-sm text-slate-600">{t("record.none")}</li> : null}
      </ul>
      {readOnly ? null : (
        <Button variant="secondary" size="sm" className="mt-2" onClick={() => {
          const key = newKey("q");
          update((d) => ({ ...d, quotes: [...d.quotes, { key, text: "", speaker: "" }] }));
        }}>
          + {t("record.addQuote")}
        </Button>
      )}
    </FieldFrame>
  );
}
