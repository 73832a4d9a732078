"use client";
// The partner countries: one list of tuples feeds the map (loaded lazily, see
// components/charts/world-map-lazy.tsx), its table view and its CSV.
import { useCallback, useMemo } from "react";
import { WorldMapLazy } from "@/components/charts/world-map-lazy";
import { drillHref, type DrillBase } from "@/lib/analytics/drill";
import { ChartCard, type ChartCardLabels } from "./chart-card";
import { countriesTable, type ColumnLabels, type CountryTuple } from "./compact-data";

export function MapCard({
  countries,
  includePending,
  drillBase,
  text,
}: {
  countries: CountryTuple[];
  includePending: boolean;
  drillBase: DrillBase;
  text: { title: string; description: string; card: ChartCardLabels; columns: ColumnLabels; pendingSuffix: string; loading: string };
}) {
  const mapped = useMemo(
    () =>
      countries
        .filter(([, , numeric]) => numeric)
        .map(([name, , numeric, approved, pending, partnerId]) => ({ numeric, name, total: approved + pending, pending, href: drillHref(drillBase, { partner: partnerId }) })),
    [countries, drillBase],
  );
  const table = useCallback(() => countriesTable(countries, includePending, text.columns), [countries, includePending, text.columns]);
  return (
    <ChartCard
      id="chart-map"
      title={text.title}
      description={text.description}
      table={table}
      empty={countries.length === 0}
      csvName="partner-countries"
      labels={text.card}
    >
      <WorldMapLazy countries={mapped} pendingSuffix={text.pendingSuffix} loading={text.loading} />
    </ChartCard>
  );
}
