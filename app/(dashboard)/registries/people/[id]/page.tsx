import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/registries/action-form";
import { ChangeList } from "@/components/registries/change-list";
import { Card, EmptyState, fieldClass, Table, TBody, Td, Th, THead, Tr } from "@/components/ui";
import { getDb } from "@/db/index";
import { getPerson } from "@/db/queries/people";
import {
  addPersonAliasAction,
  addPositionAction,
  mergePeopleAction,
  proposePersonAliasAction,
  removePersonAliasAction,
  removePositionAction,
  splitPersonAction,
  undoPersonMergeAction,
  updatePersonAction,
  updatePositionAction,
} from "@/lib/actions/registries";
import { requireRolePage, roleAtLeast } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

function PositionInputs({ t, v, prefix }: { t: (k: string) => string; prefix: string; v?: { position: string; organization: string | null; validFrom: string | null; validTo: string | null } }) {
  return (
    <>
      <label className="text-sm" htmlFor={`${prefix}-position`}>
        {t("people.position")}
        <input id={`${prefix}-position`} name="position" required defaultValue={v?.position ?? ""} className={fieldClass} />
      </label>
      <label className="text-sm" htmlFor={`${prefix}-org`}>
        {t("people.organization")}
        <input id={`${prefix}-org`} name="organization" defaultValue={v?.organization ?? ""} className={fieldClass} />
      </label>
      <label className="text-sm" htmlFor={`${prefix}-from`}>
        {t("people.from")}
        <input id={`${prefix}-from`} name="validFrom" type="date" defaultValue={v?.validFrom ?? ""} className={fieldClass} />
      </label>
      <label className="text-sm" htmlFor={`${prefix}-to`}>
        {t("people.to")}
        <input id={`${prefix}-to`} name="validTo" type="date" defaultValue={v?.validTo ?? ""} className={fieldClass} />
      </label>
    </>
  );
}

export default async function PersonPage(props: { params: Promise<{ id: string }> }) {
  const user = await requireRolePage("viewer");
  const t = await getTranslations("registries");
  const id = Number((await props.params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const data = await getPerson(getDb(), id);
  if (!data) notFound();
  const isAdmin = roleAtLeast(user.role, "admin");
  const isEditor = roleAtLeast(user.role, "editor");
  const { person, aliases, positions, participations, mergedInto, mergedFrom, partner, changes } = data;
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
      {mergedInto ? (
        <Card title={t("people.mergedInto")} id="person-merged">
          <Link className="text-blue-800 underline" href={`/registries/people/${mergedInto.id}`}>
            {mergedInto.name}
          </Link>
          {isAdmin ? <ActionForm action={undoPersonMergeAction} hidden={{ personId: person.id }} submitLabel={t("people.undoMerge")} confirm={t("confirm")} /> : null}
        </Card>
      ) : null}

      <Card title={t("people.variants")} id="person-variants">
        {aliases.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <ul className="flex flex-wrap gap-2">
            {aliases.map((a) => (
              <li key={a.id} className="flex items-center gap-1 rounded border border-slate-200 px-2 py-1 text-sm">
                {a.alias} <span className="text-xs text-slate-500">({a.source})</span>
                {isAdmin && live ? (
                  <ActionForm action={removePersonAliasAction} hidden={{ aliasId: a.id }} submitLabel={t("remove")} variant="ghost" className="inline-flex items-center gap-1" />
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {live && isEditor ? (
          <div className="mt-3">
            <ActionForm action={isAdmin ? addPersonAliasAction : proposePersonAliasAction} hidden={{ personId: person.id }} submitLabel={isAdmin ? t("people.addVariant") : t("people.proposeVariant")}>
              <label className="text-sm">
                {t("people.variant")}
                <input name="alias" required className={fieldClass} />
              </label>
            </ActionForm>
          </div>
        ) : null}
      </Card>

      <Card title={t("people.positions")} id="person-positions">
        {positions.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <ul className="space-y-2">
            {positions.map((p) => (
              <li key={p.id} className="text-sm">
                <strong>{p.position}</strong>
                {p.organization ? `, ${p.organization}` : ""} ({p.validFrom ?? "…"} – {p.validTo ?? "…"})
                {isAdmin && live ? (
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
        )}
        {isAdmin && live ? (
          <div className="mt-3">
            <ActionForm action={addPositionAction} hidden={{ personId: person.id }} submitLabel={t("people.addPosition")}>
              <PositionInputs t={t} prefix="newpos" />
            </ActionForm>
          </div>
        ) : null}
      </Card>

      {isAdmin && live ? (
        <Card title={t("people.edit")} id="person-edit">
          <ActionForm action={updatePersonAction} hidden={{ id: person.id, partnerId: person.partnerId ?? "", notes: person.notes ?? "" }} submitLabel={t("save")}>
            <label className="text-sm">
              {t("people.name")}
              <input name="name" required defaultValue={person.name} className={fieldClass} />
            </label>
            <label className="text-sm">
              {t("people.side")}
              <select name="side" defaultValue={person.side ?? ""} className={fieldClass}>
                <option value="">—</option>
                <option value="home">{t("people.sides.home")}</option>
                <option value="partner">{t("people.sides.partner")}</option>
              </select>
            </label>
          </ActionForm>
        </Card>
      ) : null}

      {isAdmin && live ? (
        <Card title={t("people.merge")} id="person-merge">
          <p className="mb-2 text-sm text-slate-600">{t("people.mergeHelp", { name: person.name })}</p>
          <ActionForm action={mergePeopleAction} hidden={{ loserId: person.id }} submitLabel={t("people.merge")} variant="danger" confirm={t("confirm")}>
            <label className="text-sm">
              {t("people.survivorId")}
              <input name="survivorId" type="number" min={1} required className={fieldClass} />
            </label>
          </ActionForm>
        </Card>
      ) : null}

      {mergedFrom.length ? (
        <Card title={t("people.mergedFrom")} id="person-merged-from">
          <ul className="list-disc pl-5 text-sm">
            {mergedFrom.map((m) => (
              <li key={m.id}>
                <Link className="text-blue-800 underline" href={`/registries/people/${m.id}`}>
                  {m.name}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <Card title={t("people.meetingsCount", { count: participations.length })} id="person-meetings">
        {participations.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : isAdmin && live ? (
          <ActionForm action={splitPersonAction} hidden={{ personId: person.id }} submitLabel={t("people.split")} confirm={t("confirm")} className="space-y-2">
            <p className="text-sm text-slate-600">{t("people.splitHelp")}</p>
            <ParticipationTable t={t} rows={participations} selectable />
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
            <label className="text-sm">
              {t("people.splitName")}
              <input name="name" required className={fieldClass} />
            </label>
          </ActionForm>
        ) : (
          <ParticipationTable t={t} rows={participations} />
        )}
      </Card>
      <ChangeList rows={changes} title={t("history")} />
    </div>
  );
}

function ParticipationTable({
  t,
  rows,
  selectable = false,
}: {
  t: (k: string) => string;
  rows: { participantId: number; meetingId: number; nameAsWritten: string; position: string | null; date: string | null; status: string; title: string | null }[];
  selectable?: boolean;
}) {
  return (
    <Table caption={t("people.meetings")}>
      <THead>
        <Tr>
          {selectable ? <Th>{t("people.select")}</Th> : null}
          <Th>{t("date")}</Th>
          <Th>{t("record")}</Th>
          <Th>{t("people.asWritten")}</Th>
          <Th>{t("status")}</Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <Tr key={r.participantId}>
            {selectable ? (
              <Td>
                <input type="checkbox" name="participantIds" value={r.participantId} aria-label={`${t("people.select")} ${r.title ?? r.meetingId}`} />
              </Td>
            ) : null}
            <Td>{r.date ?? "—"}</Td>
            <Td>
              <Link className="text-blue-800 underline" href={`/records/${r.meetingId}`}>
                {r.title ?? `#${r.meetingId}`}
              </Link>
            </Td>
            <Td>
              {r.nameAsWritten}
              {r.position ? `, ${r.position}` : ""}
            </Td>
            <Td>{r.status}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
