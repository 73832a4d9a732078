// The sections the registries' detail pages (a partner, a person) share: where a merged
// entry went, its aliases or name variants, lists of linked entries, its meetings.
// Server components.
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Card, EmptyState } from "@/components/ui";
import {
  addPartnerAliasAction,
  addPersonAliasAction,
  proposePartnerAliasAction,
  proposePersonAliasAction,
  removePartnerAliasAction,
  removePersonAliasAction,
  undoPartnerMergeAction,
  undoPersonMergeAction,
} from "@/lib/actions/registries";
import { roleAtLeast, type Role } from "@/lib/auth/session";
import { ActionForm } from "./action-form";
import { EntryLink, FormField, type Column } from "./list";

type Kind = "partner" | "person";

// What differs between a partner's and a person's page in the sections both have.
const kinds = {
  partner: {
    path: "/registries/partners",
    idField: "partnerId",
    text: { mergedInto: "partners.mergedInto", undo: "partners.undoMerge", aliases: "partners.aliases", alias: "partners.alias", add: "partners.addAlias", propose: "partners.proposeAlias" },
    actions: { undo: undoPartnerMergeAction, remove: removePartnerAliasAction, add: addPartnerAliasAction, propose: proposePartnerAliasAction },
  },
  person: {
    path: "/registries/people",
    idField: "personId",
    text: { mergedInto: "people.mergedInto", undo: "people.undoMerge", aliases: "people.variants", alias: "people.variant", add: "people.addVariant", propose: "people.proposeVariant" },
    actions: { undo: undoPersonMergeAction, remove: removePersonAliasAction, add: addPersonAliasAction, propose: proposePersonAliasAction },
  },
} as const;

/**
 * Where a merged entry went (with the admin's undo), and its aliases or name variants:
 * admins add and remove them, editors propose them, nobody while the entry is merged away.
 */
export async function MergeAndAliases({
  kind,
  id,
  role,
  mergedInto,
  aliases,
}: {
  kind: Kind;
  id: number;
  role: Role;
  mergedInto: { id: number; name: string } | null;
  aliases: { id: number; alias: string; note: string }[];
}) {
  const t = await getTranslations("registries");
  const k = kinds[kind];
  const isAdmin = roleAtLeast(role, "admin");
  const changeable = !mergedInto && isAdmin;
  return (
    <>
      {mergedInto ? (
        <Card title={t(k.text.mergedInto)} id={`${kind}-merged`}>
          <p>
            <EntryLink href={`${k.path}/${mergedInto.id}`}>{mergedInto.name}</EntryLink>
          </p>
          {isAdmin ? <ActionForm action={k.actions.undo} hidden={{ [k.idField]: id }} submitLabel={t(k.text.undo)} confirm={t("confirm")} /> : null}
        </Card>
      ) : null}
      <Card title={t(k.text.aliases)} id={`${kind}-aliases`}>
        {aliases.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <ul className="flex flex-wrap gap-2">
            {aliases.map((a) => (
              <li key={a.id} className="flex items-center gap-1 rounded border border-slate-200 px-2 py-1 text-sm">
                <span>{a.alias}</span>
                <span className="text-xs text-slate-500">({a.note})</span>
                {changeable ? (
                  <ActionForm action={k.actions.remove} hidden={{ aliasId: a.id }} submitLabel={t("remove")} variant="ghost" className="inline-flex items-center gap-1" />
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {!mergedInto && roleAtLeast(role, "editor") ? (
          <div className="mt-3">
            <ActionForm action={isAdmin ? k.actions.add : k.actions.propose} hidden={{ [k.idField]: id }} submitLabel={t(isAdmin ? k.text.add : k.text.propose)}>
              <FormField label={t(k.text.alias)} name="alias" required />
            </ActionForm>
          </div>
        ) : null}
      </Card>
    </>
  );
}

/** Linked entries (merged from, members): a bulleted list of links, or the empty state when `emptyLabel` is given. */
export function LinksCard({
  id,
  title,
  items,
  emptyLabel,
}: {
  id: string;
  title: string;
  items: { id: number; href: string; label: string; note?: string }[];
  emptyLabel?: string;
}) {
  if (items.length === 0 && !emptyLabel) return null;
  return (
    <Card title={title} id={id}>
      {items.length === 0 ? (
        <EmptyState title={emptyLabel!} />
      ) : (
        <ul className="list-disc pl-5 text-sm">
          {items.map((m) => (
            <li key={m.id}>
              <EntryLink href={m.href}>{m.label}</EntryLink>
              {m.note ?? ""}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export interface MeetingRow {
  meetingId: number;
  date: string | null;
  title: string | null;
  status: string;
}

/** The columns every list of an entry's meetings starts with: date and a link to the record. */
export function meetingColumns<R extends MeetingRow>(labels: { date: string; record: string }, note?: (row: R) => ReactNode): Column<R>[] {
  return [
    { header: labels.date, cell: (r) => r.date ?? "—" },
    {
      header: labels.record,
      cell: (r) => (
        <>
          <EntryLink href={`/records/${r.meetingId}`}>{r.title ?? `#${r.meetingId}`}</EntryLink>
          {note?.(r)}
        </>
      ),
    },
  ];
}
