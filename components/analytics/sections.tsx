// One async server component per chart: each runs its own SQL aggregation and
// streams in inside its own <Suspense>, then hands the numbers to a client chart,
// packed compactly (compact-data.ts): the browser makes the labels, rows and tables.
import countries from "i18n-iso-countries";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/index";
import { regionLabel } from "@/lib/i18n/regions";
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
import { ClientLinks } from "@/components/analytics/client-links";
import { packHeat, packPartners, packThemes, type ColumnLabels, type CountryTuple } from "@/components/analytics/compact-data";
import { HeatmapCard } from "@/components/analytics/heatmap-card";
import { MapCard } from "@/components/analytics/map-card";
import { PartnersOverTimeCard, ThemesOverTimeCard } from "@/components/analytics/time-chart-cards";
import { cachedQuery } from "@/lib/analytics/cache";
import { drillHref, type DrillBase } from "@/lib/analytics/drill";
import { filterToParams, type AnalyticsFilter } from "@/lib/analytics/filters";
import type { Locale } from "@/lib/i18n/config";

// Cached per (filter, locale); see lib/analytics/cache.ts.
type F = AnalyticsFilter;
type L = Locale;
const countFiltered = cachedQuery("count", (filter: F) => countFilteredRaw(getDb(), { filter }));
const partnersOverTime = cachedQuery("partnersOverTime", (filter: F, locale: L, top: number) => partnersOverTimeRaw(getDb(), { filter, locale, top }));
const themesOverTime = cachedQuery("themesOverTime", (filter: F, locale: L) => themesOverTimeRaw(getDb(), { filter, locale }));
const partnerThemeHeatmap = cachedQuery("heatmap", (filter: F, locale: L, top: number) => partnerThemeHeatmapRaw(getDb(), { filter, locale, top }));
const partnersByType = cachedQuery("byType", (filter: F) => partnersByTypeRaw(getDb(), { filter }));
const partnersByRegion = cachedQuery("byRegion", (filter: F) => partnersByRegionRaw(getDb(), { filter }));
const partnerCountries = cachedQuery("countries", (filter: F, locale: L) => partnerCountriesRaw(getDb(), { filter, locale }));
const topCounterparts = cachedQuery("counterparts", (filter: F, limit: number) => topCounterpartsRaw(getDb(), { filter, limit }));
const topOfficials = cachedQuery("officials", (filter: F, limit: number) => topOfficialsRaw(getDb(), { filter, limit }));
const meetingsByKind = cachedQuery("kinds", (filter: F) => meetingsByKindRaw(getDb(), { filter }));
const notMetForAWhile = cachedQuery("notMet", (filter: F, locale: L, limit: number, asOf: string) => notMetForAWhileRaw(getDb(), { filter, locale, limit, asOf }));

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
  return { table: t("card.table"), csv: t("card.csv"), empty: t("card.empty") };
}

function columnLabels(t: T): ColumnLabels {
  const c = (k: keyof ColumnLabels) => t(`columns.${k}`);
  return {
    period: c("period"),
    partner: c("partner"),
    theme: c("theme"),
    approved: c("approved"),
    pending: c("pending"),
    total: c("total"),
    periodTotal: c("periodTotal"),
    share: c("share"),
    country: c("country"),
    code: c("code"),
  };
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
    <p className="text-sm text-slate-700" aria-live="polite" data-testid="analytics-summary" data-approved={c.approved} data-pending={c.pending}>
      {filter.includePending ? t("summaryPending", { approved: c.approved, pending: c.pending }) : t("summary", { approved: c.approved })}
    </p>
  );
}

const TOP_PARTNERS = 8;

export async function PartnersOverTimeSection({ filter, locale }: SectionProps) {
  const t = await getTranslations("analytics");
  const data = await partnersOverTime(filter, locale, TOP_PARTNERS);
  return (
    <PartnersOverTimeCard
      data={packPartners(data, filter.granularity, filter.includePending, t("other"))}
      text={{ title: t("charts.partnersOverTime"), description: t("descriptions.partnersOverTime", { top: TOP_PARTNERS }), card: cardLabels(t), columns: columnLabels(t) }}
      granularity={filter.granularity}
      locale={locale}
      drillBase={drillBaseOf(filter)}
      pendingSuffix={t("pendingSuffix")}
    />
  );
}

export async function ThemesOverTimeSection({ filter, locale }: SectionProps) {
  const t = await getTranslations("analytics");
  const points = await themesOverTime(filter, locale);
  return (
    <ThemesOverTimeCard
      data={packThemes(points, filter.granularity, filter.includePending)}
      text={{ title: t("charts.themesOverTime"), description: t("descriptions.themesOverTime"), card: cardLabels(t), columns: columnLabels(t) }}
      granularity={filter.granularity}
      locale={locale}
      drillBase={drillBaseOf(filter)}
      modes={{ count: t("mode.count"), share: t("mode.share"), label: t("card.view") }}
    />
  );
}

export async function HeatmapSection({ filter, locale }: SectionProps) {
  const t = await getTranslations("analytics");
  const h = await partnerThemeHeatmap(filter, locale, 12);
  return (
    <HeatmapCard
      data={packHeat(h, filter.includePending)}
      drillBase={drillBaseOf(filter)}
      text={{ title: t("charts.heatmap"), description: t("descriptions.heatmap"), card: cardLabels(t), columns: columnLabels(t), pendingSuffix: t("pendingSuffix") }}
    />
  );
}

export async function TypeRegionSection({ filter }: SectionProps) {
  const t = await getTranslations("analytics");
  const [types, regions, locale] = await Promise.all([partnersByType(filter), partnersByRegion(filter), getLocale()]);
  const partnersNote = (n: number) => t("partnersCount", { n });
  const region = (r: { region: string | null }) => (r.region ? regionLabel(r.region, locale) : t("noRegion"));
  const typeHref = (type: string) => {
    const p = filterToParams({ ...filter, partnerType: type as AnalyticsFilter["partnerType"] });
    return `/analytics?${p.toString()}`;
  };
  const table: ChartTable = {
    columns: [t("columns.type"), t("columns.region"), ...splitColumns(t, filter), t("columns.partners")],
    rows: [
      ...types.map((r) => [t(`partnerTypes.${r.type}`), "", ...splitValues(filter, r), r.partners]),
      ...regions.map((r) => ["", region(r), ...splitValues(filter, r), r.partners]),
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
        items={regions.map((r) => ({ key: r.region ?? "", label: region(r), approved: r.approved, pending: r.pending, note: partnersNote(r.partners) }))}
      />
    </ChartCard>
  );
}

export async function MapSection({ filter, locale }: SectionProps) {
  const t = await getTranslations("analytics");
  const rows = await partnerCountries(filter, locale);
  // The numeric ids the map's shapes use are looked up here: the ISO table stays on the server.
  const tuples: CountryTuple[] = rows.map((r) => [r.name, r.code, countries.alpha2ToNumeric(r.code) ?? "", r.approved, r.pending, r.partnerId]);
  return (
    <MapCard
      countries={tuples}
      includePending={filter.includePending}
      drillBase={drillBaseOf(filter)}
      text={{
        title: t("charts.map"),
        description: t("descriptions.map"),
        card: cardLabels(t),
        columns: columnLabels(t),
        pendingSuffix: t("pendingSuffix"),
        loading: t("card.loading"),
      }}
    />
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
      <ClientLinks className="overflow-x-auto">
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
                  <a href={drillHref(base, { partner: r.partnerId })} className="text-blue-800 underline-offset-2 hover:underline">
                    {r.name}
                  </a>
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
      </ClientLinks>
    </ChartCard>
  );
}
