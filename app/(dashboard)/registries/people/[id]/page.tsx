import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/registries/action-form";
import { aliasNote, ChangeList } from "@/components/registries/change-list";
import { LinksCard, meetingColumns, MergeAndAliases } from "@/components/registries/detail";
import { EntryTable, FormField, FormSelect, type RegistryT } from "@/components/registries/list";
import { Card, EmptyState } from "@/components/ui";
import { getDb } from "@/db/index";
import { getPerson } from "@/db/queries/people";
import {
  addPositionAction,
  mergePeopleAction,
  removePositionAction,
  splitPersonAction,
  updatePersonAction,
  updatePositionAction,
} from "@/lib/actions/registries";
import { requireRolePage, roleAtLeast } from "@/lib/auth/session";
import { isDbId } from "@/lib/validations/ids";

export const dynamic = "force-dynamic";

type Data = NonNullable<Awaited<ReturnType<typeof getPerson>>>;

function PositionInputs({ t, v, prefix }: { t: RegistryT; prefix: string; v?: { position: string; organization: string | null; validFrom: string | null; validTo: string | null } }) {
  return (
    <>
      <FormField label={t("people.position")} id={`${prefix}-position`} name="position" required defaultValue={v?.position ?? ""} />
      <FormField label={t("people.organization")} id={`${prefix}-org`} name="organization" defaultValue={v?.organization ?? ""} />
      <FormField label={t("people.from")} id={`${prefix}-from`} name="validFrom" type="date" defaultValue={v?.validFrom ?? ""} />
      <FormField label={t("people.to")} id={`${prefix}-to`} name="validTo" type="date" defaultValue={v?.validTo ?? ""} />
    </>
  );
}

function PositionsCard({ t, person, positions, editable }: { t: RegistryT; person: Data["person"]; positions: Data["positions"]; editable: boolean }) {
  return (
    <Card title={t("people.positions")} id="person-positions">
      {positions.length === 0 ? <EmptyState title={t("empty")} /> : null}
      <ul className="space-y-2">
        {positions.map((p) => (
          <li key={p.id} className="text-sm">
            <strong>{p.position}</strong>
            {p.organization ? `, ${p.organization}` : ""} ({p.validFrom ?? "…"} – {p.validTo ?? "…"})
            {editable ? (
              <details className="mt-1">
                <summary className="cursor-pointer text-blue-800">{t("edit")}</summary>
                <ActionForm action={updatePositionAction} hidden={{ positionId: p.id, personId: person.id }} submitLabel={t("save")}>
                  <PositionInputs t={t} prefix={`pos${p.id}`} v={p} />
                </ActionForm>
                <ActionForm action={removePositionAction} hidden={{ positionId: p.id }} submitLabel={t("remove")} variant="danger" confirm={t("confirm")} />
              </details>
            ) : null}
          </li>
        ))}
      </ul>
      {editable ? (
        <div className="mt-3">
          <ActionForm action={addPositionAction} hidden={{ personId: person.id }} submitLabel={t("people.addPosition")}>
            <PositionInputs t={t} prefix="newpos" />
          </ActionForm>
        </div>
      ) : null}
    </Card>
  );
}

/** Editing and merging: admins only, and only while the person is not merged away. */
function PersonAdminCards({ t, person }: { t: RegistryT; person: Data["person"] }) {
  return (
    <>
      <Card title={t("people.edit")} id="person-edit">
        <ActionForm action={updatePersonAction} hidden={{ id: person.id, partnerId: person.partnerId ?? "", notes: person.notes ?? "" }} submitLabel={t("save")}>
          <FormField label={t("people.name")} name="name" required defaultValue={person.name} />
          <FormSelect
            label={t("people.side")}
            name="side"
            defaultValue={person.side ?? ""}
            options={[{ value: "", label: "—" }, ...(["home", "partner"] as const).map((side) => ({ value: side, label: t(`people.sides.${side}`) }))]}
          />
        </ActionForm>
      </Card>
      <Card title={t("people.merge")} id="person-merge">
        <p className="mb-2 text-sm text-slate-600">{t("people.mergeHelp", { name: person.name })}</p>
        <ActionForm action={mergePeopleAction} hidden={{ loserId: person.id }} submitLabel={t("people.merge")} variant="danger" confirm={t("confirm")}>
          <FormField label={t("people.survivorId")} name="survivorId" type="number" min={1} required />
        </ActionForm>
      </Card>
    </>
  );
}

/** Every meeting the person took part in; for admins, ticking some splits them off to a new person. */
function MeetingsCard({ t, data, splittable }: { t: RegistryT; data: Data; splittable: boolean }) {
  const { person, participations, aliases } = data;
  type Row = Data["participations"][number];
  const table = (selectable: boolean) => (
    <EntryTable
      caption={t("people.meetings")}
      rows={participations}
      rowKey={(r) => r.participantId}
      columns={[
        ...(selectable
          ? [{ header: t("people.select"), cell: (r: Row) => <input type="checkbox" name="participantIds" value={r.participantId} aria-label={`${t("people.select")} ${r.title ?? r.meetingId}`} /> }]
          : []),
        ...meetingColumns<Row>({ date: t("date"), record: t("record") }),
        { header: t("people.asWritten"), cell: (r) => `${r.nameAsWritten}${r.position ? `, ${r.position}` : ""}` },
        { header: t("status"), cell: (r) => r.status },
      ]}
    />
  );
  return (
    <Card title={t("people.meetingsCount", { count: participations.length })} id="person-meetings">
      {splittable && participations.length > 0 ? (
        <ActionForm action={splitPersonAction} hidden={{ personId: person.id }} submitLabel={t("people.split")} confirm={t("confirm")} className="space-y-2">
          <p className="text-sm text-slate-600">{t("people.splitHelp")}</p>
          {table(true)}
          {aliases.length ? (
            <fieldset className="text-sm">
              <legend>{t("people.splitVariants")}</legend>
              {aliases.map((a) => (
                <label key={a.id} className="mr-3 inline-flex items-center gap-1">
                  <input type="checkbox" name="aliasIds" value={a.id} /> {a.alias}
                </label>
              ))}
            </fieldset>
          ) : null}
          <FormField label={t("people.splitName")} name="name" required />
        </ActionForm>
      ) : (
        table(false)
      )}
    </Card>
  );
}

export default async function PersonPage(props: { params: Promise<{ id: string }> }) {
  const user = await requireRolePage("viewer");
  const t = await getTranslations("registries");
  const id = Number((await props.params).id);
  if (!isDbId(id)) notFound();
  const data = await getPerson(getDb(), id);
  if (!data) notFound();
  const isAdmin = roleAtLeast(user.role, "admin");
  const { person, aliases, positions, mergedInto, mergedFrom, partner, changes } = data;
  const live = !mergedInto;
  return (
    <div className="space-y-4">
      <div>
        <h2 className="text-xl font-semibold">{person.name}</h2>
        <p className="text-slate-600">
          {person.side ? t(`people.sides.${person.side}`) : t("people.sideUnknown")}
          {partner ? (
            <>
              {" · "}
              <Link className="text-blue-800 underline" href={`/registries/partners/${partner.id}`}>
                {partner.nameRu}
              </Link>
            </>
          ) : null}
        </p>
      </div>
      <MergeAndAliases
        kind="person"
        id={person.id}
        role={user.role}
        mergedInto={mergedInto}
        aliases={aliases.map((a) => ({ id: a.id, alias: a.alias, note: aliasNote(t, null, a.source) }))}
      />
      <PositionsCard t={t} person={person} positions={positions} editable={isAdmin && live} />
      {isAdmin && live ? <PersonAdminCards t={t} person={person} /> : null}
      <LinksCard id="person-merged-from" title={t("people.mergedFrom")} items={mergedFrom.map((m) => ({ id: m.id, href: `/registries/people/${m.id}`, label: m.name }))} />
      <MeetingsCard t={t} data={data} splittable={isAdmin && live} />
      <ChangeList rows={changes} title={t("history")} />
    </div>
  );
}
