"use client";
// Stacked bars: meetings per period for each of the top partners and "other".
// With pending records included each partner's bar has a lighter pending part.
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { drillHref, type DrillBase } from "@/lib/analytics/drill";
import type { Granularity } from "@/lib/analytics/periods";

export interface StackSeries {
  key: string;
  name: string;
  color: string;
  partnerId: number | null;
}

/** One bar: { period, label, [key_a]: approved, [key_p]: pending } per series. */
export type StackRow = { period: string; label: string } & Record<string, number | string>;

export function PartnersOverTimeChart({
  rows,
  series,
  includePending,
  granularity,
  drillBase,
  pendingSuffix,
}: {
  rows: StackRow[];
  series: StackSeries[];
  includePending: boolean;
  granularity: Granularity;
  drillBase: DrillBase;
  pendingSuffix: string;
}) {
  const router = useRouter();
  const open = (s: StackSeries, row: StackRow | undefined, status?: "pending") => {
    if (!row) return;
    router.push(drillHref(drillBase, { partner: s.partnerId, period: row.period, granularity, status }));
  };
  return (
    <div className="h-80 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={12} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={40} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.flatMap((s) => [
            <Bar
              key={`${s.key}_a`}
              dataKey={`${s.key}_a`}
              name={s.name}
              stackId="a"
              fill={s.color}
              cursor="pointer"
              isAnimationActive={false}
              onClick={(d) => open(s, (d as { payload?: StackRow }).payload)}
            />,
            ...(includePending
              ? [
                  <Bar
                    key={`${s.key}_p`}
                    dataKey={`${s.key}_p`}
                    name={`${s.name} ${pendingSuffix}`}
                    stackId="a"
                    fill={s.color}
                    fillOpacity={0.4}
                    legendType="none"
                    cursor="pointer"
                    isAnimationActive={false}
                    onClick={(d) => open(s, (d as { payload?: StackRow }).payload, "pending")}
                  />,
                ]
              : []),
          ])}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
