"use client";
// The queue's rows with checkboxes for bulk approve, and the queue's keyboard:
// j / k move between rows, x selects, Enter opens, / searches, ? lists the keys.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useId, useRef, useState } from "react";
import { Badge, Table, TBody, Td, Th, THead, Tr } from "@/components/ui";
import { bulkStatusAction } from "@/lib/actions/meetings";
import type { QueueRow } from "@/db/queries/meetings";
import { Meter, statusTone, type MeterText } from "./badges";
import { BulkBar } from "./bulk-bar";
import { perNumber, perRow } from "./repeated-labels";
import { ShortcutsOverlay } from "./shortcuts-overlay";
import { useShortcuts } from "./use-shortcuts";

/** What a row shows: the page sends only these fields, so the payload stays small. */
export type QueueTableRow = Pick<QueueRow, "id" | "version" | "date" | "kind" | "status" | "confidence" | "homeOfficial" | "outlet" | "partners" | "themes">;

const kinds = ["meeting", "phone_call", "conference", "statement", "other"] as const;
const statuses = ["pending", "approved", "rejected"] as const;

export function QueueTable({
  rows,
  canEdit,
  recordQuery,
  themeLabels,
  searchInputId,
}: {
  rows: QueueTableRow[];
  canEdit: boolean;
  /** The queue's filters, carried into each record link so j / k there follow this queue. */
  recordQuery: string;
  themeLabels: Record<string, string>;
  searchInputId: string;
}) {
  const t = useTranslations("review");
  // Translated once per render, not once per row.
  const labels: RowLabels = {
    kind: Object.fromEntries(kinds.map((k) => [k, t(`kind.${k}`)])) as RowLabels["kind"],
    status: Object.fromEntries(statuses.map((s) => [s, t(`status.${s}`)])) as RowLabels["status"],
    meter: { none: t("confidence.none"), label: t("confidence.label"), title: perNumber((pct) => t("confidence.title", { pct })) },
    moreThemes: perNumber((n) => t("queue.more", { n })),
    select: perRow((id) => t("bulk.select", { id })),
    noDate: t("noDate"),
    themes: themeLabels,
  };
  const { selected, setSelected, selectable, allSelected, toggle } = useSelection(rows);
  const [state, formAction, pending] = useActionState(bulkStatusAction, null);
  const formId = useId();
  const [help, setHelp] = useState(false);
  const tableRef = useRef<HTMLDivElement>(null);

  const links = () => Array.from(tableRef.current?.querySelectorAll<HTMLAnchorElement>("a[data-row-link]") ?? []);
  const move = (delta: number) => {
    const all = links();
    if (all.length === 0) return;
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    const next = at < 0 ? (delta > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, at + delta));
    all[next].focus();
  };
  useShortcuts({
    j: () => move(1),
    k: () => move(-1),
    x: () => {
      const id = Number((document.activeElement as HTMLElement | null)?.dataset.rowId);
      if (canEdit && id && selectable.some((r) => r.id === id)) toggle(id);
    },
    "/": () => document.getElementById(searchInputId)?.focus(),
    "?": () => setHelp(true),
  });

  return (
    <>
    {canEdit ? <BulkBar formId={formId} count={selected.size} pending={pending} state={state} /> : null}
    <form
      id={formId}
      action={(form) => {
        formAction(form);
        setSelected(new Set());
      }}
    >
      <div ref={tableRef} className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <Table caption={t("queue.caption")} className="queue-table">
          <THead>
            <Tr>
              {canEdit ? (
                <Th className="w-8">
                  <input
                    type="checkbox"
                    aria-label={t("bulk.selectAll")}
                    checked={allSelected}
                    onChange={() => setSelected(allSelected ? new Set() : new Set(selectable.map((r) => r.id)))}
                    className="size-4"
                  />
                </Th>
              ) : null}
              <Th>{t("columns.date")}</Th>
              <Th>{t("columns.kind")}</Th>
              <Th>{t("columns.partners")}</Th>
              <Th>{t("columns.official")}</Th>
              <Th>{t("columns.themes")}</Th>
              <Th>{t("columns.outlet")}</Th>
              <Th>{t("columns.status")}</Th>
              <Th>{t("columns.confidence")}</Th>
            </Tr>
          </THead>
          <TBody>
            {rows.map((r) => (
              <QueueRow key={r.id} row={r} canEdit={canEdit} selected={selected.has(r.id)} onToggle={() => toggle(r.id)} labels={labels} href={`/records/${r.id}${recordQuery ? `?${recordQuery}` : ""}`} />
            ))}
          </TBody>
        </Table>
      </div>
      <ShortcutsOverlay
        open={help}
        onClose={() => setHelp(false)}
        shortcuts={[
          { keys: ["j"], label: t("shortcuts.rowNext") },
          { keys: ["k"], label: t("shortcuts.rowPrev") },
          { keys: ["Enter"], label: t("shortcuts.open") },
          ...(canEdit ? [{ keys: ["x"], label: t("shortcuts.select") }] : []),
          { keys: ["/"], label: t("shortcuts.search") },
          { keys: ["?"], label: t("shortcuts.help") },
        ]}
      />
    </form>
    </>
  );
}

/** Row selection for bulk decisions: approved rows cannot be selected. */
function useSelection(rows: QueueTableRow[]) {
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const selectable = rows.filter((r) => r.status !== "approved");
  const allSelected = selectable.length > 0 && selectable.every((r) => selected.has(r.id));
  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return { selected, setSelected, selectable, allSelected, toggle };
}

/** Translated once per render, not once per row. */
interface RowLabels {
  kind: Record<(typeof kinds)[number], string>;
  status: Record<(typeof statuses)[number], string>;
  meter: MeterText;
  moreThemes: (n: number) => string;
  select: (id: number) => string;
  noDate: string;
  themes: Record<string, string>;
}

function QueueRow({ row: r, canEdit, selected, onToggle, labels, href }: { row: QueueTableRow; canEdit: boolean; selected: boolean; onToggle: () => void; labels: RowLabels; href: string }) {
  return (
    <Tr className={selected ? "bg-blue-50" : undefined}>
      {canEdit ? (
        <Td>
          {r.status !== "approved" ? (
            <input type="checkbox" name="item" value={`${r.id}:${r.version}`} checked={selected} onChange={onToggle} aria-label={labels.select(r.id)} className="size-4" />
          ) : null}
        </Td>
      ) : null}
      <Td>
        <Link href={href} data-row-link data-row-id={r.id}>
          {r.date ?? labels.noDate}
        </Link>
      </Td>
      <Td>{labels.kind[r.kind]}</Td>
      <Td>{r.partners.join(", ") || "—"}</Td>
      <Td>{r.homeOfficial ?? "—"}</Td>
      <Themes labels={r.themes.map((c) => labels.themes[c] ?? c)} more={labels.moreThemes} />
      <Td>{r.outlet ?? "—"}</Td>
      <Td>
        <Badge tone={statusTone[r.status]}>{labels.status[r.status]}</Badge>
      </Td>
      <Td>
        <Meter value={r.confidence} text={labels.meter} />
      </Td>
    </Tr>
  );
}

/** The themes cell: two themes and "+N more", so a row stays one or two lines high however many themes it has. */
function Themes({ labels, more }: { labels: string[]; more: (n: number) => string }) {
  if (labels.length === 0) return <Td>—</Td>;
  const shown = labels.slice(0, 2);
  // The tooltip lists the themes the cell leaves out; when all are shown it would only repeat them.
  return (
    <Td title={labels.length > shown.length ? labels.join(", ") : undefined}>
      {shown.join(", ")}
      {labels.length > shown.length ? <span className="ml-1 whitespace-nowrap text-xs text-slate-500">{more(labels.length - shown.length)}</span> : null}
    </Td>
  );
}
