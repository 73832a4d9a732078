import { getTranslations } from "next-intl/server";

/** Shown while a dashboard page loads (client navigation keeps the header): a title bar, a panel and rows. */
export async function PageSkeleton({ rows = 8 }: { rows?: number }) {
  const t = await getTranslations("common");
  return (
    <div role="status" aria-live="polite" className="space-y-3">
      <span className="sr-only">{t("loading")}</span>
      <div className="h-8 w-64 animate-pulse rounded bg-slate-200" />
      <div className="h-24 animate-pulse rounded-lg bg-slate-100" />
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="h-9 animate-pulse rounded bg-slate-100" />
      ))}
    </div>
  );
}
