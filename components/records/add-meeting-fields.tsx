"use client";
// The fields of a meeting being added: kind, date, place, participants, partners, themes,
// quotes. Plain controlled inputs; the server validates everything again (zod).
import { useTranslations } from "next-intl";
import type { Dispatch, SetStateAction } from "react";
import { Button, fieldClass } from "@/components/ui";

export interface AddDraft {
  kind: "meeting" | "phone_call" | "conference" | "statement" | "other";
  date: string;
  location: string;
  participants: { name: string; position: string; side: "home" | "partner" }[];
  partners: { name: string; type: "country" | "organization" }[];
  themes: string[];
  quotes: { text: string; speaker: string }[];
  selections: { field: string; start: number; end: number }[];
}

export const emptyDraft: AddDraft = { kind: "meeting", date: "", location: "", participants: [], partners: [], themes: [], quotes: [], selections: [] };

const MONTHS = ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"];

/** "12 марта 2025", "12 марта", "12.03.2025" → ISO; null when it is no date. */
export function parseRuDate(text: string, year: string): string | null {
  const pad = (n: number) => String(n).padStart(2, "0");
  const numeric = /(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(text);
  if (numeric) return `${numeric[3]}-${pad(Number(numeric[2]))}-${pad(Number(numeric[1]))}`;
  const words = /(\d{1,2})\s+([а-яё]+)(?:\s+(\d{4}))?/i.exec(text);
  if (!words) return null;
  const word = words[2].toLowerCase();
  // "ма" would match every month starting so: check it last, as "мая".
  const month = word === "мая" || word === "май" ? 4 : MONTHS.findIndex((m, i) => i !== 4 && word.startsWith(m));
  if (month < 0) return null;
  return `${words[3] ?? year}-${pad(month + 1)}-${pad(Number(words[1]))}`;
}

type Set = Dispatch<SetStateAction<AddDraft>>;

function ListRows<T>({ items, render, onRemove, label }: { items: T[]; render: (item: T, i: number) => React.ReactNode; onRemove: (i: number) => void; label: string }) {
  return (
    <>
      {items.map((item, i) => (
        <div key={i} className="flex flex-wrap items-end gap-2">
          {render(item, i)}
          <Button size="sm" variant="ghost" onClick={() => onRemove(i)}>
            {label}
          </Button>
        </div>
      ))}
    </>
  );
}

export function AddFields({ draft, setDraft, themes, errors }: { draft: AddDraft; setDraft: Set; themes: { code: string; label: string }[]; errors: Record<string, string[]> }) {
  const t = useTranslations("recordSet.add");
  const tk = useTranslations("review.kind");
  const err = (key: string) => (errors[key]?.length ? <span role="alert" className="block text-xs text-red-700">{errors[key].join(" ")}</span> : null);
  const setList = <K extends "participants" | "partners" | "quotes">(key: K, i: number, patch: Partial<AddDraft[K][number]>) =>
    setDraft((d) => ({ ...d, [key]: d[key].map((row, j) => (j === i ? { ...row, ...patch } : row)) }));
  const remove = (key: "participants" | "partners" | "quotes") => (i: number) => setDraft((d) => ({ ...d, [key]: d[key].filter((_, j) => j !== i) }));
  return (
    <div className="space-y-3 text-sm">
      <div className="grid gap-3 sm:grid-cols-3">
        <label>
          {t("kind")}
          <select className={fieldClass} value={draft.kind} onChange={(e) => setDraft((d) => ({ ...d, kind: e.target.value as AddDraft["kind"] }))}>
            {(["meeting", "phone_call", "conference", "statement", "other"] as const).map((k) => (
              <option key={k} value={k}>{tk(k)}</option>
            ))}
          </select>
        </label>
        <label>
          {t("date")}
          <input name="date" className={fieldClass} value={draft.date} placeholder="YYYY-MM-DD" onChange={(e) => setDraft((d) => ({ ...d, date: e.target.value }))} />
          {err("date")}
        </label>
        <label>
          {t("place")}
          <input name="location" className={fieldClass} value={draft.location} onChange={(e) => setDraft((d) => ({ ...d, location: e.target.value }))} />
        </label>
      </div>
      <fieldset className="space-y-2 rounded-md border border-slate-200 p-2">
        <legend className="px-1 font-semibold">{t("participants")}</legend>
        <ListRows items={draft.participants} onRemove={remove("participants")} label={t("remove")} render={(p, i) => (
          <>
            <label>{t("name")}<input className={fieldClass} value={p.name} onChange={(e) => setList("participants", i, { name: e.target.value })} /></label>
            <label>{t("position")}<input className={fieldClass} value={p.position} onChange={(e) => setList("participants", i, { position: e.target.value })} /></label>
            <label>{t("side")}
              <select className={fieldClass} value={p.side} onChange={(e) => setList("participants", i, { side: e.target.value as "home" | "partner" })}>
                <option value="home">{t("home")}</option>
                <option value="partner">{t("partner")}</option>
              </select>
            </label>
            {err(`participants.${i}.name`)}
          </>
        )} />
        <Button size="sm" variant="secondary" onClick={() => setDraft((d) => ({ ...d, participants: [...d.participants, { name: "", position: "", side: "home" }] }))}>{t("addParticipant")}</Button>
      </fieldset>
      <fieldset className="space-y-2 rounded-md border border-slate-200 p-2">
        <legend className="px-1 font-semibold">{t("partners")}</legend>
        <ListRows items={draft.partners} onRemove={remove("partners")} label={t("remove")} render={(p, i) => (
          <>
            <label>{t("partnerName")}<input className={fieldClass} value={p.name} onChange={(e) => setList("partners", i, { name: e.target.value })} /></label>
            <label>{t("partnerType")}
              <select className={fieldClass} value={p.type} onChange={(e) => setList("partners", i, { type: e.target.value as "country" | "organization" })}>
                <option value="country">{t("country")}</option>
                <option value="organization">{t("organization")}</option>
              </select>
            </label>
          </>
        )} />
        <Button size="sm" variant="secondary" onClick={() => setDraft((d) => ({ ...d, partners: [...d.partners, { name: "", type: "country" }] }))}>{t("addPartner")}</Button>
      </fieldset>
      <fieldset className="rounded-md border border-slate-200 p-2">
        <legend className="px-1 font-semibold">{t("themes")}</legend>
        <div className="flex flex-wrap gap-3">
          {themes.map((th) => (
            <label key={th.code} className="flex items-center gap-1">
              <input type="checkbox" checked={draft.themes.includes(th.code)} onChange={(e) => setDraft((d) => ({ ...d, themes: e.target.checked ? [...d.themes, th.code] : d.themes.filter((c) => c !== th.code) }))} />
              {th.label}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="space-y-2 rounded-md border border-slate-200 p-2">
        <legend className="px-1 font-semibold">{t("quotes")}</legend>
        <ListRows items={draft.quotes} onRemove={remove("quotes")} label={t("remove")} render={(q, i) => (
          <>
            <label className="flex-1">{t("quote")}<textarea className={fieldClass} value={q.text} onChange={(e) => setList("quotes", i, { text: e.target.value })} /></label>
            <label>{t("speaker")}<input className={fieldClass} value={q.speaker} onChange={(e) => setList("quotes", i, { speaker: e.target.value })} /></label>
          </>
        )} />
        <Button size="sm" variant="secondary" onClick={() => setDraft((d) => ({ ...d, quotes: [...d.quotes, { text: "", speaker: "" }] }))}>{t("addQuote")}</Button>
      </fieldset>
    </div>
  );
}
