"use client";
// Stacked bars: meetings per period for each of the top partners and "other".
// With pending records included each partner's bar has a lighter pending part.
// Loaded lazily (components/analytics/time-chart-cards.tsx): Recharts is most of the
// page's JavaScript and is not needed to show the rest of the page.
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { PartnersData } from "@/components/analytics/compact-data";
import { drillHref, type DrillBase } from "@/lib/analytics/drill";
import type { Granularity } from "@/lib/analytics/periods";
import { colorAt, otherColor } from "./palette";

/** One bar as Recharts wants it: { label, s0_a: approved, s0_p: pending, … } per series, plus its index. */
type StackRow = { i: number; label: string } & Record<string, number | string>;

export function PartnersOverTimeChart({
  data,
  labels,
  granularity,
  drillBase,
  pendingSuffix,
}: {
  data: PartnersData;
  /** The periods' labels, as in the table (made on first call). */
  labels: () => string[];
  granularity: Granularity;
  drillBase: DrillBase;
  pendingSuffix: string;
}) {
  const router = useRouter();
  const rows = useMemo(() => {
    const names = labels();
    return data.periods.map((_, p) => {
      const row: StackRow = { i: p, label: names[p] };
      data.series.forEach((_, s) => {
        row[`s${s}_a`] = data.approved[s][p];
        if (data.pending) row[`s${s}_p`] = data.pending[s][p];
      });
      return row;
    });
  }, [data, labels]);
  const open = (s: number, row: StackRow | undefined, status?: "pending") => {
    if (!row) return;
    router.push(drillHref(drillBase, { partner: data.series[s].partnerId, period: data.periods[row.i], granularity, status }));
  };
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={12} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={40} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {data.series.flatMap((series, s) => {
          const color = series.partnerId == null ? otherColor : colorAt(s);
          return [
            <Bar
              key={`s${s}_a`}
              dataKey={`s${s}_a`}
              name={series.name}
              stackId="a"
              fill={color}
              cursor="pointer"
              isAnimationActive={false}
              onClick={(d) => open(s, (d as { payload?: StackRow }).payload)}
            />,
            ...(data.pending
              ? [
                  <Bar
                    key={`s${s}_p`}
                    dataKey={`s${s}_p`}
                    name={`${series.name} ${pendingSuffix}`}
                    stackId="a"
                    fill={color}
                    fillOpacity={0.4}
                    legendType="none"
                    cursor="pointer"
                    isAnimationActive={false}
                    onClick={(d) => open(s, (d as { payload?: StackRow }).payload, "pending")}
                  />,
                ]
              : []),
          ];
        })}
      </BarChart>
    </ResponsiveContainer>
  );
}
