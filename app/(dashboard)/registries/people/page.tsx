import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass, Card, EmptyState, fieldClass, Table, TBody, Td, Th, THead, Tr } from "@/components/ui";
import { getDb } from "@/db/index";
import { listPeople, PEOPLE_PAGE_SIZE } from "@/db/queries/people";
import { requireRolePage } from "@/lib/auth/session";
import { listQuerySchema } from "@/lib/validations/registries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("registries"))("people.title") };
}

export default async function PeoplePage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireRolePage("viewer");
  const t = await getTranslations("registries");
  const filters = listQuerySchema.parse(await props.searchParams);
  const { rows, total, page } = await listPeople(getDb(), filters);
  const pages = Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE));
  const href = (p: number) => `/registries/people?${new URLSearchParams({ ...(filters.q ? { q: filters.q } : {}), page: String(p) })}`;
  return (
    <div className="space-y-4">
      <form method="get" role="search" className="flex items-end gap-2">
        <label className="text-sm">
          {t("people.search")}
          <input name="q" defaultValue={filters.q ?? ""} className={fieldClass} />
        </label>
        <button type="submit" className={buttonClass("secondary", "sm")}>
          {t("apply")}
        </button>
      </form>
      <Card title={t("people.count", { count: total })} id="people-list">
        {rows.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <Table caption={t("people.title")}>
            <THead>
              <Tr>
                <Th>{t("people.name")}</Th>
                <Th>{t("people.side")}</Th>
                <Th>{t("people.variants")}</Th>
                <Th>{t("people.meetings")}</Th>
              </Tr>
            </THead>
            <TBody>
              {rows.map((p) => (
                <Tr key={p.id}>
                  <Th scope="row" className="font-normal">
                    <Link className="text-blue-800 underline" href={`/registries/people/${p.id}`}>
                      {p.name}
                    </Link>
                  </Th>
                  <Td>{p.side ? t(`people.sides.${p.side}`) : "—"}</Td>
                  <Td>{p.variants}</Td>
                  <Td>{p.meetings}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
        {pages > 1 ? (
          <nav aria-label={t("pagination")} className="mt-3 flex gap-2 text-sm">
            {page > 1 ? <Link className="text-blue-800 underline" href={href(page - 1)}>{t("previous")}</Link> : null}
            <span>{t("pageOf", { page, pages })}</span>
            {page < pages ? <Link className="text-blue-800 underline" href={href(page + 1)}>{t("next")}</Link> : null}
          </nav>
        ) : null}
      </Card>
    </div>
  );
}
