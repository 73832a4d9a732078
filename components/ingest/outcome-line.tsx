"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui";

export type ItemStatus = "queued" | "processing" | "stored" | "duplicate" | "refused";

const tones: Record<ItemStatus, BadgeTone> = {
  queued: "neutral",
  processing: "info",
  stored: "success",
  duplicate: "warning",
  refused: "danger",
};

/** One file's (or pasted text's) result: records created, duplicate, or why it was refused. */
export function OutcomeLine({
  status,
  articleId,
  meetingsCreated,
  message,
}: {
  status: ItemStatus;
  articleId: number | null;
  meetingsCreated?: number;
  message: string | null;
}) {
  const t = useTranslations("ingest");
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Badge tone={tones[status]}>{t(`status.${status}`)}</Badge>
      {status === "stored" && articleId ? (
        <>
          <span>{t("recordsCreated", { count: meetingsCreated ?? 0 })}</span>
          <Link className="text-blue-700 underline" href={`/articles/${articleId}`}>
            {t("openArticle")}
          </Link>
        </>
      ) : null}
      {status === "duplicate" && articleId ? (
        <Link className="text-blue-700 underline" href={`/articles/${articleId}`}>
          {t("existingArticle")}
        </Link>
      ) : null}
      {message ? <span className={status === "refused" ? "text-red-800" : "text-slate-700"}>{message}</span> : null}
    </span>
  );
}
