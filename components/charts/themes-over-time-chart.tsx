"use client";
// Lines per theme over time, as a count of meetings or as their share of the
// period's meetings. Clicking a point opens that theme's records of that period.
// Loaded lazily, like the partners chart.
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { themeCount, themeShare, type ThemesData } from "@/components/analytics/compact-data";
import { drillHref, type DrillBase } from "@/lib/analytics/drill";
import type { Granularity } from "@/lib/analytics/periods";
import { colorAt } from "./palette";

/** One period as Recharts wants it: { label, t0: count or share, … } per theme, plus its index. */
type ThemeRow = { i: number; label: string } & Record<string, number | string>;

export function ThemesOverTimeChart({
  data,
  labels,
  mode,
  granularity,
  drillBase,
}: {
  data: ThemesData;
  /** The periods' labels, as in the table (made on first call). */
  labels: () => string[];
  mode: "count" | "share";
  granularity: Granularity;
  drillBase: DrillBase;
}) {
  const router = useRouter();
  const rows = useMemo(() => {
    const names = labels();
    return data.periods.map((_, p) => {
      const row: ThemeRow = { i: p, label: names[p] };
      data.series.forEach((_, s) => {
        row[`t${s}`] = mode === "share" ? themeShare(data, s, p) : themeCount(data, s, p);
      });
      return row;
    });
  }, [data, labels, mode]);
  const percent = (v: number) => `${Math.round(v * 100)}%`;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={12} />
        <YAxis
          allowDecimals={mode === "share"}
          tickFormatter={mode === "share" ? percent : undefined}
          domain={mode === "share" ? [0, 1] : [0, "auto"]}
          tick={{ fontSize: 12 }}
          width={44}
        />
        <Tooltip formatter={mode === "share" ? (v) => percent(Number(v)) : undefined} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {data.series.map((series, s) => {
          const color = colorAt(s);
          return (
            <Line
              key={series.code}
              type="linear"
              dataKey={`t${s}`}
              name={series.name}
              stroke={color}
              strokeWidth={1.5}
              dot={false}
              isAnimationActive={false}
              activeDot={(props) => (
                <circle
                  cx={props.cx}
                  cy={props.cy}
                  r={5}
                  fill={color}
                  stroke="#fff"
                  strokeWidth={2}
                  style={{ cursor: "pointer" }}
                  onClick={() => router.push(drillHref(drillBase, { theme: series.code, period: data.periods[(props.payload as ThemeRow).i], granularity }))}
                />
              )}
            />
          );
        })}
      </LineChart>
    </ResponsiveContainer>
  );
}
