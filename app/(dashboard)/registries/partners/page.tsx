import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/registries/action-form";
import { PartnerFieldsInputs } from "@/components/registries/partner-fields-inputs";
import { Badge, buttonClass, Card, EmptyState, fieldClass, Table, TBody, Td, Th, THead, Tr } from "@/components/ui";
import { getDb } from "@/db/index";
import { listPartners, listRegions, partnerChoices, PARTNERS_PAGE_SIZE } from "@/db/queries/partners";
import { createPartnerAction } from "@/lib/actions/registries";
import { requireRolePage, roleAtLeast } from "@/lib/auth/session";
import { listQuerySchema } from "@/lib/validations/registries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("registries"))("partners.title") };
}

export default async function PartnersPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRolePage("viewer");
  const t = await getTranslations("registries");
  const filters = listQuerySchema.parse(await props.searchParams);
  const db = getDb();
  const isAdmin = roleAtLeast(user.role, "admin");
  const [{ rows, total, page }, regions, choices] = await Promise.all([
    listPartners(db, filters),
    listRegions(db),
    isAdmin ? partnerChoices(db) : Promise.resolve([]),
  ]);
  const pages = Math.max(1, Math.ceil(total / PARTNERS_PAGE_SIZE));
  const href = (p: number) => {
    const q = new URLSearchParams();
    if (filters.q) q.set("q", filters.q);
    if (filters.type) q.set("type", filters.type);
    if (filters.region) q.set("region", filters.region);
    q.set("page", String(p));
    return `/registries/partners?${q}`;
  };
  return (
    <div className="space-y-4">
      <form method="get" className="flex flex-wrap items-end gap-2" role="search">
        <label className="text-sm">
          {t("partners.search")}
          <input name="q" defaultValue={filters.q ?? ""} className={fieldClass} placeholder={t("partners.searchHint")} />
        </label>
        <label className="text-sm">
          {t("partners.type")}
          <select name="type" defaultValue={filters.type ?? ""} className={fieldClass}>
            <option value="">{t("all")}</option>
            <option value="country">{t("partners.types.country")}</option>
            <option value="organization">{t("partners.types.organization")}</option>
          </select>
        </label>
        <label className="text-sm">
          {t("partners.region")}
          <select name="region" defaultValue={filters.region ?? ""} className={fieldClass}>
            <option value="">{t("all")}</option>
            {regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass("secondary", "sm")}>
          {t("apply")}
        </button>
      </form>
      <Card title={t("partners.count", { count: total })} id="partners-list">
        {rows.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <Table caption={t("partners.title")}>
            <THead>
              <Tr>
                <Th>{t("partners.name")}</Th>
                <Th>{t("partners.code")}</Th>
                <Th>{t("partners.type")}</Th>
                <Th>{t("partners.region")}</Th>
                <Th>{t("partners.aliases")}</Th>
                <Th>{t("partners.meetings")}</Th>
              </Tr>
            </THead>
            <TBody>
              {rows.map((p) => (
                <Tr key={p.id}>
                  <Th scope="row" className="font-normal">
                    <Link className="text-blue-800 underline" href={`/registries/partners/${p.id}`}>
                      {p.nameRu}
                    </Link>
                    {p.nameEn ? <span className="text-slate-500"> · {p.nameEn}</span> : null}
                  </Th>
                  <Td>{p.code ?? "—"}</Td>
                  <Td>
                    <Badge tone="neutral">{t(`partners.types.${p.type}`)}</Badge>
                  </Td>
                  <Td>{p.region ?? "—"}</Td>
                  <Td>{p.aliases}</Td>
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
