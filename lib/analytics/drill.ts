// Drill-down: a bar, cell, point or country opens the records behind it in the queue
// (/records), whose URL understands status, kind, partner (with everything under it),
// theme, official, from, to and q. Pure, so client charts can build links too.
import { periodEnd, type Granularity } from "./periods";

/** The page's filter in /records' parameter names; partner type has no equivalent there. */
export interface DrillBase {
  includePending: boolean;
  from?: string;
  to?: string;
  partner?: number;
  theme?: string;
  kind?: string;
  official?: string;
}

export interface DrillTarget {
  partner?: number | null;
  theme?: string;
  kind?: string;
  official?: string;
  q?: string;
  /** The start of a clicked period; the range is clipped to the page's own dates. */
  period?: string;
  granularity?: Granularity;
  /** The pending part of a bar opens pending records only. */
  status?: "approved" | "pending";
}

export function drillHref(base: DrillBase, target: DrillTarget = {}): string {
  const p = new URLSearchParams();
  // "all" would include rejected records too; without pending only approved ones are behind a chart.
  p.set("status", target.status ?? (base.includePending ? "all" : "approved"));
  const kind = target.kind ?? base.kind;
  if (kind) p.set("kind", kind);
  const partner = target.partner ?? base.partner;
  if (partner) p.set("partner", String(partner));
  const theme = target.theme ?? base.theme;
  if (theme) p.set("theme", theme);
  const official = target.official ?? base.official;
  if (official) p.set("official", official);
  let from = base.from;
  let to = base.to;
  if (target.period && target.granularity) {
    const end = periodEnd(target.period, target.granularity);
    from = !from || target.period > from ? target.period : from;
    to = !to || end < to ? end : to;
  }
  if (from) p.set("from", from);
  if (to) p.set("to", to);
  if (target.q) p.set("q", target.q);
  return `/records?${p.toString()}`;
}
