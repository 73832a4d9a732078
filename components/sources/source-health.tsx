import { getTranslations } from "next-intl/server";
import type { SourceHealthDay } from "@/db/queries/sources";

const DAYS = 14;

function lastDays(now = new Date()): string[] {
  return Array.from({ length: DAYS }, (_, i) => new Date(now.getTime() - (DAYS - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}

/** One square per day: grey no poll, green all polls ok, amber some failed, red all failed; the numbers in its label. */
export async function SourceHealth({ days }: { days: SourceHealthDay[] }) {
  const t = await getTranslations("sources");
  const byDay = new Map(days.map((d) => [d.day, d]));
  return (
    <ul className="flex gap-0.5" aria-label={t("health")}>
      {lastDays().map((day) => {
        const d = byDay.get(day);
        const tone = !d ? "bg-slate-200" : d.failedPolls === 0 ? "bg-green-600" : d.failedPolls < d.polls ? "bg-amber-500" : "bg-red-600";
        const label = d ? t("healthDay", { day, polls: d.polls, failedPolls: d.failedPolls, stored: d.stored, refused: d.refused, failed: d.failed }) : t("healthNone", { day });
        return <li key={day} className={`h-4 w-2 rounded-sm ${tone}`} title={label} aria-label={label} />;
      })}
    </ul>
  );
}
