"use client";
// The article's cleaned text as plain text (never HTML), with the evidence of the
// selected field wrapped in <mark> by cutting the string at the span offsets.
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

export interface TextSpan {
  start: number;
  end: number;
}

/** Sorted, clipped, overlapping spans merged: the pieces of text to mark. */
export function mergeSpans(spans: TextSpan[], length: number): TextSpan[] {
  const sorted = spans
    .map((s) => ({ start: Math.max(0, Math.min(length, s.start)), end: Math.max(0, Math.min(length, s.end)) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** The text cut into plain and marked pieces, in order. */
export function splitBySpans(text: string, spans: TextSpan[]): { text: string; marked: boolean }[] {
  const pieces: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const s of mergeSpans(spans, text.length)) {
    if (s.start > at) pieces.push({ text: text.slice(at, s.start), marked: false });
    pieces.push({ text: text.slice(s.start, s.end), marked: true });
    at = s.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}

export function ArticleText({ text, spans, focusKey }: { text: string; spans: TextSpan[]; focusKey: string }) {
  const t = useTranslations("review.record");
  const box = useRef<HTMLDivElement>(null);
  const pieces = splitBySpans(text, spans);
  const marks = pieces.filter((p) => p.marked).length;

  // Bring the first piece of evidence into view whenever another field is selected, by
  // scrolling the text box only: the window stays put while the editor works on the right.
  useEffect(() => {
    const container = box.current;
    const first = container?.querySelector("mark");
    if (!container || !first) return;
    const top = first.offsetTop - container.clientHeight / 3;
    container.scrollTo({ top: Math.max(0, top), behavior: "smooth" });
  }, [focusKey]);

  return (
    <div>
      <p aria-live="polite" className="mb-2 text-xs text-slate-600">
        {focusKey ? (marks > 0 ? t("evidenceCount", { n: marks }) : t("evidenceNone")) : t("evidenceHint")}
      </p>
      <div
        ref={box}
        tabIndex={0}
        aria-label={t("articleText")}
        className="relative max-h-[70vh] overflow-auto whitespace-pre-wrap rounded-md border border-slate-200 bg-white p-4 font-serif text-[15px] leading-relaxed text-slate-900 lg:max-h-[calc(100vh-12rem)]"
      >
        {pieces.map((p, i) =>
          p.marked ? (
            <mark key={i} className="rounded bg-yellow-200 px-0.5 text-slate-950 ring-1 ring-yellow-500">
              {p.text}
            </mark>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </div>
    </div>
  );
}
