import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Badge, buttonClass, Card } from "@/components/ui";
import { getDb } from "@/db/index";
import { getArticleWithRecords } from "@/db/queries/articles";
import { requireRolePage, roleAtLeast } from "@/lib/auth/session";
import { jobIdSchema } from "@/lib/validations/ingest";
import { displayTitle } from "@/lib/articles/display-title";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("articles"))("title") };
}

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRolePage("viewer");
  const t = await getTranslations("articles");
  const id = jobIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const found = await getArticleWithRecords(getDb(), id.data);
  if (!found) notFound();
  const { article, records } = found;
  const meta: [string, string | null][] = [
    [t("outlet"), article.outlet],
    [t("publishedOn"), article.publishedOn],
    [t("file"), article.file],
    [t("language"), article.language],
    [t("encoding"), article.encoding],
    [t("importedAt"), article.importedAt.toISOString().slice(0, 16).replace("T", " ")],
    [t("extractorVersion"), article.extractorVersion],
  ];
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/articles" className="text-blue-700 underline">
            {t("title")}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{displayTitle(article.title, article.cleanText) ?? t("untitled")}</h1>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {meta.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-600">{label}</dt>
              <dd className="break-all">{value ?? "—"}</dd>
            </div>
          ))}
          <dt className="text-slate-600">{t("url")}</dt>
          <dd className="break-all">
            {article.url && /^https?:\/\//.test(article.url) ? (
              <a href={article.url} rel="noopener noreferrer nofollow" target="_blank" className="text-blue-700 underline">
                {article.url}
              </a>
            ) : (
              "—"
            )}
          </dd>
        </dl>
      </div>
      {roleAtLeast(user.role, "editor") ? (
        <p>
          <Link href={`/articles/${article.id}/add`} className={buttonClass("secondary", "sm")}>
            {t("addMeeting")}
          </Link>
        </p>
      ) : null}
      <Card title={t("recordsOfArticle")} id="article-records">
        {records.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noRecords")}</p>
        ) : (
          <ul className="space-y-2">
            {records.map((r) => (
              <li key={r.id} className="text-sm">
                <Link href={`/records/${r.id}`} className="font-medium text-blue-700 underline">
                  {t("record", { id: r.id })}
                </Link>{" "}
                <Badge tone={r.status === "approved" ? "success" : r.status === "rejected" ? "danger" : "warning"}>{t(`status.${r.status}`)}</Badge>{" "}
                {[t(`kind.${r.kind}`), r.date, r.location].filter(Boolean).join(" · ")}
                {r.participants.length ? ` — ${r.participants.map((p) => p.name).join(", ")}` : ""}
                {r.partners.length ? ` (${r.partners.join(", ")})` : ""}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {article.people.length > 0 ? (
        <Card title={t("people")} id="article-people">
          <p className="text-sm">{article.people.map((p) => p.name).join(", ")}</p>
        </Card>
      ) : null}
      <Card title={t("text")} id="article-text">
        {/* Rendered as text, never as HTML: the article came from outside. */}
        <div lang={article.language} className="whitespace-pre-wrap text-sm leading-relaxed text-slate-900">
          {article.cleanText}
        </div>
      </Card>
    </div>
  );
}
