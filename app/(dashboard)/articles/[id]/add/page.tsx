import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { AddMeeting } from "@/components/records/add-meeting";
import { getDb } from "@/db/index";
import { getArticleWithRecords } from "@/db/queries/articles";
import { requireRolePage } from "@/lib/auth/session";
import { cachedFilterOptions } from "@/lib/queue/cache";
import { jobIdSchema } from "@/lib/validations/ingest";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recordSet.add"))("title") };
}

export default async function AddMeetingPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRolePage("editor");
  const id = jobIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const [found, options, locale] = await Promise.all([getArticleWithRecords(getDb(), id.data), cachedFilterOptions(), getLocale()]);
  if (!found) notFound();
  const { article } = found;
  const t = await getTranslations("recordSet.add");
  return (
    <ClientMessages namespaces={["recordSet", "review.kind"]}>
      <div className="space-y-4">
        <p className="text-sm">
          <Link href={`/articles/${article.id}`} className="text-blue-800 underline">
            {article.title ?? `#${article.id}`}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-700">{t("intro")}</p>
        <AddMeeting
          articleId={article.id}
          text={article.cleanText}
          publishedOn={article.publishedOn ? String(article.publishedOn).slice(0, 10) : null}
          themes={options.themes.map((th) => ({ code: th.code, label: locale === "en" ? th.labelEn : th.labelRu }))}
        />
      </div>
    </ClientMessages>
  );
}
