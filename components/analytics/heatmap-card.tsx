"use client";
// Partners × themes: a grid of plain links (drill-down works before and without
// JavaScript, see client-links.ts) built from one compact matrix; the table view and CSV
// come from the same numbers. The cells' shared style sits on the grid, so each cell's
// HTML is little more than its link and colour.
import { useCallback } from "react";
import { drillHref, type DrillBase } from "@/lib/analytics/drill";
import { ChartCard, type ChartCardLabels } from "./chart-card";
import { useClientLinks } from "./client-links";
import { heatCell, heatTable, type ColumnLabels, type HeatData } from "./compact-data";

const cellLinks =
  "[&_a]:flex [&_a]:items-center [&_a]:justify-center [&_a]:rounded-sm [&_a]:tabular-nums [&_a:hover]:ring-2 [&_a:hover]:ring-slate-900 [&_a:focus-visible]:outline-2 [&_a:focus-visible]:outline-blue-600";

export function HeatmapCard({
  data,
  drillBase,
  text,
}: {
  data: HeatData;
  drillBase: DrillBase;
  text: { title: string; description: string; card: ChartCardLabels; columns: ColumnLabels; pendingSuffix: string };
}) {
  const onClick = useClientLinks();
  const table = useCallback(() => heatTable(data, text.columns), [data, text.columns]);
  let max = 1;
  data.partners.forEach((_, r) =>
    data.themes.forEach((_, k) => {
      const v = heatCell(data, r, k);
      max = Math.max(max, v.approved + v.pending);
    }),
  );
  return (
    <ChartCard
      id="chart-heatmap"
      title={text.title}
      description={text.description}
      table={table}
      empty={data.partners.length === 0}
      csvName="partners-themes"
      labels={text.card}
      className="lg:col-span-2"
    >
      <div className="overflow-x-auto">
        <div
          className={`grid gap-px text-xs ${cellLinks}`}
          style={{ gridTemplateColumns: `minmax(9rem, 12rem) repeat(${data.themes.length}, minmax(3.5rem, 1fr))` }}
          onClick={onClick}
        >
          <div />
          {data.themes.map((th) => (
            <div key={th.code} className="flex h-28 items-end justify-center px-0.5 pb-1 text-slate-700" title={th.label}>
              <span className="line-clamp-5 hyphens-auto text-center text-[11px] leading-tight">{th.label}</span>
            </div>
          ))}
          {data.partners.map((p, r) => (
            <div key={p.id} className="contents">
              <div className="truncate py-1.5 pr-2 text-sm text-slate-900" title={p.name}>
                {p.name}
              </div>
              {data.themes.map((th, k) => {
                const c = heatCell(data, r, k);
                const n = c.approved + c.pending;
                if (!n) return <div key={th.code} className="rounded-sm bg-slate-50" />;
                const alpha = 0.15 + 0.85 * (n / max);
                return (
                  <a
                    key={th.code}
                    href={drillHref(drillBase, { partner: p.id, theme: th.code })}
                    title={`${p.name} × ${th.label}: ${n}${c.pending ? ` (${c.pending} ${text.pendingSuffix})` : ""}`}
                    style={{ backgroundColor: `rgba(29, 78, 216, ${alpha.toFixed(2)})`, color: alpha > 0.55 ? "#fff" : "#0f172a" }}
                  >
                    {n}
                  </a>
                );
              })}
            </div>
          ))}
        </div>
      </div>
    </ChartCard>
  );
}
