import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass, Card, EmptyState, Input, Table, TBody, Td, Th, THead, Tr } from "@/components/ui";
import { getDb } from "@/db/index";
import { listArticles } from "@/db/queries/articles";
import { requireRolePage } from "@/lib/auth/session";
import { articlesQuerySchema } from "@/lib/validations/ingest";
import { displayTitle } from "@/lib/articles/display-title";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("articles"))("title") };
}

type Search = Record<string, string | string[] | undefined>;

function link(params: Record<string, string | number | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") qs.set(k, String(v));
  const s = qs.toString();
  return s ? `/articles?${s}` : "/articles";
}

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireRolePage("viewer");
  const t = await getTranslations("articles");
  const raw = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const filter = articlesQuerySchema.parse({ q: one(raw.q), outlet: one(raw.outlet), from: one(raw.from), to: one(raw.to), page: one(raw.page) });
  const { rows, hasMore, total, page } = await listArticles(getDb(), filter);
  const base = { q: filter.q, outlet: filter.outlet, from: filter.from, to: filter.to };
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-600">{t("intro")}</p>
      </div>
      <Card>
        <form method="get" action="/articles" role="search" className="grid gap-3 sm:grid-cols-5 sm:items-end">
          <Input id="articles-q" name="q" type="search" label={t("search")} defaultValue={filter.q ?? ""} className="sm:col-span-2" />
          <Input id="articles-outlet" name="outlet" label={t("outlet")} defaultValue={filter.outlet ?? ""} />
          <Input id="articles-from" name="from" type="date" label={t("from")} defaultValue={filter.from ?? ""} />
          <Input id="articles-to" name="to" type="date" label={t("to")} defaultValue={filter.to ?? ""} />
          <div className="flex gap-2 sm:col-span-5">
            <button type="submit" className={buttonClass()}>
              {t("filter")}
            </button>
            <Link href="/articles" className={buttonClass("secondary")}>
              {t("reset")}
            </Link>
          </div>
        </form>
      </Card>
      <Card title={t("count", { count: total })} id="articles-list">
        {rows.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <Table caption={t("title")}>
            <THead>
              <Tr>
                <Th>{t("headline")}</Th>
                <Th>{t("outlet")}</Th>
                <Th>{t("publishedOn")}</Th>
                <Th>{t("records")}</Th>
              </Tr>
            </THead>
            <TBody>
              {rows.map((a) => (
                <Tr key={a.id}>
                  <Th scope="row" className="font-normal">
                    <Link href={`/articles/${a.id}`} className="text-blue-700 underline">
                      {displayTitle(a.title, a.snippet) ?? t("untitled")}
                    </Link>
                  </Th>
                  <Td>{a.outlet ?? "—"}</Td>
                  <Td className="whitespace-nowrap">{a.publishedOn ?? "—"}</Td>
                  <Td>{a.records}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
        <nav aria-label={t("page", { page })} className="mt-3 flex gap-2">
          {page > 1 ? (
            <Link className={buttonClass("secondary", "sm")} href={link({ ...base, page: page - 1 })}>
              {t("previous")}
            </Link>
          ) : null}
          {hasMore ? (
            <Link className={buttonClass("secondary", "sm")} href={link({ ...base, page: page + 1 })}>
              {t("next")}
            </Link>
          ) : null}
        </nav>
      </Card>
    </div>
  );
}
