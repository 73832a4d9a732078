"use client";
// Adding a meeting the extractor missed. The article text is plain text (never HTML);
// selecting words in it offers "use as participant / position / place / date / quote /
// partner", which fills the field and keeps the selection (its offsets in the cleaned
// text) as the field's evidence span. "Suggest" asks the extractor about the selected
// paragraphs and pre-fills the form; the editor checks and submits.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui";
import { addRecordAction, suggestAction } from "@/lib/actions/record-set";
import { AddFields, emptyDraft, parseRuDate, type AddDraft } from "./add-meeting-fields";

type Use = "participant" | "position" | "place" | "date" | "quote" | "partner";
export interface Selection {
  start: number;
  end: number;
  text: string;
}

/** The selection's offsets in the container's text (the container holds the text only). */
function selectionIn(container: HTMLElement | null): Selection | null {
  const sel = typeof window === "undefined" ? null : window.getSelection();
  if (!container || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.setStart(container, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const text = range.toString();
  return text.trim() ? { start, end: start + text.length, text } : null;
}

function applyUse(draft: AddDraft, use: Use, s: Selection, year: string): AddDraft {
  const text = s.text.replace(/\s+/g, " ").trim();
  const d = { ...draft, selections: [...draft.selections, { field: use, start: s.start, end: s.end }] };
  switch (use) {
    case "participant":
      return { ...d, participants: [...d.participants, { name: text, position: "", side: d.participants.length ? "partner" : "home" }] };
    case "position": {
      const list = [...d.participants];
      if (list.length === 0) list.push({ name: "", position: text, side: "home" });
      else list[list.length - 1] = { ...list[list.length - 1], position: text };
      return { ...d, participants: list };
    }
    case "place":
      return { ...d, location: text };
    case "date":
      return { ...d, date: parseRuDate(text, year) ?? text };
    case "quote":
      return { ...d, quotes: [...d.quotes, { text: text.replace(/^[«"„]|[»"“]$/g, ""), speaker: "" }] };
    case "partner":
      return { ...d, partners: [...d.partners, { name: text, type: "country" }] };
  }
}

export function AddMeeting({ articleId, text, publishedOn, themes }: { articleId: number; text: string; publishedOn: string | null; themes: { code: string; label: string }[] }) {
  const t = useTranslations("recordSet.add");
  const router = useRouter();
  const box = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState<AddDraft>(emptyDraft);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [state, action, pending] = useActionState(addRecordAction, null);
  const [suggestion, setSuggestion] = useState<string | null>(null);
  const [suggesting, startSuggest] = useTransition();
  const year = (publishedOn ?? new Date().toISOString()).slice(0, 4);

  useEffect(() => {
    if (state?.ok && state.data?.href) router.push(state.data.href);
  }, [state, router]);

  const use = (u: Use) => selection && setDraft((d) => applyUse(d, u, selection, year));
  const askSuggestion = () => {
    if (!selection) return;
    const form = new FormData();
    form.set("articleId", String(articleId));
    form.set("start", String(selection.start));
    form.set("end", String(selection.end));
    startSuggest(async () => {
      const answer = await suggestAction(null, form);
      setSuggestion(answer.message);
      const s = answer.data;
      if (!s) return;
      setDraft((d) => ({
        ...d,
        kind: s.kind as AddDraft["kind"],
        date: s.date ?? d.date,
        location: s.location ?? d.location,
        participants: s.participants.map((p) => ({ name: p.name, position: p.position ?? "", side: p.side })),
        partners: s.partners.map((name) => ({ name, type: "country" as const })),
        themes: s.themes.filter((c) => themes.some((th) => th.code === c)),
        quotes: s.quotes.map((q) => ({ text: q.text, speaker: q.speaker ?? "" })),
      }));
    });
  };
  const payload = JSON.stringify({
    articleId,
    kind: draft.kind,
    changes: {
      kind: draft.kind,
      date: draft.date || null,
      location: draft.location || null,
      participants: draft.participants.filter((p) => p.name.trim()).map((p) => ({ ...p, position: p.position || null })),
      partners: draft.partners.filter((p) => p.name.trim()),
      themes: draft.themes,
      quotes: draft.quotes.filter((q) => q.text.trim()).map((q) => ({ text: q.text, speaker: q.speaker || null })),
    },
    selections: draft.selections,
  });

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div className="space-y-2">
        <div role="toolbar" aria-label={t("useAs")} className="sticky top-0 z-10 flex flex-wrap items-center gap-1 rounded-md border border-slate-200 bg-white p-2 text-sm">
          <span>{selection ? t("selection", { text: selection.text.slice(0, 60) }) : t("noSelection")}</span>
          {(["participant", "position", "place", "date", "quote", "partner"] as const).map((u) => (
            <Button key={u} size="sm" variant="secondary" disabled={!selection} onClick={() => use(u)} data-use={u}>
              {t(`use.${u}`)}
            </Button>
          ))}
          <Button size="sm" variant="ghost" disabled={!selection || suggesting} onClick={askSuggestion}>
            {t("suggest")}
          </Button>
        </div>
        <p aria-live="polite" role="status" className="text-sm">{suggestion}</p>
        <div
          ref={box}
          tabIndex={0}
          data-testid="add-article-text"
          onMouseUp={() => setSelection(selectionIn(box.current))}
          onKeyUp={() => setSelection(selectionIn(box.current))}
          className="max-h-[70vh] overflow-auto whitespace-pre-wrap rounded-md border border-slate-200 bg-white p-4 font-serif text-[15px] leading-relaxed"
        >
          {text}
        </div>
      </div>
      <form action={action} className="space-y-3" aria-label={t("title")}>
        <input type="hidden" name="payload" value={payload} />
        <AddFields draft={draft} setDraft={setDraft} themes={themes} errors={state?.fieldErrors ?? {}} />
        <p className="text-xs text-slate-600">{t("evidence", { n: draft.selections.length })}</p>
        <Button type="submit" disabled={pending}>
          {t("submit")}
        </Button>
        <p aria-live="polite" role="status" className="text-sm">{state?.message}</p>
      </form>
    </div>
  );
}
