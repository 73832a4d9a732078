import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { ChartSkeleton } from "@/components/analytics/chart-skeleton";
import { ActivityWidget, CountsWidget, QuarterWidget } from "@/components/analytics/overview-widgets";
import { requireRolePage } from "@/lib/auth/session";
import { isLocale } from "@/lib/i18n/config";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("overview");
  return { title: t("title") };
}

export default async function OverviewPage() {
  await requireRolePage("viewer");
  const [rawLocale, t, common] = await Promise.all([getLocale(), getTranslations("overview"), getTranslations("common")]);
  const locale = isLocale(rawLocale) ? rawLocale : "ru";
  const loading = common("loading");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
        <Link href="/analytics" className="text-sm text-blue-800 underline-offset-2 hover:underline">
          {t("analyticsLink")} →
        </Link>
      </div>
      <Suspense fallback={<ChartSkeleton title={t("pending")} label={loading} height={90} />}>
        <CountsWidget />
      </Suspense>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Suspense fallback={<ChartSkeleton title={t("topPartners")} label={loading} height={180} />}>
          <QuarterWidget locale={locale} which="partners" />
        </Suspense>
        <Suspense fallback={<ChartSkeleton title={t("topThemes")} label={loading} height={180} />}>
          <QuarterWidget locale={locale} which="themes" />
        </Suspense>
      </div>
      <Suspense fallback={<ChartSkeleton title={t("recent")} label={loading} height={240} />}>
        <ActivityWidget locale={locale} />
      </Suspense>
    </div>
  );
}
