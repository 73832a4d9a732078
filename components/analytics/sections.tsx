// One async server component per chart: each runs its own SQL aggregation and
// streams in inside its own <Suspense>, then hands the numbers to a client chart.
import Link from "next/link";
import countries from "i18n-iso-countries";
import { getTranslations } from "next-intl/server";
import {
  countFiltered as countFilteredRaw,
  meetingsByKind as meetingsByKindRaw,
  notMetForAWhile as notMetForAWhileRaw,
  partnerCountries as partnerCountriesRaw,
  partnersByRegion as partnersByRegionRaw,
  partnersByType as partnersByTypeRaw,
  partnersOverTime as partnersOverTimeRaw,
  partnerThemeHeatmap as partnerThemeHeatmapRaw,
  themesOverTime as themesOverTimeRaw,
  topCounterparts as topCounterpartsRaw,
  topOfficials as topOfficialsRaw,
} from "@/db/queries/analytics";
import { BarList } from "@/components/analytics/bar-list";
import { ChartCard, type ChartCardLabels, type ChartTable } from "@/components/analytics/chart-card";
import { PartnersOverTimeChart, type StackRow, type StackSeries } from "@/components/charts/partners-over-time-chart";
import { colorAt, otherColor } from "@/components/charts/palette";
import { ThemesOverTimeChart, type ThemeRow } from "@/components/charts/themes-over-time-chart";
import { WorldMapLazy } from "@/components/charts/world-map-lazy";
import { cachedQuery } from "@/lib/analytics/cache";
import { drillHref, type DrillBase } from "@/lib/analytics/drill";
import { filterToParams, type AnalyticsFilter } from "@/lib/analytics/filters";
import { formatPeriod, formatShare } from "@/lib/analytics/format";
import { periodRange } from "@/lib/analytics/periods";
import type { Locale } from "@/lib/i18n/config";

// Cached per (filter, locale); see lib/analytics/cache.ts.
type F = AnalyticsFilter;
type L = Locale;
const countFiltered = cachedQuery("count", (filter: F) => countFilteredRaw({ filter }));
const partnersOverTime = cachedQuery("partnersOverTime", (filter: F, locale: L, top: number) => partnersOverTimeRaw({ filter, locale, top }));
const themesOverTime = cachedQuery("themesOverTime", (filter: F, locale: L) => themesOverTimeRaw({ filter, locale }));
const partnerThemeHeatmap = cachedQuery("heatmap", (filter: F, locale: L, top: number) => partnerThemeHeatmapRaw({ filter, locale, top }));
const partnersByType = cachedQuery("byType", (filter: F) => partnersByTypeRaw({ filter }));
const partnersByRegion = cachedQuery("byRegion", (filter: F) => partnersByRegionRaw({ filter }));
const partnerCountries = cachedQuery("countries", (filter: F, locale: L) => partnerCountriesRaw({ filter, locale }));
const topCounterparts = cachedQuery("counterparts", (filter: F, limit: number) => topCounterpartsRaw({ filter, limit }));
const topOfficials = cachedQuery("officials", (filter: F, limit: number) => topOfficialsRaw({ filter, limit }));
const meetingsByKind = cachedQuery("kinds", (filter: F) => meetingsByKindRaw({ filter }));
const notMetForAWhile = cachedQuery("notMet", (filter: F, locale: L, limit: number, asOf: string) => notMetForAWhileRaw({ filter, locale, limit, asOf }));

export interface SectionProps {
  filter: AnalyticsFilter;
  locale: Locale;
}

type T = Awaited<ReturnType<typeof getTranslations<"analytics">>>;

const drillBaseOf = (f: AnalyticsFilter): DrillBase => ({
  includePending: f.includePending,
  from: f.from,
  to: f.to,
  partner: f.partnerId,
  theme: f.theme,
  kind: f.kind,
  official: f.official,
});

function cardLabels(t: T): ChartCardLabels {
  return { chart: t("card.chart"), table: t("card.table"), csv: t("card.csv"), view: t("card.view"), empty: t("card.empty") };
}

/** The approved / pending / total columns: pending only when it is included. */
function splitColumns(t: T, f: AnalyticsFilter): string[] {
  return f.includePending ? [t("columns.approved"), t("columns.pending"), t("columns.total")] : [t("columns.total")];
}
function splitValues(f: AnalyticsFilter, r: { approved: number; pending: number }): number[] {
  return f.includePending ? [r.approved, r.pending, r.approved + r.pending] : [r.approved];
}
const numericFrom = (start: number, f: AnalyticsFilter) => (f.includePending ? [start, start + 1, start + 2] : [start]);

export async function SummarySection({ filter }: SectionProps) {
  const t = await getTranslations("analytics");
  const c = await countFiltered(filter);
  return (
    <p className="text-sm text-slate-700" aria-live="polite">
      {filter.includePending ? t("summaryPending", { approved: c.approved, pending: c.pending }) : t("summary", { approved: c.approved })}
    </p>
  );
}

const TOP_PARTNERS = 8;

export async function PartnersOverTimeSection({ filter, locale }: SectionProps) {
  const t = await getTranslations("analytics");
  const g = filter.granularity;
  const data = await partnersOverTime(filter, locale, TOP_PARTNERS);
  const series: StackSeries[] = data.series.map((s, i) => ({
    key: `s${i}`,
    name: s.name ?? t("other"),
    color: s.partnerId == null ? otherColor : colorAt(i),
    partnerId: s.partnerId,
  }));
  const keyOf = new Map(data.series.map((s, i) => [s.partnerId, `s${i}`]));
  const periods = data.points.length ? periodRange(data.points[0].period, data.points[data.points.length - 1].period, g) : [];
  const rows: StackRow[] = periods.map((period) => {
    const row: StackRow = { period, label: formatPeriod(period, g, locale) };
    for (const s of series) {
      row[`${s.key}_a`] = 0;
      row[`${s.key}_p`] = 0;
    }
    return row;
  });
  const index = new Map(periods.map((p, i) => [p, i]));
  for (const p of data.points) {
    const row = rows[index.get(p.period)!];
    const key = keyOf.get(p.partnerId)!;
    row[`${key}_a`] = p.approved;
    row[`${key}_p`] = p.pending;
  }
  const nameOf = new Map(series.map((s) => [s.partnerId, s.name]));
  const table: ChartTable = {
    columns: [t("columns.period"), t("columns.partner"), ...splitColumns(t, filter)],
    rows: data.points.map((p) => [formatPeriod(p.period, g, locale), nameOf.get(p.partnerId) ?? "", ...splitValues(filter, p)]),
    numeric: numericFrom(2, filter),
  };
  return (
    <ChartCard
      id="chart-partners"
      title={t("charts.partnersOverTime")}
      description={t("descriptions.partnersOverTime", { top: TOP_PARTNERS })}
      table={table}
      csvName="partners-over-time"
      labels={cardLabels(t)}
      className="lg:col-span-2"
    >
      <PartnersOverTimeChart
        rows={rows}
        series={series}
        includePending={filter.includePending}
        granularity={g}
        drillBase={drillBaseOf(filter)}
        pendingSuffix={t("pendingSuffix")}
      />
    </ChartCard>
  );
}

export async function ThemesOverTimeSection({ filter, locale }: SectionProps) {
  const t = await getTranslations("analytics");
  const g = filter.granularity;
  const points = await themesOverTime(filter, locale);
  const periods = points.length ? periodRange(points[0].period, points[points.length - 1].period, g) : [];
  const codes = new Map<string, string>();
  for (const p of points) if (!codes.has(p.theme)) codes.set(p.theme, p.label);
  const series = [...codes].map(([code, name], i) => ({ code, name, color: colorAt(i) }));
  const rows: ThemeRow[] = periods.map((period) => {
    const row: ThemeRow = { period, label: formatPeriod(period, g, locale) };
    for (const s of series) {
      row[s.code] = 0;
      row[`${s.code}__share`] = 0;
    }
    return row;
  });
  const index = new Map(periods.map((p, i) => [p, i]));
  for (const p of points) {
    const row = rows[index.get(p.period)!];
    row[p.theme] = p.approved + p.pending;
    row[`${p.theme}__share`] = p.share;
  }
  const table: ChartTable = {
    columns: [t("columns.period"), t("columns.theme"), ...splitColumns(t, filter), t("columns.periodTotal"), t("columns.share")],
    rows: points.map((p) => [formatPeriod(p.period, g, locale), p.label, ...splitValues(filter, p), p.periodTotal, formatShare(p.share)]),
    numeric: [...numericFrom(2, filter), filter.includePending ? 5 : 3, filter.includePending ? 6 : 4],
  };
  return (
    <ChartCard
      id="chart-themes"
      title={t("charts.themesOverTime")}
      description={t("descriptions.themesOverTime")}
      table={table}
      csvName="themes-over-time"
      labels={cardLabels(t)}
      className="lg:col-span-2"
    >
      <ThemesOverTimeChart
        rows={rows}
        series={series}
        granularity={g}
        drillBase={drillBaseOf(filter)}
        labels={{ count: t("mode.count"), share: t("mode.share"), mode: t("card.view") }}
      />
    </ChartCard>
  );
}

export async function HeatmapSection({ filter, locale }: SectionProps) {
  const t = await getTranslations("analytics");
  const h = await partnerThemeHeatmap(filter, locale, 12);
  const cell = new Map(h.cells.map((c) => [`${c.partnerId}|${c.theme}`, c]));
  const max = Math.max(1, ...h.cells.map((c) => c.approved + c.pending));
  const base = drillBaseOf(filter);
  const table: ChartTable = {
    columns: [t("columns.partner"), t("columns.theme"), ...splitColumns(t, filter)],
    rows: h.cells.map((c) => [c.partnerName, c.label, ...splitValues(filter, c)]),
    numeric: numericFrom(2, filter),
  };
  return (
    <ChartCard id="chart-heatmap" title={t("charts.heatmap")} description={t("descriptions.heatmap")} table={table} csvName="partners-themes" labels={cardLabels(t)} className="lg:col-span-2">
      <div className="overflow-x-auto">
        <div
          className="grid gap-px text-xs"
          style={{ gridTemplateColumns: `minmax(9rem, 12rem) repeat(${h.themes.length}, minmax(3.5rem, 1fr))` }}
        >
          <div />
          {h.themes.map((th) => (
            <div key={th.theme} className="flex h-28 items-end justify-center px-0.5 pb-1 text-slate-700" title={th.label}>
              <span className="line-clamp-5 hyphens-auto text-center text-[11px] leading-tight">{th.label}</span>
            </div>
          ))}
          {h.partners.map((p) => (
            <div key={p.partnerId} className="contents">
              <div className="truncate py-1.5 pr-2 text-sm text-slate-900" title={p.name}>
                {p.name}
              </div>
              {h.themes.map((th) => {
                const c = cell.get(`${p.partnerId}|${th.theme}`);
                const n = c ? c.approved + c.pending : 0;
                if (!n) return <div key={th.theme} className="rounded-sm bg-slate-50" />;
                const alpha = 0.15 + 0.85 * (n / max);
                return (
                  <Link
                    key={th.theme}
                    href={drillHref(base, { partner: p.partnerId, theme: th.theme })}
                    title={`${p.name} × ${th.label}: ${n}${c?.pending ? ` (${c.pending} ${t("pendingSuffix")})` : ""}`}
                    className="flex items-center justify-center rounded-sm tabular-nums hover:ring-2 hover:ring-slate-900 focus-visible:outline-2 focus-visible:outline-blue-600"
                    style={{ backgroundColor: `rgba(29, 78, 216, ${alpha.toFixed(2)})`, color: alpha > 0.55 ? "#fff" : "#0f172a" }}
                  >
                    {n}
                  </Link>
                );
              })}
            </div>
          ))}
        </div>
      </div>
    </ChartCard>
  );
}

export async function TypeRegionSection({ filter }: SectionProps) {
  const t = await getTranslations("analytics");
  const [types, regions] = await Promise.all([partnersByType(filter), partnersByRegion(filter)]);
  const partnersNote = (n: number) => `${n} ${t("columns.partners").toLowerCase()}`;
  const typeHref = (type: string) => {
    const p = filterToParams({ ...filter, partnerType: type as AnalyticsFilter["partnerType"] });
    return `/analytics?${p.toString()}`;
  };
  const table: ChartTable = {
    columns: [t("columns.type"), t("columns.region"), ...splitColumns(t, filter), t("columns.partners")],
    rows: [
      ...types.map((r) => [t(`partnerTypes.${r.type}`), "", ...splitValues(filter, r), r.partners]),
      ...regions.map((r) => ["", r.region ?? t("noRegion"), ...splitValues(filter, r), r.partners]),
    ],
    numeric: [...numericFrom(2, filter), filter.includePending ? 5 : 3],
  };
  return (
    <ChartCard id="chart-types" title={t("charts.byType")} table={table} csvName="partners-by-type-region" labels={cardLabels(t)}>
      <BarList
        pendingLabel={t("pendingSuffix")}
        items={types.map((r) => ({ key: r.type, label: t(`partnerTypes.${r.type}`), approved: r.approved, pending: r.pending, note: partnersNote(r.partners), href: typeHref(r.type) }))}
      />
      <h3 className="mb-2 mt-4 text-sm font-semibold text-slate-800">{t("charts.byRegion")}</h3>
      <BarList
        pendingLabel={t("pendingSuffix")}
        items={regions.map((r) => ({ key: r.region ?? "", label: r.region ?? t("noRegion"), approved: r.approved, pending: r.pending, note: partnersNote(r.partners) }))}
      />
    </ChartCard>
  );
}

export async function MapSection({ filter, locale }: SectionProps) {
  const t = await getTranslations("analytics");
  const rows = await partnerCountries(filter, locale);
  const base = drillBaseOf(filter);
  const mapped = rows
    .map((r) => ({ numeric: countries.alpha2ToNumeric(r.code) ?? "", name: r.name, total: r.approved + r.pending, pending: r.pending, href: drillHref(base, { partner: r.partnerId }) }))
    .filter((c) => c.numeric);
  const table: ChartTable = {
    columns: [t("columns.country"), t("columns.code"), ...splitColumns(t, filter)],
    rows: rows.map((r) => [r.name, r.code, ...splitValues(filter, r)]),
    numeric: numericFrom(2, filter),
  };
  return (
    <ChartCard id="chart-map" title={t("charts.map")} description={t("descriptions.map")} table={table} csvName="partner-countries" labels={cardLabels(t)}>
      <WorldMapLazy countries={mapped} pendingSuffix={t("pendingSuffix")} loading={t("card.loading")} />
    </ChartCard>
  );
}

export async function PeopleSection({ filter, which }: SectionProps & { which: "counterparts" | "officials" | "kinds" }) {
  const t = await getTranslations("analytics");
  const base = drillBaseOf(filter);
  let items: { key: string; label: string; approved: number; pending: number; href?: string }[];
  let column: string;
  if (which === "counterparts") {
    const rows = await topCounterparts(filter, 10);
    column = t("columns.name");
    items = rows.map((r) => ({ key: r.personId ? `p${r.personId}` : `n${r.name}`, label: r.name, approved: r.approved, pending: r.pending, href: drillHref(base, { q: `"${r.name}"` }) }));
  } else if (which === "officials") {
    const rows = await topOfficials(filter, 10);
    column = t("columns.official");
    items = rows.map((r) => ({ key: r.official, label: r.official, approved: r.approved, pending: r.pending, href: drillHref(base, { official: r.official }) }));
  } else {
    const rows = await meetingsByKind(filter);
    column = t("columns.kind");
    items = rows.map((r) => ({ key: r.kind, label: t(`kinds.${r.kind}`), approved: r.approved, pending: r.pending, href: drillHref(base, { kind: r.kind }) }));
  }
  const table: ChartTable = {
    columns: [column, ...splitColumns(t, filter)],
    rows: items.map((i) => [i.label, ...splitValues(filter, i)]),
    numeric: numericFrom(1, filter),
  };
  return (
    <ChartCard id={`chart-${which}`} title={t(`charts.${which}`)} table={table} csvName={which} labels={cardLabels(t)}>
      <BarList items={items} pendingLabel={t("pendingSuffix")} />
    </ChartCard>
  );
}

export async function DormantSection({ filter, locale }: SectionProps) {
  const t = await getTranslations("analytics");
  const rows = await notMetForAWhile(filter, locale, 10, filter.to ?? new Date().toISOString().slice(0, 10));
  const base = drillBaseOf(filter);
  const fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const columns = [t("columns.partner"), t("columns.lastDate"), t("columns.daysSince"), t("columns.medianGap"), t("columns.overdue"), t("columns.meetings")];
  const table: ChartTable = {
    columns,
    rows: rows.map((r) => [r.name, r.lastDate, r.daysSince, fmt.format(r.medianGap), fmt.format(r.overdue), r.meetings]),
    numeric: [2, 3, 4, 5],
  };
  return (
    <ChartCard id="chart-dormant" title={t("charts.dormant")} description={t("descriptions.dormant")} table={table} csvName="not-met-for-a-while" labels={cardLabels(t)} tableOnly>
      <div className="overflow-x-auto">
        <table className="min-w-full text-left text-sm">
          <caption className="sr-only">{t("charts.dormant")}</caption>
          <thead className="border-b border-slate-300 bg-slate-50">
            <tr>
              {columns.map((c, i) => (
                <th key={c} scope="col" className={`px-2 py-2 text-xs font-semibold text-slate-700 ${i >= 2 ? "text-right" : ""}`}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {rows.map((r) => (
              <tr key={r.partnerId}>
                <th scope="row" className="px-2 py-2 font-normal">
                  <Link href={drillHref(base, { partner: r.partnerId })} className="text-blue-800 underline-offset-2 hover:underline">
                    {r.name}
                  </Link>
                </th>
                <td className="whitespace-nowrap px-2 py-2 tabular-nums">{r.lastDate}</td>
                <td className="px-2 py-2 text-right tabular-nums">{r.daysSince}</td>
                <td className="px-2 py-2 text-right tabular-nums">{fmt.format(r.medianGap)}</td>
                <td className="px-2 py-2 text-right font-medium tabular-nums">×{fmt.format(r.overdue)}</td>
                <td className="px-2 py-2 text-right tabular-nums">
                  {r.meetings}
                  {r.pendingDays ? <span className="text-slate-500"> ({r.pendingDays} {t("pendingSuffix")})</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartCard>
  );
}
