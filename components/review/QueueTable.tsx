"use client";
// The queue's rows with checkboxes for bulk approve, and the queue's keyboard:
// j / k move between rows, x selects, Enter opens, / searches, ? lists the keys.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useRef, useState } from "react";
import { Button, cn, focusRing, Table, TBody, Td, Th, THead, Tr } from "@/components/ui";
import { bulkApproveAction } from "@/lib/actions/meetings";
import { initialReviewState } from "@/lib/review/action-state";
import type { QueueRow } from "@/db/queries/meetings";
import { ConfidenceMeter, StatusBadge } from "./badges";
import { ShortcutsOverlay } from "./ShortcutsOverlay";
import { useShortcuts } from "./use-shortcuts";

export function QueueTable({
  rows,
  canEdit,
  recordQuery,
  themeLabels,
  searchInputId,
}: {
  rows: QueueRow[];
  canEdit: boolean;
  /** The queue's filters, carried into each record link so j / k there follow this queue. */
  recordQuery: string;
  themeLabels: Record<string, string>;
  searchInputId: string;
}) {
  const t = useTranslations("review");
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [state, formAction, pending] = useActionState(bulkApproveAction, initialReviewState);
  const [help, setHelp] = useState(false);
  const tableRef = useRef<HTMLDivElement>(null);
  const selectable = rows.filter((r) => r.status !== "approved");
  const allSelected = selectable.length > 0 && selectable.every((r) => selected.has(r.id));

  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

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

  const summary = state.bulk
    ? (["approved", "conflict", "not_allowed", "not_found"] as const)
        .map((s) => ({ s, n: state.bulk!.filter((r) => r.status === s).length }))
        .filter((x) => x.n > 0)
        .map((x) => t(`bulk.${x.s}`, { n: x.n }))
        .join(" ")
    : state.message;

  return (
    <form
      action={(form) => {
        formAction(form);
        setSelected(new Set());
      }}
    >
      {canEdit ? (
        <div className="mb-2 flex flex-wrap items-center gap-3">
          <Button type="submit" size="sm" disabled={selected.size === 0 || pending}>
            {pending ? t("bulk.working") : t("bulk.approve", { n: selected.size })}
          </Button>
          <p role="status" aria-live="polite" className={cn("text-sm", state.ok ? "text-green-800" : "text-amber-900")}>
            {summary}
          </p>
        </div>
      ) : null}
      <div ref={tableRef} className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <Table caption={t("queue.caption")}>
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
            <Tr key={r.id} className={cn("hover:bg-slate-50", selected.has(r.id) && "bg-blue-50")}>
              {canEdit ? (
                <Td>
                  {r.status !== "approved" ? (
                    <input
                      type="checkbox"
                      name="item"
                      value={`${r.id}:${r.version}`}
                      checked={selected.has(r.id)}
                      onChange={() => toggle(r.id)}
                      aria-label={t("bulk.select", { id: r.id })}
                      className="size-4"
                    />
                  ) : null}
                </Td>
              ) : null}
              <Td className="whitespace-nowrap">
                <Link
                  href={`/records/${r.id}${recordQuery ? `?${recordQuery}` : ""}`}
                  data-row-link
                  data-row-id={r.id}
                  className={cn("rounded font-medium text-blue-800 underline-offset-2 hover:underline", focusRing)}
                >
                  {r.date ?? t("noDate")}
                </Link>
              </Td>
              <Td className="whitespace-nowrap">{t(`kind.${r.kind}`)}</Td>
              <Td className="max-w-56">{r.partners.join(", ") || "—"}</Td>
              <Td className="max-w-48">{r.homeOfficial ?? "—"}</Td>
              <Td className="max-w-56 text-slate-700">
                <Themes labels={r.themes.map((c) => themeLabels[c] ?? c)} more={(n) => t("queue.more", { n })} />
              </Td>
              <Td className="max-w-40 text-slate-700">{r.outlet ?? "—"}</Td>
              <Td className="whitespace-nowrap">
                <StatusBadge status={r.status} />
              </Td>
              <Td className="whitespace-nowrap">
                <ConfidenceMeter value={r.confidence} />
              </Td>
            </Tr>
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
  );
}

/** Two themes and "+N more": a row stays one or two lines high however many themes it has. */
function Themes({ labels, more }: { labels: string[]; more: (n: number) => string }) {
  if (labels.length === 0) return <>—</>;
  const shown = labels.slice(0, 2);
  return (
    <span title={labels.join(", ")}>
      {shown.join(", ")}
      {labels.length > shown.length ? <span className="ml-1 whitespace-nowrap text-xs text-slate-500">{more(labels.length - shown.length)}</span> : null}
    </span>
  );
}
