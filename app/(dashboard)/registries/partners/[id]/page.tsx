import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/registries/action-form";
import { aliasNote, ChangeList } from "@/components/registries/change-list";
import { regionLabel } from "@/lib/i18n/regions";
import { LinksCard, meetingColumns, MergeAndAliases } from "@/components/registries/detail";
import { EntryTable, FormSelect, type RegistryT } from "@/components/registries/list";
import { PartnerFieldsInputs } from "@/components/registries/partner-fields-inputs";
import { Badge, Card } from "@/components/ui";
import { getDb } from "@/db/index";
import { getPartner, partnerChoices } from "@/db/queries/partners";
import { mergePartnersAction, updatePartnerAction } from "@/lib/actions/registries";
import { requireRolePage, roleAtLeast } from "@/lib/auth/session";
import { isDbId } from "@/lib/validations/ids";

export const dynamic = "force-dynamic";

type Data = NonNullable<Awaited<ReturnType<typeof getPartner>>>;
type Choices = Awaited<ReturnType<typeof partnerChoices>>;

function PartnerHeading({ t, partner, parent, locale }: { t: RegistryT; partner: Data["partner"]; parent: Data["parent"]; locale: string }) {
  return (
    <div>
      <h2 className="text-xl font-semibold">
        {partner.nameRu} {partner.code ? <Badge tone="info">{partner.code}</Badge> : null}
      </h2>
      <p className="text-slate-600">
        {t(`partners.types.${partner.type}`)}
        {partner.nameEn ? ` · ${partner.nameEn}` : ""}
        {partner.region ? ` · ${regionLabel(partner.region, locale)}` : ""}
        {parent ? (
          <>
            {" · "}
            {t("partners.fields.parentId")}:{" "}
            <Link className="text-blue-800 underline" href={`/registries/partners/${parent.id}`}>
              {parent.nameRu}
            </Link>
          </>
        ) : null}
      </p>
      {partner.fullNameRu ? <p className="text-sm text-slate-600">{partner.fullNameRu}</p> : null}
    </div>
  );
}

/** Editing and merging: admins only, and only while the partner is not merged away. */
function PartnerAdminCards({ t, partner, choices }: { t: RegistryT; partner: Data["partner"]; choices: Choices }) {
  return (
    <>
      <Card title={t("partners.edit")} id="partner-edit">
        <ActionForm action={updatePartnerAction} hidden={{ id: partner.id }} submitLabel={t("save")} variant="primary" className="grid gap-2 sm:grid-cols-2">
          <PartnerFieldsInputs idPrefix={`p${partner.id}`} values={partner} choices={choices} exceptId={partner.id} />
        </ActionForm>
      </Card>
      <Card title={t("partners.merge")} id="partner-merge">
        <p className="mb-2 text-sm text-slate-600">{t("partners.mergeHelp", { name: partner.nameRu })}</p>
        <ActionForm action={mergePartnersAction} hidden={{ loserId: partner.id }} submitLabel={t("partners.merge")} variant="danger" confirm={t("confirm")}>
          <FormSelect
            label={t("partners.survivor")}
            name="survivorId"
            required
            options={choices.filter((c) => c.id !== partner.id).map((c) => ({ value: String(c.id), label: `${c.nameRu}${c.code ? ` (${c.code})` : ""}` }))}
          />
        </ActionForm>
      </Card>
    </>
  );
}

export default async function PartnerPage(props: { params: Promise<{ id: string }> }) {
  const user = await requireRolePage("viewer");
  const [t, locale] = await Promise.all([getTranslations("registries"), getLocale()]);
  const id = Number((await props.params).id);
  if (!isDbId(id)) notFound();
  const db = getDb();
  const isAdmin = roleAtLeast(user.role, "admin");
  const [data, choices] = await Promise.all([getPartner(db, id), isAdmin ? partnerChoices(db) : Promise.resolve([])]);
  if (!data) notFound();
  const { partner, aliases, children, parent, mergedInto, mergedFrom, meetings, changes } = data;
  const live = !mergedInto;
  const meetingRows = meetings.map((m) => ({ ...m, meetingId: m.id }));
  const partnerLink = (p: { id: number; nameRu: string; code?: string | null }) => ({
    id: p.id,
    href: `/registries/partners/${p.id}`,
    label: p.nameRu,
    note: p.code ? ` (${p.code})` : undefined,
  });
  return (
    <div className="space-y-4">
      <PartnerHeading t={t} partner={partner} parent={parent} locale={locale} />
      <MergeAndAliases
        kind="partner"
        id={partner.id}
        role={user.role}
        mergedInto={mergedInto && { id: mergedInto.id, name: mergedInto.nameRu }}
        aliases={aliases.map((a) => ({ id: a.id, alias: a.alias, note: aliasNote(t, a.kind, a.source) }))}
      />
      {isAdmin && live ? <PartnerAdminCards t={t} partner={partner} choices={choices} /> : null}
      <LinksCard id="partner-merged-from" title={t("partners.mergedFrom")} items={mergedFrom.map(partnerLink)} />
      <LinksCard id="partner-children" title={t("partners.children")} items={children.map(partnerLink)} emptyLabel={t("empty")} />
      <Card title={t("partners.meetingsCount", { count: meetings.length })} id="partner-meetings">
        <EntryTable
          caption={t("partners.meetings")}
          rows={meetingRows}
          columns={[
            ...meetingColumns<(typeof meetingRows)[number]>({ date: t("date"), record: t("record") }, (m) =>
              m.outlet ? <span className="text-slate-500"> · {m.outlet}</span> : null,
            ),
            { header: t("status"), cell: (m) => m.status },
          ]}
        />
      </Card>
      <ChangeList rows={changes} title={t("history")} />
    </div>
  );
}
