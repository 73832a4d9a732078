"use client";
// The frame of every chart: a title, a "Table" button that opens the same numbers as a
// table (for screen readers and copying) under the chart, and a CSV download of them.
// The table is built in the browser when it is opened (or downloaded): the server only
// sends the numbers the chart needs, once.
import { useMemo, useState, type ReactNode } from "react";
import { Button, Card } from "@/components/ui";
import { toCsv } from "@/lib/analytics/csv";
import type { ChartTable } from "./compact-data";
import { DataTable } from "./data-table";

export type { ChartTable } from "./compact-data";

export interface ChartCardLabels {
  table: string;
  csv: string;
  empty: string;
}

export function ChartCard({
  id,
  title,
  description,
  table,
  empty: emptyProp,
  csvName,
  labels,
  children,
  className,
  tableOnly,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  /** The data as a table; client charts pass a function so the rows are made only when needed. */
  table: ChartTable | (() => ChartTable);
  /** Required with a table function: whether there is nothing to show. */
  empty?: boolean;
  csvName: string;
  labels: ChartCardLabels;
  children?: ReactNode;
  className?: string;
  /** For data that is a table already (`children`): no table button. */
  tableOnly?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const resolve = () => (typeof table === "function" ? table() : table);
  const empty = emptyProp ?? (typeof table === "function" ? false : table.rows.length === 0);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- rebuilt when the data (a new table or function) changes
  const opened = useMemo(() => (open ? resolve() : null), [open, table]);
  const tableId = `${id}-table`;

  function download() {
    const t = resolve();
    const blob = new Blob([toCsv(t.columns, t.rows)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = `${csvName}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  const actions = (
    <div className="flex items-center gap-1">
      {tableOnly || empty ? null : (
        <Button variant="secondary" size="sm" aria-expanded={open} aria-controls={tableId} onClick={() => setOpen((o) => !o)} aria-label={`${labels.table}: ${title}`}>
          {labels.table}
        </Button>
      )}
      <Button variant="secondary" size="sm" onClick={download} disabled={empty} aria-label={`${labels.csv}: ${title}`}>
        {labels.csv}
      </Button>
    </div>
  );

  return (
    <Card id={id} title={title} actions={actions} className={className}>
      {description ? <p className="-mt-2 mb-3 text-sm text-slate-600">{description}</p> : null}
      {empty ? <p className="py-8 text-center text-sm text-slate-600">{labels.empty}</p> : children}
      {tableOnly || empty ? null : (
        <div id={tableId} hidden={!open} className="mt-3 max-h-96 overflow-auto">
          {opened ? <DataTable caption={title} table={opened} /> : null}
        </div>
      )}
    </Card>
  );
}
