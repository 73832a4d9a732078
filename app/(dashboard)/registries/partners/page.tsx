import { getLocale, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/registries/action-form";
import { EntryLink, EntryTable, FormField, FormSelect, listHref, Pager, SearchForm, type Column, type RegistryT } from "@/components/registries/list";
import { PartnerFieldsInputs } from "@/components/registries/partner-fields-inputs";
import { Badge, Card } from "@/components/ui";
import { getDb } from "@/db/index";
import { listPartners, listRegions, partnerChoices, PARTNERS_PAGE_SIZE } from "@/db/queries/partners";
import { createPartnerAction } from "@/lib/actions/registries";
import { requireRolePage, roleAtLeast } from "@/lib/auth/session";
import { regionLabel } from "@/lib/i18n/regions";
import { listQuerySchema } from "@/lib/validations/registries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("registries"))("partners.title") };
}

type Row = Awaited<ReturnType<typeof listPartners>>["rows"][number];

const columns = (t: RegistryT, locale: string): Column<Row>[] => [
  {
    header: t("partners.name"),
    rowHeader: true,
    cell: (p) => (
      <>
        <EntryLink href={`/registries/partners/${p.id}`}>{p.nameRu}</EntryLink>
        {p.nameEn ? <span className="text-slate-500"> · {p.nameEn}</span> : null}
      </>
    ),
  },
  { header: t("partners.code"), cell: (p) => p.code ?? "—" },
  { header: t("partners.type"), cell: (p) => <Badge tone="neutral">{t(`partners.types.${p.type}`)}</Badge> },
  { header: t("partners.region"), cell: (p) => (p.region ? regionLabel(p.region, locale) : "—") },
  { header: t("partners.aliases"), cell: (p) => p.aliases },
  { header: t("partners.meetings"), cell: (p) => p.meetings },
];

export default async function PartnersPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRolePage("viewer");
  const [t, locale] = await Promise.all([getTranslations("registries"), getLocale()]);
  const filters = listQuerySchema.parse(await props.searchParams);
  const db = getDb();
  const isAdmin = roleAtLeast(user.role, "admin");
  const [{ rows, total, page }, regions, choices] = await Promise.all([
    listPartners(db, filters),
    listRegions(db),
    isAdmin ? partnerChoices(db) : Promise.resolve([]),
  ]);
  const pages = Math.max(1, Math.ceil(total / PARTNERS_PAGE_SIZE));
  const all = { value: "", label: t("all") };
  return (
    <div className="space-y-4">
      <SearchForm>
        <FormField label={t("partners.search")} name="q" defaultValue={filters.q ?? ""} placeholder={t("partners.searchHint")} />
        <FormSelect
          label={t("partners.type")}
          name="type"
          defaultValue={filters.type ?? ""}
          options={[all, ...(["country", "organization"] as const).map((type) => ({ value: type, label: t(`partners.types.${type}`) }))]}
        />
        <FormSelect label={t("partners.region")} name="region" defaultValue={filters.region ?? ""} options={[all, ...regions.map((r) => ({ value: r, label: regionLabel(r, locale) }))]} />
      </SearchForm>
      <Card title={t("partners.count", { count: total })} id="partners-list">
        <EntryTable caption={t("partners.title")} rows={rows} columns={columns(t, locale)} />
        <Pager page={page} pages={pages} href={(p) => listHref("/registries/partners", { q: filters.q, type: filters.type, region: filters.region }, p)} />
      </Card>
      {isAdmin ? (
        <Card title={t("partners.add")} id="partners-add">
          <ActionForm action={createPartnerAction} submitLabel={t("partners.add")} variant="primary" className="grid gap-2 sm:grid-cols-2">
            <PartnerFieldsInputs idPrefix="new" choices={choices} />
          </ActionForm>
        </Card>
      ) : null}
    </div>
  );
}
