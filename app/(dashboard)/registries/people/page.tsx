import { getTranslations } from "next-intl/server";
import { EntryLink, EntryTable, FormField, listHref, Pager, SearchForm, type Column, type RegistryT } from "@/components/registries/list";
import { Card } from "@/components/ui";
import { getDb } from "@/db/index";
import { listPeople, PEOPLE_PAGE_SIZE } from "@/db/queries/people";
import { requireRolePage } from "@/lib/auth/session";
import { listQuerySchema } from "@/lib/validations/registries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("registries"))("people.title") };
}

type Row = Awaited<ReturnType<typeof listPeople>>["rows"][number];

const columns = (t: RegistryT): Column<Row>[] => [
  { header: t("people.name"), rowHeader: true, cell: (p) => <EntryLink href={`/registries/people/${p.id}`}>{p.name}</EntryLink> },
  { header: t("people.side"), cell: (p) => (p.side ? t(`people.sides.${p.side}`) : "—") },
  { header: t("people.variants"), cell: (p) => p.variants },
  { header: t("people.meetings"), cell: (p) => p.meetings },
];

export default async function PeoplePage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireRolePage("viewer");
  const t = await getTranslations("registries");
  const filters = listQuerySchema.parse(await props.searchParams);
  const { rows, total, page } = await listPeople(getDb(), filters);
  const pages = Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE));
  return (
    <div className="space-y-4">
      <SearchForm>
        <FormField label={t("people.search")} name="q" defaultValue={filters.q ?? ""} />
      </SearchForm>
      <Card title={t("people.count", { count: total })} id="people-list">
        <EntryTable caption={t("people.title")} rows={rows} columns={columns(t)} />
        <Pager page={page} pages={pages} href={(p) => listHref("/registries/people", { q: filters.q }, p)} />
      </Card>
    </div>
  );
}
