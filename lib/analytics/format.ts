// Labels for periods and numbers in the reader's language.
import type { Granularity } from "./periods";

export function formatPeriod(period: string, granularity: Granularity, locale: string): string {
  const [y, m] = period.split("-").map(Number);
  if (granularity === "year") return String(y);
  if (granularity === "quarter") {
    const q = Math.floor((m - 1) / 3) + 1;
    return locale === "ru" ? `${q} кв. ${y}` : `Q${q} ${y}`;
  }
  return new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, 1)));
}

export const formatShare = (share: number) => `${(share * 100).toFixed(1)}%`;
