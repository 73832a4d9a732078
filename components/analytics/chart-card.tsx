"use client";
// The frame of every chart: a title, a Chart/Table switch (the table is the same data,
// for screen readers and copying) and a CSV download of that data.
import { useState, type ReactNode } from "react";
import { Button, Card, Table, TBody, Td, Th, THead, Tr } from "@/components/ui";
import { toCsv, type CsvValue } from "@/lib/analytics/csv";

export interface ChartTable {
  columns: string[];
  rows: CsvValue[][];
  /** Columns holding numbers, right-aligned. */
  numeric?: number[];
}

export interface ChartCardLabels {
  chart: string;
  table: string;
  csv: string;
  view: string;
  empty: string;
}

export function ChartCard({
  id,
  title,
  description,
  table,
  csvName,
  labels,
  children,
  className,
  tableOnly,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  table: ChartTable;
  csvName: string;
  labels: ChartCardLabels;
  children?: ReactNode;
  className?: string;
  /** For data that is a table already: no switch; `children` (if any) is that richer table. */
  tableOnly?: boolean;
}) {
  const [view, setView] = useState<"chart" | "table">(tableOnly ? "table" : "chart");
  const empty = table.rows.length === 0;

  function download() {
    const blob = new Blob([toCsv(table.columns, table.rows)], { type: "text/csv;charset=utf-8" });
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
      {tableOnly ? null : (
        <div role="group" aria-label={`${labels.view}: ${title}`} className="flex rounded-md border border-slate-300">
          {(["chart", "table"] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              onClick={() => setView(v)}
              className={`px-2.5 py-1 text-sm first:rounded-l-md last:rounded-r-md focus-visible:outline-2 focus-visible:outline-blue-600 ${
                view === v ? "bg-slate-800 text-white" : "bg-white text-slate-700 hover:bg-slate-100"
              }`}
            >
              {labels[v]}
            </button>
          ))}
        </div>
      )}
      <Button variant="secondary" size="sm" onClick={download} disabled={empty} aria-label={`${labels.csv}: ${title}`}>
        {labels.csv}
      </Button>
    </div>
  );

  return (
    <Card id={id} title={title} actions={actions} className={className}>
      {description ? <p className="-mt-2 mb-3 text-sm text-slate-600">{description}</p> : null}
      {empty ? (
        <p className="py-8 text-center text-sm text-slate-600">{labels.empty}</p>
      ) : view === "chart" || (tableOnly && children) ? (
        children
      ) : (
        <div className="max-h-96 overflow-auto">
          <Table caption={title}>
            <THead>
              <Tr>
                {table.columns.map((c, i) => (
                  <Th key={i} className={table.numeric?.includes(i) ? "text-right" : undefined}>
                    {c}
                  </Th>
                ))}
              </Tr>
            </THead>
            <TBody>
              {table.rows.map((row, r) => (
                <Tr key={r}>
                  {row.map((v, i) => (
                    <Td key={i} className={table.numeric?.includes(i) ? "text-right tabular-nums" : undefined}>
                      {v == null ? "—" : String(v)}
                    </Td>
                  ))}
                </Tr>
              ))}
            </TBody>
          </Table>
        </div>
      )}
    </Card>
  );
}
