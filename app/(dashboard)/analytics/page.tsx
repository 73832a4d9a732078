import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { ChartSkeleton } from "@/components/analytics/chart-skeleton";
import { FilterForm } from "@/components/analytics/filter-form";
import {
  DormantSection,
  HeatmapSection,
  MapSection,
  PartnersOverTimeSection,
  PeopleSection,
  SummarySection,
  ThemesOverTimeSection,
  TypeRegionSection,
} from "@/components/analytics/sections";
import { buttonClass } from "@/components/ui";
import { getDb } from "@/db/index";
import { analyticsFilterOptions, datedSpan } from "@/db/queries/analytics";
import { cachedQuery } from "@/lib/analytics/cache";
import { filterToParams, parseFilterLenient } from "@/lib/analytics/filters";
import { autoGranularity } from "@/lib/analytics/periods";
import { requireRolePage } from "@/lib/auth/session";
import { isLocale, type Locale } from "@/lib/i18n/config";

export const dynamic = "force-dynamic";

// Asked on every visit and changed only by edits: cached like the charts' aggregations.
const filterOptions = cachedQuery("filterOptions", (locale: Locale) => analyticsFilterOptions(getDb(), { locale }));
const dateSpan = cachedQuery("datedSpan", (includePending: boolean) => datedSpan(getDb(), { includePending }));

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("analytics");
  return { title: t("title") };
}

export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireRolePage("viewer");
  const [params, rawLocale, t] = await Promise.all([searchParams, getLocale(), getTranslations("analytics")]);
  const locale = isLocale(rawLocale) ? rawLocale : "ru";
  const { filter, errors } = parseFilterLenient(params);
  const [options, span] = await Promise.all([
    filterOptions(locale),
    params.granularity ? null : dateSpan(filter.includePending),
  ]);
  if (span) filter.granularity = autoGranularity(filter.from ?? span.first, filter.to ?? span.last);
  const query = filterToParams(filter);
  const exportQuery = (format: string) => {
    const p = new URLSearchParams(query);
    p.delete("granularity");
    p.set("format", format);
    return `/api/export?${p.toString()}`;
  };
  // A new key per filter makes every Suspense boundary show its skeleton again on navigation.
  const key = query.toString();
  const props = { filter, locale };
  const skeleton = (title: string, className?: string, height?: number) => (
    <ChartSkeleton title={title} label={t("card.loading")} className={className} height={height} />
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
          <p className="text-sm text-slate-600">{t("subtitle")}</p>
        </div>
        <div className="flex items-center gap-2" role="group" aria-label={t("export.label")}>
          <span className="text-sm text-slate-700">{t("export.label")}:</span>
          <a href={exportQuery("csv")} className={buttonClass("secondary", "sm")} download>
            {t("export.csv")}
          </a>
          <a href={exportQuery("json")} className={buttonClass("secondary", "sm")} download>
            {t("export.json")}
          </a>
        </div>
      </div>

      <FilterForm filter={filter} options={options} errors={errors} />

      <div className="flex flex-wrap gap-x-4 gap-y-1">
        <Suspense key={`s${key}`} fallback={<p className="text-sm text-slate-500">{t("card.loading")}</p>}>
          <SummarySection {...props} />
        </Suspense>
        {filter.includePending ? <p className="text-sm text-slate-600">{t("pendingNote")}</p> : null}
        <p className="text-sm text-slate-500">{t("card.drillHint")}</p>
      </div>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Suspense key={`p${key}`} fallback={skeleton(t("charts.partnersOverTime"), "lg:col-span-2", 320)}>
          <PartnersOverTimeSection {...props} />
        </Suspense>
        <Suspense key={`t${key}`} fallback={skeleton(t("charts.themesOverTime"), "lg:col-span-2", 360)}>
          <ThemesOverTimeSection {...props} />
        </Suspense>
        <Suspense key={`h${key}`} fallback={skeleton(t("charts.heatmap"), "lg:col-span-2", 320)}>
          <HeatmapSection {...props} />
        </Suspense>
        <Suspense key={`m${key}`} fallback={skeleton(t("charts.map"))}>
          <MapSection {...props} />
        </Suspense>
        <Suspense key={`r${key}`} fallback={skeleton(t("charts.byType"))}>
          <TypeRegionSection {...props} />
        </Suspense>
        <Suspense key={`c${key}`} fallback={skeleton(t("charts.counterparts"))}>
          <PeopleSection {...props} which="counterparts" />
        </Suspense>
        <Suspense key={`o${key}`} fallback={skeleton(t("charts.officials"))}>
          <PeopleSection {...props} which="officials" />
        </Suspense>
        <Suspense key={`k${key}`} fallback={skeleton(t("charts.kinds"))}>
          <PeopleSection {...props} which="kinds" />
        </Suspense>
        <Suspense key={`d${key}`} fallback={skeleton(t("charts.dormant"))}>
          <DormantSection {...props} />
        </Suspense>
      </div>
    </div>
  );
}
