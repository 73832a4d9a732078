// Calendar periods of the time charts. Pure and free of server imports: the chart
// components in the browser use it to turn a clicked period into a date range.

export const granularities = ["month", "quarter", "year"] as const;
export type Granularity = (typeof granularities)[number];

/** The last day of the period that starts on `start` (ISO dates, UTC arithmetic). */
export function periodEnd(start: string, granularity: Granularity): string {
  const d = new Date(`${start}T00:00:00Z`);
  const months = granularity === "month" ? 1 : granularity === "quarter" ? 3 : 12;
  d.setUTCMonth(d.getUTCMonth() + months);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Every period start from first to last inclusive, so charts show empty periods as zero. */
export function periodRange(first: string, last: string, granularity: Granularity): string[] {
  const out: string[] = [];
  const d = new Date(`${first}T00:00:00Z`);
  const step = granularity === "month" ? 1 : granularity === "quarter" ? 3 : 12;
  for (let i = 0; i < 2000; i++) {
    const iso = d.toISOString().slice(0, 10);
    if (iso > last) break;
    out.push(iso);
    d.setUTCMonth(d.getUTCMonth() + step);
  }
  return out;
}

/**
 * The time step when the URL names none: months for up to three years, else quarters,
 * so a decade of records draws 40 readable bars instead of 120 (and sends a third of the data).
 */
export function autoGranularity(first: string | null, last: string | null): Granularity {
  if (!first || !last) return "month";
  const days = (Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000;
  return days <= 3 * 366 ? "month" : "quarter";
}
