"use client";
// Partner type-ahead (ARIA combobox): names, codes and aliases from the registry by
// prefix, via /api/partners/search. Arrow keys move, Enter picks, Escape closes.
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type MouseEvent } from "react";
import { cn, fieldClass } from "@/components/ui";
import type { PartnerHit } from "@/db/queries/partners";

export function PartnerTypeahead({
  onPick,
  label,
  hideLabel,
  id,
  placeholder,
  onAddNew,
}: {
  onPick: (hit: PartnerHit) => void;
  label: string;
  hideLabel?: boolean;
  id: string;
  placeholder?: string;
  /** Offered when nothing matches: add the typed name as a new partner. */
  onAddNew?: (name: string) => void;
}) {
  const t = useTranslations("review.partnerSearch");
  const [q, setQ] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const { hits, failed } = usePartnerHits(q, () => setActive(0));

  const shown = q.trim() ? hits : [];
  const addNew = onAddNew && q.trim() ? 1 : 0;
  const count = shown.length + addNew;
  const pick = (i: number) => {
    if (i < shown.length) onPick(shown[i]);
    else if (onAddNew) onAddNew(q.trim());
    setQ("");
    setOpen(false);
  };

  return (
    <div className="relative">
      <label htmlFor={id} className={hideLabel ? "sr-only" : "mb-1 block text-sm font-medium text-slate-800"}>
        {label}
      </label>
      <input
        id={id}
        role="combobox"
        aria-expanded={open && count > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && count > 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        value={q}
        placeholder={placeholder}
        className={fieldClass}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(count - 1, a + 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === "Enter" && open && count > 0) {
            e.preventDefault();
            pick(active);
          } else if (e.key === "Escape") {
            setOpen(false);
          }
        }}
      />
      {open && count > 0 ? <Options listId={listId} hits={shown} active={active} addNew={addNew ? t("addNew", { name: q.trim() }) : null} onPick={pick} /> : null}
      {failed ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {t("failed")}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Registry partners whose name, code or alias starts with `q`, asked 150 ms after the last
 * keystroke; an answer that comes after a newer question is dropped.
 */
function usePartnerHits(q: string, onAnswer: () => void): { hits: PartnerHit[]; failed: boolean } {
  const [hits, setHits] = useState<PartnerHit[]>([]);
  const [failed, setFailed] = useState(false);
  const seq = useRef(0);
  const answered = useRef(onAnswer);
  useEffect(() => {
    answered.current = onAnswer;
  });
  useEffect(() => {
    const query = q.trim();
    if (!query) return;
    const mine = ++seq.current;
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/partners/search?q=${encodeURIComponent(query)}`);
        if (!res.ok) throw new Error(String(res.status));
        const body = (await res.json()) as { partners: PartnerHit[] };
        if (mine === seq.current) {
          setHits(body.partners);
          answered.current();
          setFailed(false);
        }
      } catch {
        if (mine === seq.current) setFailed(true);
      }
    }, 150);
    return () => clearTimeout(timer);
  }, [q]);
  return { hits, failed };
}

/** The listbox: the hits, and the offer to add the typed name when the caller takes new partners. */
function Options({ listId, hits, active, addNew, onPick }: { listId: string; hits: PartnerHit[]; active: number; addNew: string | null; onPick: (i: number) => void }) {
  const option = (i: number) => ({
    id: `${listId}-${i}`,
    role: "option",
    "aria-selected": i === active,
    onMouseDown: (e: MouseEvent) => {
      e.preventDefault();
      onPick(i);
    },
  });
  return (
    <ul id={listId} role="listbox" className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded-md border border-slate-300 bg-white py-1 text-sm shadow-lg">
      {hits.map((h, i) => (
        <li key={h.id} {...option(i)} className={cn("cursor-pointer px-3 py-1.5", i === active && "bg-blue-100")}>
          <span className="font-medium">{h.name}</span>
          {h.code ? <span className="ml-1 text-slate-600">{h.code}</span> : null}
          {h.parentName ? <span className="ml-1 text-slate-600">· {h.parentName}</span> : null}
          {h.matched ? <span className="ml-1 text-xs text-slate-500">({h.matched})</span> : null}
        </li>
      ))}
      {addNew ? (
        <li {...option(hits.length)} className={cn("cursor-pointer px-3 py-1.5 text-blue-800", active === hits.length && "bg-blue-100")}>
          {addNew}
        </li>
      ) : null}
    </ul>
  );
}

/** The queue filter's partner: a type-ahead that fills a hidden "partner" field. */
export function PartnerFilter({ initial, label }: { initial: { id: number; name: string } | null; label: string }) {
  const t = useTranslations("review.partnerSearch");
  const [chosen, setChosen] = useState(initial);
  return (
    <div>
      <input type="hidden" name="partner" value={chosen?.id ?? ""} />
      {chosen ? (
        <div>
          <span className="mb-1 block text-sm font-medium text-slate-800">{label}</span>
          <span className="inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
            {chosen.name}
            <button
              type="button"
              onClick={() => setChosen(null)}
              aria-label={t("clear", { name: chosen.name })}
              className="rounded px-1 text-slate-600 hover:bg-slate-100"
            >
              ×
            </button>
          </span>
        </div>
      ) : (
        <PartnerTypeahead id="filter-partner" label={label} onPick={(h) => setChosen({ id: h.id, name: h.name })} />
      )}
    </div>
  );
}
