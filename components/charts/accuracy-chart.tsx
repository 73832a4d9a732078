"use client";
// Share of approved records with each field corrected, per month of approval.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { colorAt } from "@/components/charts/palette";

export function AccuracyChart({
  rows,
  fields,
  title,
}: {
  /** { month, <field>: percent } */
  rows: Record<string, string | number>[];
  fields: { key: string; label: string }[];
  title: string;
}) {
  return (
    <figure aria-label={title} className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="month" />
          <YAxis unit="%" domain={[0, 100]} />
          <Tooltip formatter={(v) => `${v}%`} />
          <Legend />
          {fields.map((f, i) => (
            <Line key={f.key} type="monotone" dataKey={f.key} name={f.label} stroke={colorAt(i)} dot isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
