import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui";
import type { SourceLinkRow } from "@/db/queries/sources";

const TONES = { stored: "success", duplicate: "neutral", refused: "warning", failed: "danger" } as const;

/** A source's recent links and what became of each (text only: URLs and reasons are never HTML). */
export async function SourceLog({ links }: { links: SourceLinkRow[] }) {
  const t = await getTranslations("sources");
  if (links.length === 0) return <p className="text-sm text-slate-600">{t("logEmpty")}</p>;
  return (
    <ul className="space-y-1 text-sm">
      {links.map((l) => (
        <li key={l.id} className="flex flex-wrap items-baseline gap-2">
          <Badge tone={TONES[l.status]}>{t(`linkStatus.${l.status}`)}</Badge>
          <span className="break-all text-slate-800">{l.url}</span>
          {l.reason ? <span className="text-slate-600">— {l.reason}</span> : null}
          {l.articleId ? (
            <Link className="text-blue-800 underline" href={`/articles/${l.articleId}`}>
              {t("openArticle")}
            </Link>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
