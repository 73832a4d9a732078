"use client";
// The two time charts' cards. The server sends the counts once (compact-data.ts); the
// period labels, the chart rows and the table are made here. Recharts is loaded only in
// the browser, after the page is shown: the server renders a placeholder of the chart's
// exact size, so nothing moves when the drawing arrives.
import dynamic from "next/dynamic";
import { useCallback, useMemo, useState } from "react";
import type { DrillBase } from "@/lib/analytics/drill";
import type { Granularity } from "@/lib/analytics/periods";
import { ChartCard, type ChartCardLabels } from "./chart-card";
import { partnersTable, periodLabels, themesTable, type ColumnLabels, type PartnersData, type ThemesData } from "./compact-data";

/** The period labels, made on first use: only the browser needs them (chart and table), so server renders skip the Intl formatting. */
function useLazyLabels(periods: string[], granularity: Granularity, locale: string): () => string[] {
  return useMemo(() => {
    let labels: string[] | undefined;
    return () => (labels ??= periodLabels(periods, granularity, locale));
  }, [periods, granularity, locale]);
}

const placeholder = () => <div className="h-full animate-pulse rounded bg-slate-100" />;

const PartnersOverTimeChart = dynamic(() => import("@/components/charts/partners-over-time-chart").then((m) => m.PartnersOverTimeChart), {
  ssr: false,
  loading: placeholder,
});

const ThemesOverTimeChart = dynamic(() => import("@/components/charts/themes-over-time-chart").then((m) => m.ThemesOverTimeChart), {
  ssr: false,
  loading: placeholder,
});

export interface TimeCardText {
  title: string;
  description: string;
  card: ChartCardLabels;
  columns: ColumnLabels;
}

interface TimeCardProps {
  text: TimeCardText;
  granularity: Granularity;
  locale: string;
  drillBase: DrillBase;
}

export function PartnersOverTimeCard({ data, text, granularity, locale, drillBase, pendingSuffix }: TimeCardProps & { data: PartnersData; pendingSuffix: string }) {
  const labels = useLazyLabels(data.periods, granularity, locale);
  const partnersRows = useCallback(() => partnersTable(data, labels(), text.columns), [data, labels, text.columns]);
  return (
    <ChartCard
      id="chart-partners"
      title={text.title}
      description={text.description}
      table={partnersRows}
      empty={data.periods.length === 0}
      csvName="partners-over-time"
      labels={text.card}
      className="lg:col-span-2"
    >
      <div className="h-80 w-full">
        <PartnersOverTimeChart data={data} labels={labels} granularity={granularity} drillBase={drillBase} pendingSuffix={pendingSuffix} />
      </div>
    </ChartCard>
  );
}

export function ThemesOverTimeCard({ data, text, granularity, locale, drillBase, modes }: TimeCardProps & { data: ThemesData; modes: { count: string; share: string; label: string } }) {
  const labels = useLazyLabels(data.periods, granularity, locale);
  const [mode, setMode] = useState<"count" | "share">("count");
  const themesRows = useCallback(() => themesTable(data, labels(), text.columns), [data, labels, text.columns]);
  return (
    <ChartCard
      id="chart-themes"
      title={text.title}
      description={text.description}
      table={themesRows}
      empty={data.periods.length === 0}
      csvName="themes-over-time"
      labels={text.card}
      className="lg:col-span-2"
    >
      <div role="group" aria-label={modes.label} className="mb-2 inline-flex rounded-md border border-slate-300 text-sm">
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
            {modes[m]}
          </button>
        ))}
      </div>
      <div className="h-80 w-full">
        <ThemesOverTimeChart data={data} labels={labels} mode={mode} granularity={granularity} drillBase={drillBase} />
      </div>
    </ChartCard>
  );
}
