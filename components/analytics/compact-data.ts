// Chart data as the browser receives it: counts in arrays indexed by series and period
// (or partner and theme), names once. The server packs the query results (pack*); the
// browser builds the chart rows and the table view from the same numbers (*Table), so
// a page carries each number once instead of as repeated objects with long keys, and
// the table's HTML is made only when someone opens it. Pure and free of server imports.
import type { CsvValue } from "@/lib/analytics/csv";
import type { HeatMap, PartnersOverTime, ThemePoint } from "@/db/queries/analytics";
import { formatPeriod, formatShare } from "@/lib/analytics/format";
import { periodRange, type Granularity } from "@/lib/analytics/periods";

export interface ChartTable {
  columns: string[];
  rows: CsvValue[][];
  /** Columns holding numbers, right-aligned. */
  numeric?: number[];
}

/** Approved and pending counts per [series][period]; pending is null when the filter leaves it out. */
export interface SplitMatrix {
  approved: number[][];
  pending: number[][] | null;
}

export interface PartnersData extends SplitMatrix {
  /** Period starts (ISO dates), gaps filled, so the chart shows empty periods as zero. */
  periods: string[];
  /** In legend order; partnerId null is "other" (every partner outside the top). */
  series: { partnerId: number | null; name: string }[];
}

export interface ThemesData extends SplitMatrix {
  periods: string[];
  /** Meetings per period: the denominator of a theme's share (themes overlap). */
  totals: number[];
  series: { code: string; name: string }[];
}

export interface HeatData extends SplitMatrix {
  /** Rows of the matrices. */
  partners: { id: number; name: string }[];
  /** Columns of the matrices. */
  themes: { code: string; label: string }[];
}

/** [name, ISO alpha-2, ISO numeric (the map's shape id, "" when unknown), approved, pending, partner id] */
export type CountryTuple = [name: string, code: string, numeric: string, approved: number, pending: number, partnerId: number];

/** Labels of the table columns, in the page's language. */
export interface ColumnLabels {
  period: string;
  partner: string;
  theme: string;
  approved: string;
  pending: string;
  total: string;
  periodTotal: string;
  share: string;
  country: string;
  code: string;
}

const zeros = (rows: number, cols: number) => Array.from({ length: rows }, () => new Array<number>(cols).fill(0));

function matrix(rows: number, cols: number, includePending: boolean): SplitMatrix {
  return { approved: zeros(rows, cols), pending: includePending ? zeros(rows, cols) : null };
}

function put(m: SplitMatrix, row: number, col: number, v: { approved: number; pending: number }) {
  m.approved[row][col] = v.approved;
  if (m.pending) m.pending[row][col] = v.pending;
}

const at = (m: SplitMatrix, row: number, col: number) => ({ approved: m.approved[row][col], pending: m.pending?.[row][col] ?? 0 });

/** The approved / pending / total columns: pending only when it is included. */
export function splitColumns(c: ColumnLabels, includePending: boolean): string[] {
  return includePending ? [c.approved, c.pending, c.total] : [c.total];
}
export function splitValues(includePending: boolean, v: { approved: number; pending: number }): number[] {
  return includePending ? [v.approved, v.pending, v.approved + v.pending] : [v.approved];
}
export const numericFrom = (start: number, includePending: boolean) => (includePending ? [start, start + 1, start + 2] : [start]);

function spanOf(periods: string[], g: Granularity): string[] {
  if (!periods.length) return [];
  let first = periods[0];
  let last = periods[0];
  for (const p of periods) {
    if (p < first) first = p;
    if (p > last) last = p;
  }
  return periodRange(first, last, g);
}

/** Period labels, one Intl formatter call per period rather than per data point. */
export function periodLabels(periods: string[], g: Granularity, locale: string): string[] {
  return periods.map((p) => formatPeriod(p, g, locale));
}

// ---------------------------------------------------------------- partners over time

export function packPartners(data: PartnersOverTime, g: Granularity, includePending: boolean, otherName: string): PartnersData {
  const periods = spanOf(data.points.map((p) => p.period), g);
  const col = new Map(periods.map((p, i) => [p, i]));
  const row = new Map(data.series.map((s, i) => [s.partnerId, i]));
  const m = matrix(data.series.length, periods.length, includePending);
  for (const p of data.points) {
    const r = row.get(p.partnerId);
    const c = col.get(p.period);
    if (r != null && c != null) put(m, r, c, p);
  }
  return { periods, series: data.series.map((s) => ({ partnerId: s.partnerId, name: s.name ?? otherName })), ...m };
}

/** Period, partner, counts: the non-empty points in period order, partners in legend order. */
export function partnersTable(d: PartnersData, labels: string[], c: ColumnLabels): ChartTable {
  const includePending = d.pending != null;
  const rows: CsvValue[][] = [];
  d.periods.forEach((_, p) => {
    d.series.forEach((s, i) => {
      const v = at(d, i, p);
      if (v.approved + v.pending > 0) rows.push([labels[p], s.name, ...splitValues(includePending, v)]);
    });
  });
  return { columns: [c.period, c.partner, ...splitColumns(c, includePending)], rows, numeric: numericFrom(2, includePending) };
}

// ---------------------------------------------------------------- themes over time

export function packThemes(points: ThemePoint[], g: Granularity, includePending: boolean): ThemesData {
  const periods = spanOf(points.map((p) => p.period), g);
  const col = new Map(periods.map((p, i) => [p, i]));
  const row = new Map<string, number>();
  const series: ThemesData["series"] = [];
  for (const p of points) {
    if (!row.has(p.theme)) {
      row.set(p.theme, series.length);
      series.push({ code: p.theme, name: p.label });
    }
  }
  const totals = new Array<number>(periods.length).fill(0);
  const m = matrix(series.length, periods.length, includePending);
  for (const p of points) {
    const c = col.get(p.period)!;
    totals[c] = p.periodTotal;
    put(m, row.get(p.theme)!, c, p);
  }
  return { periods, totals, series, ...m };
}

/** Meetings touching a theme in a period (approved + pending when included). */
export function themeCount(d: ThemesData, series: number, period: number): number {
  const v = at(d, series, period);
  return v.approved + v.pending;
}

export function themeShare(d: ThemesData, series: number, period: number): number {
  return d.totals[period] ? themeCount(d, series, period) / d.totals[period] : 0;
}

export function themesTable(d: ThemesData, labels: string[], c: ColumnLabels): ChartTable {
  const includePending = d.pending != null;
  const rows: CsvValue[][] = [];
  d.periods.forEach((_, p) => {
    d.series.forEach((s, i) => {
      const v = at(d, i, p);
      if (v.approved + v.pending > 0) rows.push([labels[p], s.name, ...splitValues(includePending, v), d.totals[p], formatShare(themeShare(d, i, p))]);
    });
  });
  return {
    columns: [c.period, c.theme, ...splitColumns(c, includePending), c.periodTotal, c.share],
    rows,
    numeric: [...numericFrom(2, includePending), includePending ? 5 : 3, includePending ? 6 : 4],
  };
}

// ---------------------------------------------------------------- partner × theme

export function packHeat(h: HeatMap, includePending: boolean): HeatData {
  const row = new Map(h.partners.map((p, i) => [p.partnerId, i]));
  const col = new Map(h.themes.map((t, i) => [t.theme, i]));
  const m = matrix(h.partners.length, h.themes.length, includePending);
  for (const cell of h.cells) {
    const r = row.get(cell.partnerId);
    const c = col.get(cell.theme);
    if (r != null && c != null) put(m, r, c, cell);
  }
  return { partners: h.partners.map((p) => ({ id: p.partnerId, name: p.name })), themes: h.themes.map((t) => ({ code: t.theme, label: t.label })), ...m };
}

export const heatCell = at;

export function heatTable(d: HeatData, c: ColumnLabels): ChartTable {
  const includePending = d.pending != null;
  const rows: CsvValue[][] = [];
  d.partners.forEach((p, r) => {
    d.themes.forEach((t, k) => {
      const v = at(d, r, k);
      if (v.approved + v.pending > 0) rows.push([p.name, t.label, ...splitValues(includePending, v)]);
    });
  });
  return { columns: [c.partner, c.theme, ...splitColumns(c, includePending)], rows, numeric: numericFrom(2, includePending) };
}

// ---------------------------------------------------------------- countries

export function countriesTable(countries: CountryTuple[], includePending: boolean, c: ColumnLabels): ChartTable {
  return {
    columns: [c.country, c.code, ...splitColumns(c, includePending)],
    rows: countries.map(([name, code, , approved, pending]) => [name, code, ...splitValues(includePending, { approved, pending })]),
    numeric: numericFrom(2, includePending),
  };
}
