"use client";
// A record's sources: every article reporting the contact, its own first. Choosing one
// shows that article's text beside the fields, with the evidence found in it.
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { RecordSource } from "@/db/queries/meetings";

export function SourcesPanel({ sources, shown, onShow }: { sources: RecordSource[]; shown: number; onShow: (articleId: number) => void }) {
  const t = useTranslations("recordSet");
  return (
    <section aria-labelledby="record-sources" className="mb-3 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
      <h2 id="record-sources" className="mb-1 font-semibold">
        {t("sources.title", { n: sources.length })}
      </h2>
      <ol className="space-y-1" data-testid="record-sources">
        {sources.map((s) => (
          <li key={s.articleId} className="flex flex-wrap items-baseline gap-x-2">
            <button
              type="button"
              aria-pressed={s.articleId === shown}
              onClick={() => onShow(s.articleId)}
              className={`rounded px-1 text-left underline ${s.articleId === shown ? "bg-blue-100 font-semibold text-blue-900" : "text-blue-800"}`}
            >
              {s.outlet || t("sources.noOutlet")}
            </button>
            <span>{s.publishedOn ?? "—"}</span>
            <Link href={`/articles/${s.articleId}`} className="text-blue-800 underline">
              {s.title || t("sources.untitled")}
            </Link>
            {s.url && /^https?:\/\//.test(s.url) ? (
              <a href={s.url} rel="noopener noreferrer nofollow" target="_blank" className="text-blue-800 underline">
                {t("sources.link")}
              </a>
            ) : null}
            {s.file ? <span className="text-xs text-slate-600">{s.file}</span> : null}
            <span className="text-xs text-slate-500">{t(`sources.via.${s.via === "attached" || s.via === "merge" || s.via === "editor" ? s.via : "extractor"}`)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
