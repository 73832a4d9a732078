"use client";
// Lines per theme over time, as a count of meetings or as their share of the
// period's meetings. Clicking a point opens that theme's records of that period.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { drillHref, type DrillBase } from "@/lib/analytics/drill";
import type { Granularity } from "@/lib/analytics/periods";

export interface ThemeSeries {
  code: string;
  name: string;
  color: string;
}

/** One period: { period, label, [code]: count, [code + "__share"]: share 0..1 }. */
export type ThemeRow = { period: string; label: string } & Record<string, number | string>;

export function ThemesOverTimeChart({
  rows,
  series,
  granularity,
  drillBase,
  labels,
}: {
  rows: ThemeRow[];
  series: ThemeSeries[];
  granularity: Granularity;
  drillBase: DrillBase;
  labels: { count: string; share: string; mode: string };
}) {
  const router = useRouter();
  const [mode, setMode] = useState<"count" | "share">("count");
  const percent = (v: number) => `${Math.round(v * 100)}%`;
  return (
    <div>
      <div role="group" aria-label={labels.mode} className="mb-2 inline-flex rounded-md border border-slate-300 text-sm">
        {(["count", "share"] as const).map((m) => (
          <button
            key={m}
            type="button"
            aria-pressed={mode === m}
            onClick={() => setMode(m)}
            className={`px-2.5 py-1 first:rounded-l-md last:rounded-r-md focus-visible:outline-2 focus-visible:outline-blue-600 ${
              mode === m ? "bg-slate-800 text-white" : "bg-white text-slate-700 hover:bg-slate-100"
            }`}
          >
            {labels[m]}
          </button>
        ))}
      </div>
      <div className="h-80 w-full">
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
            {series.map((s) => (
              <Line
                key={s.code}
                type="linear"
                dataKey={mode === "share" ? `${s.code}__share` : s.code}
                name={s.name}
                stroke={s.color}
                strokeWidth={1.5}
                dot={false}
                isAnimationActive={false}
                activeDot={(props) => (
                  <circle
                    cx={props.cx}
                    cy={props.cy}
                    r={5}
                    fill={s.color}
                    stroke="#fff"
                    strokeWidth={2}
                    style={{ cursor: "pointer" }}
                    onClick={() => router.push(drillHref(drillBase, { theme: s.code, period: (props.payload as ThemeRow).period, granularity }))}
                  />
                )}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
