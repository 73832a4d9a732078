"use client";
// The record page's working area: the article text beside the fields. Selecting a
// field highlights its evidence; the form posts only the changed fields with the
// version it started from; failures keep every keystroke; conflicts show both sides.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useMemo, useRef, useState, startTransition, type ReactNode } from "react";
import { Button, buttonClass, cn, fieldClass, focusRing } from "@/components/ui";
import type { HistoryEntry } from "@/db/queries/history";
import type { RecordView } from "@/db/queries/meetings";
import { changeStatusAction, saveRecordAction } from "@/lib/actions/meetings";
import type { EditableField } from "@/lib/validations/meetings";
import { ArticleText } from "./article-text";
import { ConfidenceMeter, SourceBadge, StatusBadge } from "./badges";
import { ConflictPanel } from "./conflict-panel";
import { changesOf, dirtyFields, draftFromRecord, newKey, proposalToDraft, type Draft } from "./draft";
import { formatValue } from "./format";
import { HistoryPanel } from "./history-panel";
import { PartnerTypeahead } from "./partner-typeahead";
import { ShortcutsOverlay } from "./shortcuts-overlay";
import { useShortcuts } from "./use-shortcuts";

type Active = { field: string; valueKey?: string } | null;
const evidenceField: Record<EditableField, string> = {
  kind: "kind",
  date: "date",
  location: "location",
  participants: "participant",
  partners: "partner",
  themes: "theme",
  quotes: "quote",
};

export interface RecordWorkspaceProps {
  record: RecordView;
  history: HistoryEntry[];
  seenHistoryId: number;
  canEdit: boolean;
  themes: { code: string; label: string }[];
  prevHref: string | null;
  nextHref: string | null;
  queueHref: string;
}

export function RecordWorkspace(props: RecordWorkspaceProps) {
  const { record, canEdit, themes } = props;
  const t = useTranslations("review");
  const router = useRouter();
  const themeLabel = (code: string) => themes.find((x) => x.code === code)?.label ?? code;

  // The record the editor started from; it moves on only when the server sends a newer one.
  const [base, setBase] = useState(() => ({ version: record.version, draft: draftFromRecord(record) }));
  const [draft, setDraft] = useState<Draft>(base.draft);
  const [confirm, setConfirm] = useState<Set<EditableField>>(new Set());
  const [override, setOverride] = useState<{ version: number; seen: number } | null>(null);
  if (record.version !== base.version) {
    const fresh = draftFromRecord(record);
    setBase({ version: record.version, draft: fresh });
    setDraft(fresh);
    setConfirm(new Set());
    setOverride(null);
  }
  const dirty = useMemo(() => dirtyFields(draft, base.draft), [draft, base.draft]);
  const isDirty = dirty.length > 0 || confirm.size > 0;

  const [saveState, saveAction, saving] = useActionState(saveRecordAction, null);
  const [statusState, statusAction, changing] = useActionState(changeStatusAction, null);
  const [active, setActive] = useState<Active>(null);
  const [help, setHelp] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const advanceAfter = useRef<object | null>(null);

  // A conflict stays on screen until the editor re-applies or discards; a new save result replaces it.
  const [dismissed, setDismissed] = useState<object | undefined>();
  const conflictState = saveState?.conflict ? saveState : statusState?.conflict ? statusState : undefined;
  const conflict = conflictState && conflictState !== dismissed ? conflictState.conflict : undefined;
  const errors = saveState?.fieldErrors ?? {};
  const err = (key: string) => errors[key]?.join(" ");

  // After approve / reject, the next record of the queue opens: the editor's day is a sequence of decisions.
  useEffect(() => {
    if (!statusState?.ok || advanceAfter.current === statusState) return;
    const decided = statusState.data?.status === "approved" || statusState.data?.status === "rejected";
    if (decided && props.nextHref) {
      advanceAfter.current = statusState;
      router.push(props.nextHref);
    }
  }, [statusState, props.nextHref, router]);

  const payload = JSON.stringify({
    id: record.id,
    baseVersion: override?.version ?? record.version,
    seenHistoryId: override?.seen ?? props.seenHistoryId,
    changes: changesOf(draft, dirty),
    confirm: [...confirm],
  });

  const save = () => {
    if (!canEdit || saving) return;
    formRef.current?.requestSubmit();
  };
  const status = (action: "approve" | "reject" | "reopen", reason?: string) => {
    if (!canEdit || changing) return;
    const form = new FormData();
    form.set("id", String(record.id));
    form.set("baseVersion", String(record.version));
    form.set("seenHistoryId", String(props.seenHistoryId));
    form.set("action", action);
    if (reason !== undefined) form.set("reason", reason);
    startTransition(() => statusAction(form));
  };
  const canApprove = record.status !== "approved";
  const canReject = record.status !== "rejected";

  useShortcuts({
    j: () => props.nextHref && router.push(props.nextHref),
    k: () => props.prevHref && router.push(props.prevHref),
    a: () => canEdit && canApprove && !isDirty && status("approve"),
    r: () => canEdit && canReject && !isDirty && setRejecting(true),
    s: save,
    "mod+s": save,
    "/": () => router.push(`${props.queueHref}${props.queueHref.includes("?") ? "&" : "?"}focus=search`),
    "?": () => setHelp(true),
  });
  useEffect(() => {
    if (rejecting) reasonRef.current?.focus();
  }, [rejecting]);

  const spans = active
    ? record.evidence.filter((e) => e.field === active.field && (active.valueKey === undefined || e.valueKey === active.valueKey))
    : [];
  const select = (field: EditableField, valueKey?: string | number) =>
    setActive({ field: evidenceField[field], valueKey: valueKey === undefined ? undefined : String(valueKey) });

  const fieldSource = (field: EditableField): "extractor" | "editor" | null => {
    if (field === "kind") return record.kindSource;
    if (field === "date") return record.dateSource;
    if (field === "location") return record.locationSource;
    const rows = record[field];
    if (rows.length === 0) return null;
    return rows.every((r) => r.source === "editor") ? "editor" : "extractor";
  };

  /** The frame of one field: label, source, confidence, confirm, the machine's proposal, errors. */
  // A plain function, not a component: a component defined here would remount (and blur) the inputs on every keystroke.
  const fieldFrame = ({ field, confidence, children, labelFor }: { field: EditableField; confidence?: number | null; children: ReactNode; labelFor?: string }) => {
    const source = fieldSource(field);
    const proposal = record.proposals?.[field];
    const isActive = active?.field === evidenceField[field];
    const error = err(field);
    return (
      <section
        aria-labelledby={`f-${field}-label`}
        onFocusCapture={(e) => {
          // A list row sets its own value key; focusing the frame selects the whole field.
          if (!(e.target as HTMLElement).closest("[data-value-key]")) select(field);
        }}
        onClick={(e) => {
          if (!(e.target as HTMLElement).closest("[data-value-key]")) select(field);
        }}
        className={cn("field-frame", isActive && "field-frame-active")}
      >
        {/* Frame styles: .field-frame in app/globals.css (seven frames per page). */}
        <div className="field-frame-head">
          {labelFor ? (
            <label id={`f-${field}-label`} htmlFor={labelFor}>
              {t(`record.${field}`)}
            </label>
          ) : (
            <h3 id={`f-${field}-label`}>
              {t(`record.${field}`)}
            </h3>
          )}
          {source ? <SourceBadge source={dirty.includes(field) ? "editor" : source} /> : null}
          {dirty.includes(field) ? <span className="text-xs text-blue-800">{t("record.edited")}</span> : null}
          {confidence !== undefined && source !== "editor" ? <ConfidenceMeter value={confidence} /> : null}
          {canEdit && source === "extractor" && !dirty.includes(field) ? (
            <button
              type="button"
              aria-pressed={confirm.has(field)}
              onClick={() =>
                setConfirm((c) => {
                  const n = new Set(c);
                  if (n.has(field)) n.delete(field);
                  else n.add(field);
                  return n;
                })
              }
              className="confirm-toggle"
            >
              {confirm.has(field) ? `✓ ${t("record.confirmed")}` : t("record.confirm")}
            </button>
          ) : null}
        </div>
        {children}
        {proposal !== undefined ? (
          <p className="mt-2 flex flex-wrap items-center gap-2 rounded bg-amber-50 px-2 py-1 text-sm text-amber-950">
            {t("record.proposal", { value: formatValue(field, proposal, { t: (k, v) => t(k, v), themeLabel }) })}
            {canEdit ? (
              <button type="button" onClick={() => setDraft((d) => proposalToDraft(field, proposal, d))} className={cn("rounded px-2 py-0.5 text-xs ring-1 ring-amber-400 hover:bg-amber-100", focusRing)}>
                {t("record.useProposal")}
              </button>
            ) : null}
          </p>
        ) : null}
        <p id={`f-${field}-error`} aria-live="polite" className="field-error">
          {error}
        </p>
      </section>
    );
  };

  const ro = !canEdit;
  const rowError = (field: string, i: number, part: string) => err(`${field}.${i}.${part}`) || err(`${field}.${i}`);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-xl font-semibold">{record.article.title ?? t("record.title", { id: record.id })}</h1>
          <StatusBadge status={record.status} />
          <span className="text-sm text-slate-600">{t("record.overall")}:</span>
          <ConfidenceMeter value={record.confidence} />
          <span className="text-xs text-slate-500">{t("record.version", { v: record.version })}</span>
        </div>
        <nav aria-label={t("queue.pages")} className="flex flex-wrap items-center gap-2 text-sm">
          <Link href={props.queueHref} className={buttonClass("ghost", "sm")}>← {t("record.backToQueue")}</Link>
          {props.prevHref ? <Link href={props.prevHref} className={buttonClass("secondary", "sm")} aria-keyshortcuts="k">{t("record.prev")} <kbd className="text-xs text-slate-500">k</kbd></Link> : null}
          {props.nextHref ? <Link href={props.nextHref} className={buttonClass("secondary", "sm")} aria-keyshortcuts="j">{t("record.next")} <kbd className="text-xs text-slate-500">j</kbd></Link> : null}
          <button type="button" onClick={() => setHelp(true)} className={buttonClass("ghost", "sm")} aria-keyshortcuts="?">?</button>
        </nav>
      </div>
      {record.status === "rejected" && record.rejectReason ? (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">{t("record.rejectedBecause", { reason: record.rejectReason })}</p>
      ) : null}
      {ro ? <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">{t("record.readOnly")}</p> : null}

      {conflict ? (
        <ConflictPanel
          theirs={conflict.theirChanges}
          mine={dirty.map((f) => ({ field: f, value: formatValue(f, changesOf(draft, [f])[f], { t: (k, v) => t(k, v), themeLabel }) }))}
          themeLabel={themeLabel}
          onReapply={() => {
            const seen = Math.max(props.seenHistoryId, ...conflict.theirChanges.map((c) => c.id));
            setOverride({ version: conflict.current.version, seen });
            // The override must be in the payload before the form posts.
            setTimeout(() => formRef.current?.requestSubmit(), 0);
          }}
          onTakeTheirs={() => {
            setDismissed(conflictState);
            setDraft(draftFromRecord(conflict.current));
            setConfirm(new Set());
            router.refresh();
          }}
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
          <ArticleText text={record.article.cleanText} spans={spans} focusKey={active ? `${active.field}:${active.valueKey ?? ""}` : ""} />
        </div>

        <div className="space-y-3">
          <form ref={formRef} action={saveAction} aria-label={t("record.fields")} className="space-y-3" onSubmit={(e) => { if (ro) e.preventDefault(); }}>
            <input type="hidden" name="payload" value={payload} />

            {fieldFrame({ field: "kind", confidence: record.kindConfidence, labelFor: "f-kind", children: (<>
              {ro ? <p>{t(`kind.${record.kind}`)}</p> : (
                <select id="f-kind" value={draft.kind} aria-invalid={err("kind") ? true : undefined} aria-describedby="f-kind-error"
                  onChange={(e) => setDraft({ ...draft, kind: e.target.value as Draft["kind"] })} className={fieldClass}>
                  {(["meeting", "phone_call", "conference", "statement", "other"] as const).map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
                </select>
              )}
            </>) })}

            <div className="grid gap-3 sm:grid-cols-2">
              {fieldFrame({ field: "date", confidence: record.dateConfidence, labelFor: "f-date", children: (<>
                {ro ? <p>{record.date ?? "—"}</p> : (
                  <input id="f-date" type="date" value={draft.date} aria-invalid={err("date") ? true : undefined} aria-describedby="f-date-error"
                    onChange={(e) => setDraft({ ...draft, date: e.target.value })} className={fieldClass} />
                )}
              </>) })}
              {fieldFrame({ field: "location", confidence: record.locationConfidence, labelFor: "f-location", children: (<>
                {ro ? <p>{record.location ?? "—"}</p> : (
                  <input id="f-location" value={draft.location} aria-invalid={err("location") ? true : undefined} aria-describedby="f-location-error"
                    onChange={(e) => setDraft({ ...draft, location: e.target.value })} className={fieldClass} />
                )}
              </>) })}
            </div>

            {fieldFrame({ field: "participants", children: (<>
              <ul className="space-y-2">
                {draft.participants.map((p, i) => {
                  const row = record.participants.find((r) => r.id === p.id);
                  return (
                    <li key={p.key} data-value-key={p.id ?? p.key} onFocusCapture={() => select("participants", p.id ?? -1)} onClick={() => select("participants", p.id ?? -1)}
                      className="rounded border border-slate-100 bg-slate-50 p-2" tabIndex={ro ? 0 : undefined}>
                      {ro ? (
                        <p className="text-sm"><span className="font-medium">{p.name}</span>{p.position ? `, ${p.position}` : ""} · {t(`side.${p.side}`)} {row ? <SourceBadge source={row.source} /> : null}</p>
                      ) : (
                        <div className="grid grid-cols-[minmax(0,1fr)_auto] gap-2">
                          <div>
                            <label htmlFor={`p-${p.key}-name`} className="sr-only">{t("record.name")}</label>
                            <input id={`p-${p.key}-name`} value={p.name} placeholder={t("record.name")} aria-invalid={rowError("participants", i, "name") ? true : undefined}
                              onChange={(e) => setDraft({ ...draft, participants: draft.participants.map((x) => (x.key === p.key ? { ...x, name: e.target.value } : x)) })} className={fieldClass} />
                          </div>
                          <Button variant="ghost" size="sm" aria-label={t("record.removeNamed", { name: p.name || "—" })}
                            onClick={() => setDraft({ ...draft, participants: draft.participants.filter((x) => x.key !== p.key) })}>✕</Button>
                          <div>
                            <label htmlFor={`p-${p.key}-pos`} className="sr-only">{t("record.position")}</label>
                            <input id={`p-${p.key}-pos`} value={p.position} placeholder={t("record.position")}
                              onChange={(e) => setDraft({ ...draft, participants: draft.participants.map((x) => (x.key === p.key ? { ...x, position: e.target.value } : x)) })} className={fieldClass} />
                          </div>
                          <div>
                            <label htmlFor={`p-${p.key}-side`} className="sr-only">{t("record.side")}</label>
                            <select id={`p-${p.key}-side`} value={p.side}
                              onChange={(e) => setDraft({ ...draft, participants: draft.participants.map((x) => (x.key === p.key ? { ...x, side: e.target.value as "home" | "partner" } : x)) })} className={fieldClass}>
                              <option value="home">{t("side.home")}</option>
                              <option value="partner">{t("side.partner")}</option>
                            </select>
                          </div>
                        </div>
                      )}
                      {!ro && row ? <div className="mt-1 flex items-center gap-2"><SourceBadge source={row.source} />{row.source === "extractor" ? <ConfidenceMeter value={row.confidence} /> : null}</div> : null}
                      <p aria-live="polite" className="text-sm text-red-700 empty:hidden">{rowError("participants", i, "name") || rowError("participants", i, "side")}</p>
                    </li>
                  );
                })}
                {draft.participants.length === 0 ? <li className="text-sm text-slate-600">{t("record.none")}</li> : null}
              </ul>
              {ro ? null : (
                <Button variant="secondary" size="sm" className="mt-2"
                  onClick={() => setDraft({ ...draft, participants: [...draft.participants, { key: newKey("p"), name: "", position: "", side: "partner" }] })}>
                  + {t("record.addParticipant")}
                </Button>
              )}
            </>) })}

            {fieldFrame({ field: "partners", children: (<>
              <ul className="flex flex-wrap gap-2">
                {draft.partners.map((p, i) => {
                  const row = record.partners.find((r) => r.id === p.id);
                  return (
                    <li key={p.key} data-value-key={p.id ?? p.key} onClick={() => select("partners", p.id ?? -1)} onFocusCapture={() => select("partners", p.id ?? -1)}
                      tabIndex={0} className={cn("inline-flex items-center gap-1 rounded-full border px-2.5 py-1 text-sm", rowError("partners", i, "name") ? "border-red-600" : "border-slate-300 bg-white", focusRing)}>
                      {p.name}
                      {!p.id ? <span className="text-xs text-blue-800">({t("record.partnerNew")}, {t(`record.${p.type}`)})</span> : null}
                      {row ? <SourceBadge source={row.source} /> : null}
                      {ro ? null : (
                        <button type="button" aria-label={t("record.removeNamed", { name: p.name })} className="rounded px-1 text-slate-600 hover:bg-slate-100"
                          onClick={(e) => { e.stopPropagation(); setDraft({ ...draft, partners: draft.partners.filter((x) => x.key !== p.key) }); }}>✕</button>
                      )}
                    </li>
                  );
                })}
                {draft.partners.length === 0 ? <li className="text-sm text-slate-600">{t("record.none")}</li> : null}
              </ul>
              {ro ? null : (
                <div className="mt-2 max-w-md">
                  <PartnerTypeahead id="f-partner-add" label={t("record.partnerAdd")} placeholder={t("record.partnerAdd")} hideLabel
                    onPick={(h) => { if (!draft.partners.some((x) => x.id === h.id)) setDraft({ ...draft, partners: [...draft.partners, { key: `pt-${h.id}`, id: h.id, name: h.name, type: h.type }] }); }}
                    onAddNew={(name) => setDraft({ ...draft, partners: [...draft.partners, { key: newKey("pt"), name, type: "country" }] })} />
                  {draft.partners.filter((p) => !p.id).map((p) => (
                    <div key={p.key} className="mt-2 flex items-center gap-2 text-sm">
                      <label htmlFor={`pt-${p.key}-type`}>{t("record.partnerType")} «{p.name}»</label>
                      <select id={`pt-${p.key}-type`} value={p.type} className="rounded border border-slate-300 px-2 py-1"
                        onChange={(e) => setDraft({ ...draft, partners: draft.partners.map((x) => (x.key === p.key ? { ...x, type: e.target.value as "country" | "organization" } : x)) })}>
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
            </>) })}

            {fieldFrame({ field: "themes", children: (<>
              <fieldset>
                <legend className="sr-only">{t("record.themes")}</legend>
                <div className="flex flex-wrap gap-x-4 gap-y-1">
                  {(ro ? themes.filter((x) => draft.themes.includes(x.code)) : themes).map((th) => {
                    const row = record.themes.find((r) => r.code === th.code);
                    return (
                      <label key={th.code} data-value-key={th.code} onClick={() => select("themes", th.code)} onFocusCapture={() => select("themes", th.code)}
                        className="theme-option">
                        {ro ? null : (
                          <input type="checkbox" className="size-4" checked={draft.themes.includes(th.code)}
                            onChange={(e) => setDraft({ ...draft, themes: e.target.checked ? [...draft.themes, th.code] : draft.themes.filter((c) => c !== th.code) })} />
                        )}
                        <span tabIndex={ro ? 0 : undefined}>{th.label}</span>
                        {row && draft.themes.includes(th.code) ? <SourceBadge source={row.source} /> : null}
                      </label>
                    );
                  })}
                  {ro && draft.themes.length === 0 ? <span className="text-sm text-slate-600">{t("record.none")}</span> : null}
                </div>
              </fieldset>
              <p aria-live="polite" className="text-sm text-red-700 empty:hidden">
                {Object.keys(errors).filter((k) => k.startsWith("themes.")).map((k) => err(k)).join(" ")}
              </p>
            </>) })}

            {fieldFrame({ field: "quotes", children: (<>
              <ul className="space-y-2">
                {draft.quotes.map((q, i) => {
                  const row = record.quotes.find((r) => r.id === q.id);
                  return (
                    <li key={q.key} data-value-key={q.id ?? q.key} onClick={() => select("quotes", q.id ?? -1)} onFocusCapture={() => select("quotes", q.id ?? -1)}
                      tabIndex={ro ? 0 : undefined} className="rounded border border-slate-100 bg-slate-50 p-2">
                      {ro ? (
                        <blockquote className="text-sm">«{q.text}»{q.speaker ? <footer className="text-slate-600">— {q.speaker}</footer> : null}</blockquote>
                      ) : (
                        <div className="space-y-2">
                          <label htmlFor={`q-${q.key}-text`} className="sr-only">{t("record.quoteText")}</label>
                          <textarea id={`q-${q.key}-text`} value={q.text} rows={2} aria-invalid={rowError("quotes", i, "text") ? true : undefined}
                            onChange={(e) => setDraft({ ...draft, quotes: draft.quotes.map((x) => (x.key === q.key ? { ...x, text: e.target.value } : x)) })} className={fieldClass} />
                          <div className="flex gap-2">
                            <label htmlFor={`q-${q.key}-speaker`} className="sr-only">{t("record.speaker")}</label>
                            <input id={`q-${q.key}-speaker`} value={q.speaker} placeholder={t("record.speaker")}
                              onChange={(e) => setDraft({ ...draft, quotes: draft.quotes.map((x) => (x.key === q.key ? { ...x, speaker: e.target.value } : x)) })} className={fieldClass} />
                            <Button variant="ghost" size="sm" aria-label={t("record.removeNamed", { name: q.text.slice(0, 30) })}
                              onClick={() => setDraft({ ...draft, quotes: draft.quotes.filter((x) => x.key !== q.key) })}>✕</Button>
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
              {ro ? null : (
                <Button variant="secondary" size="sm" className="mt-2" onClick={() => setDraft({ ...draft, quotes: [...draft.quotes, { key: newKey("q"), text: "", speaker: "" }] })}>
                  + {t("record.addQuote")}
                </Button>
              )}
            </>) })}

            {canEdit ? (
              <div className="sticky bottom-0 z-10 -mx-1 flex flex-wrap items-center gap-2 rounded-md border border-slate-200 bg-white/95 p-2 shadow">
                <Button type="submit" disabled={!isDirty || saving} aria-keyshortcuts="Control+S s">{saving ? t("record.saving") : t("record.save")}</Button>
                {isDirty ? <Button variant="ghost" onClick={() => { setDraft(base.draft); setConfirm(new Set()); }}>{t("record.discard")}</Button> : null}
                {canApprove ? <Button variant="secondary" disabled={isDirty || changing} onClick={() => status("approve")} aria-keyshortcuts="a">{t("record.approve")} <kbd className="text-xs text-slate-500">a</kbd></Button> : null}
                {canReject ? <Button variant="secondary" disabled={isDirty || changing} onClick={() => setRejecting(true)} aria-keyshortcuts="r">{t("record.reject")} <kbd className="text-xs text-slate-500">r</kbd></Button> : null}
                {record.status !== "pending" ? <Button variant="ghost" disabled={isDirty || changing} onClick={() => status("reopen")}>{t("record.reopen")}</Button> : null}
                <p role="status" aria-live="polite" className={cn("text-sm", (saveState?.ok || statusState?.ok) ? "text-green-800" : "text-red-800")}>
                  {isDirty && !saveState ? <span className="text-slate-600">{t("record.unsaved")}. </span> : null}
                  {[saveState?.message, statusState?.message].filter(Boolean).join(" ")}
                </p>
              </div>
            ) : null}
          </form>

          {rejecting ? (
            <form
              className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3"
              onSubmit={(e) => {
                e.preventDefault();
                const reason = reasonRef.current?.value ?? "";
                status("reject", reason);
                if (reason.trim()) setRejecting(false);
              }}
            >
              <label htmlFor="reject-reason" className="block text-sm font-medium text-red-950">{t("record.rejectReason")}</label>
              <textarea id="reject-reason" ref={reasonRef} required rows={2} className={fieldClass}
                aria-describedby="reject-reason-error" onKeyDown={(e) => { if (e.key === "Escape") setRejecting(false); }} />
              <p id="reject-reason-error" aria-live="polite" className="text-sm text-red-700 empty:hidden">
                {statusState?.fieldErrors?.reason?.join(" ")}
              </p>
              <div className="flex gap-2">
                <Button type="submit" variant="danger">{t("record.rejectConfirm")}</Button>
                <Button variant="ghost" onClick={() => setRejecting(false)}>{t("record.cancel")}</Button>
              </div>
            </form>
          ) : null}

          <HistoryPanel
            entries={props.history}
            canEdit={canEdit}
            meetingId={record.id}
            version={record.version}
            seenHistoryId={props.seenHistoryId}
            blocked={isDirty}
            themeLabel={themeLabel}
          />
        </div>
      </div>

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
