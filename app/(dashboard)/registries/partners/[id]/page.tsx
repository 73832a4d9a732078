import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/registries/action-form";
import { ChangeList } from "@/components/registries/change-list";
import { PartnerFieldsInputs } from "@/components/registries/partner-fields-inputs";
import { Badge, Card, EmptyState, fieldClass, Table, TBody, Td, Th, THead, Tr } from "@/components/ui";
import { getDb } from "@/db/index";
import { getPartner, partnerChoices } from "@/db/queries/partners";
import {
  addPartnerAliasAction,
  mergePartnersAction,
  proposePartnerAliasAction,
  removePartnerAliasAction,
  undoPartnerMergeAction,
  updatePartnerAction,
} from "@/lib/actions/registries";
import { requireRolePage, roleAtLeast } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function PartnerPage(props: { params: Promise<{ id: string }> }) {
  const user = await requireRolePage("viewer");
  const t = await getTranslations("registries");
  const id = Number((await props.params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const db = getDb();
  const isAdmin = roleAtLeast(user.role, "admin");
  const isEditor = roleAtLeast(user.role, "editor");
  const [data, choices] = await Promise.all([getPartner(db, id), isAdmin ? partnerChoices(db) : Promise.resolve([])]);
  if (!data) notFound();
  const { partner, aliases, children, parent, mergedInto, mergedFrom, meetings, changes } = data;
  return (
    <div className="space-y-4">
      <div>
        <h2 className="text-xl font-semibold">
          {partner.nameRu} {partner.code ? <Badge tone="info">{partner.code}</Badge> : null}
        </h2>
        <p className="text-slate-600">
          {t(`partners.types.${partner.type}`)}
          {partner.nameEn ? ` · ${partner.nameEn}` : ""}
          {partner.region ? ` · ${partner.region}` : ""}
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

      {mergedInto ? (
        <Card title={t("partners.mergedInto")} id="partner-merged">
          <p>
            <Link className="text-blue-800 underline" href={`/registries/partners/${mergedInto.id}`}>
              {mergedInto.nameRu}
            </Link>
          </p>
          {isAdmin ? (
            <ActionForm action={undoPartnerMergeAction} hidden={{ partnerId: partner.id }} submitLabel={t("partners.undoMerge")} confirm={t("confirm")} />
          ) : null}
        </Card>
      ) : null}

      <Card title={t("partners.aliases")} id="partner-aliases">
        {aliases.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <ul className="flex flex-wrap gap-2">
            {aliases.map((a) => (
              <li key={a.id} className="flex items-center gap-1 rounded border border-slate-200 px-2 py-1 text-sm">
                <span>{a.alias}</span>
                <span className="text-xs text-slate-500">({a.kind}, {a.source})</span>
                {isAdmin && !mergedInto ? (
                  <ActionForm action={removePartnerAliasAction} hidden={{ aliasId: a.id }} submitLabel={t("remove")} variant="ghost" className="inline-flex items-center gap-1" />
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {!mergedInto && isEditor ? (
          <div className="mt-3">
            <ActionForm
              action={isAdmin ? addPartnerAliasAction : proposePartnerAliasAction}
              hidden={{ partnerId: partner.id }}
              submitLabel={isAdmin ? t("partners.addAlias") : t("partners.proposeAlias")}
            >
              <label className="text-sm">
                {t("partners.alias")}
                <input name="alias" required className={fieldClass} />
              </label>
            </ActionForm>
          </div>
        ) : null}
      </Card>

      {isAdmin && !mergedInto ? (
        <>
          <Card title={t("partners.edit")} id="partner-edit">
            <ActionForm action={updatePartnerAction} hidden={{ id: partner.id }} submitLabel={t("save")} variant="primary" className="grid gap-2 sm:grid-cols-2">
              <PartnerFieldsInputs idPrefix={`p${partner.id}`} values={partner} choices={choices} exceptId={partner.id} />
            </ActionForm>
          </Card>
          <Card title={t("partners.merge")} id="partner-merge">
            <p className="mb-2 text-sm text-slate-600">{t("partners.mergeHelp", { name: partner.nameRu })}</p>
            <ActionForm action={mergePartnersAction} hidden={{ loserId: partner.id }} submitLabel={t("partners.merge")} variant="danger" confirm={t("confirm")}>
              <label className="text-sm">
                {t("partners.survivor")}
                <select name="survivorId" required className={fieldClass}>
                  {choices
                    .filter((c) => c.id !== partner.id)
                    .map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.nameRu}
                        {c.code ? ` (${c.code})` : ""}
                      </option>
                    ))}
                </select>
              </label>
            </ActionForm>
          </Card>
        </>
      ) : null}

      {mergedFrom.length ? (
        <Card title={t("partners.mergedFrom")} id="partner-merged-from">
          <ul className="list-disc pl-5 text-sm">
            {mergedFrom.map((m) => (
              <li key={m.id}>
                <Link className="text-blue-800 underline" href={`/registries/partners/${m.id}`}>
                  {m.nameRu}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <Card title={t("partners.children")} id="partner-children">
        {children.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <ul className="list-disc pl-5 text-sm">
            {children.map((c) => (
              <li key={c.id}>
                <Link className="text-blue-800 underline" href={`/registries/partners/${c.id}`}>
                  {c.nameRu}
                </Link>
                {c.code ? ` (${c.code})` : ""}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title={t("partners.meetingsCount", { count: meetings.length })} id="partner-meetings">
        {meetings.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <Table caption={t("partners.meetings")}>
            <THead>
              <Tr>
                <Th>{t("date")}</Th>
                <Th>{t("record")}</Th>
                <Th>{t("status")}</Th>
              </Tr>
            </THead>
            <TBody>
              {meetings.map((m) => (
                <Tr key={m.id}>
                  <Td>{m.date ?? "—"}</Td>
                  <Td>
                    <Link className="text-blue-800 underline" href={`/records/${m.id}`}>
                      {m.title ?? `#${m.id}`}
                    </Link>
                    {m.outlet ? <span className="text-slate-500"> · {m.outlet}</span> : null}
                  </Td>
                  <Td>{m.status}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
      <ChangeList rows={changes} title={t("history")} />
    </div>
  );
}
