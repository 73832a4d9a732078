// The overview's widgets: each an async server component with its own small query,
// streamed in its own <Suspense>.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BarList } from "@/components/analytics/bar-list";
import { Card } from "@/components/ui";
import { getDb } from "@/db/index";
import { overviewCounts, quarterTops, recentActivity, type ActivityRow } from "@/db/queries/overview";
import { drillHref } from "@/lib/analytics/drill";
import { versionedCache } from "@/lib/cache/versioned";
import type { Locale } from "@/lib/i18n/config";

// Kept until the data changes (lib/cache/versioned.ts); both quarter widgets share one
// answer. The day is part of the key (the quarter and the week move with it); the
// activity list also shows changes to users, which do not move the content version,
// hence its short lifetime.
const today = () => new Date().toISOString().slice(0, 10);
const cachedCounts = versionedCache("overview:counts", (_day: string) => overviewCounts(getDb()), { maxEntries: 2, ttlMs: 60_000 });
const cachedQuarterTops = versionedCache("overview:quarter", (locale: Locale, asOf: string) => quarterTops(getDb(), { locale, asOf }), { maxEntries: 4 });
const cachedActivity = versionedCache("overview:activity", (locale: Locale) => recentActivity(getDb(), { limit: 10, locale }), { maxEntries: 2, ttlMs: 10_000 });

export async function CountsWidget() {
  const t = await getTranslations("overview");
  const c = await cachedCounts(today());
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      <Card>
        <p className="text-sm text-slate-600">{t("pending")}</p>
        <p className="mt-1 text-3xl font-semibold tabular-nums text-slate-900">{c.pending}</p>
        <Link href="/records?status=pending" className="mt-2 inline-block text-sm text-blue-800 underline-offset-2 hover:underline">
          {t("pendingLink")} →
        </Link>
      </Card>
      <Card>
        <p className="text-sm text-slate-600">{t("approvedWeek")}</p>
        <p className="mt-1 text-3xl font-semibold tabular-nums text-slate-900">{c.approvedThisWeek}</p>
        <Link href="/records?status=approved" className="mt-2 inline-block text-sm text-blue-800 underline-offset-2 hover:underline">
          {t("approvedLink")} →
        </Link>
      </Card>
    </div>
  );
}

export async function QuarterWidget({ locale, which }: { locale: Locale; which: "partners" | "themes" }) {
  const t = await getTranslations("overview");
  const tops = await cachedQuarterTops(locale, today());
  const rows = which === "partners" ? tops.partners : tops.themes;
  const base = { includePending: false, from: tops.from, to: tops.to };
  return (
    <Card title={`${t(which === "partners" ? "topPartners" : "topThemes")} (${tops.from} – ${tops.to})`}>
      {rows.length ? (
        <BarList
          pendingLabel=""
          items={rows.map((r) => ({
            key: r.id,
            label: r.name,
            approved: r.meetings,
            pending: 0,
            href: drillHref(base, which === "partners" ? { partner: Number(r.id) } : { theme: r.id }),
          }))}
        />
      ) : (
        <p className="text-sm text-slate-600">{t("quarterEmpty")}</p>
      )}
    </Card>
  );
}

/** Where an activity row's thing lives in the product, when it has a page. */
function activityHref(r: ActivityRow): string | null {
  if (r.entityType === "meeting") return `/records/${r.entityId}`;
  if (r.entityType === "partner") return `/registries/partners/${r.entityId}`;
  if (r.entityType === "person") return `/registries/people/${r.entityId}`;
  if (r.entityType === "article") return `/articles/${r.entityId}`;
  if (r.entityType === "rule_proposal") return "/registries/proposals";
  if (r.entityType === "theme") return "/registries/themes";
  return null;
}

export async function ActivityWidget({ locale }: { locale: Locale }) {
  const t = await getTranslations("overview");
  const rows = await cachedActivity(locale);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  // Every row is a sentence in the reader's language: who, what was done, to what (by name) — never an internal code.
  const word = (group: "entities" | "actions", key: string) => (t.has(`${group}.${key}`) ? t(`${group}.${key}`) : t(`${group}.other`));
  return (
    <Card title={t("recent")}>
      {rows.length ? (
        <ol className="divide-y divide-slate-100 text-sm">
          {rows.map((r) => {
            const field = r.field && t.has(`fields.${r.field}`) ? ` (${t(`fields.${r.field}`)})` : "";
            const name = [r.label ?? t("untitled"), r.date ? day.format(new Date(`${r.date}T00:00:00Z`)) : null].filter(Boolean).join(", ");
            const href = activityHref(r);
            return (
              <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-x-3 py-1.5">
                <span>
                  <span className="font-medium text-slate-900">{r.userName ?? t("system")}</span>
                  {" · "}
                  {word("actions", r.action)}
                  {field}
                  {" · "}
                  {word("entities", r.entityType)}{" "}
                  {href ? (
                    <Link href={href} className="text-blue-800 underline underline-offset-2">{name}</Link>
                  ) : (
                    name
                  )}
                </span>
                <time dateTime={r.at} className="text-xs tabular-nums text-slate-500">
                  {when.format(new Date(r.at))}
                </time>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="text-sm text-slate-600">{t("recentEmpty")}</p>
      )}
    </Card>
  );
}
