"use client";
// A chart's numbers as a real table: caption, column headers, and each row headed by
// its first cell, so a screen reader announces "Austria, Q1 2024: 12".
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui";
import type { ChartTable } from "./compact-data";

export function DataTable({ caption, table }: { caption: string; table: ChartTable }) {
  const numeric = new Set(table.numeric);
  const align = (i: number) => (numeric.has(i) ? "text-right tabular-nums" : undefined);
  return (
    <Table caption={caption}>
      <THead>
        <Tr>
          {table.columns.map((c, i) => (
            <Th key={i} className={numeric.has(i) ? "text-right" : undefined}>
              {c}
            </Th>
          ))}
        </Tr>
      </THead>
      <TBody>
        {table.rows.map((row, r) => (
          <Tr key={r}>
            {row.map((v, i) => {
              const text = v == null ? "—" : String(v);
              return i === 0 ? (
                <Th key={i} scope="row" className="font-normal text-slate-900">
                  {text}
                </Th>
              ) : (
                <Td key={i} className={align(i)}>
                  {text}
                </Td>
              );
            })}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
