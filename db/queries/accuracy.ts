// Extraction accuracy as the editors' work shows it: of the approved records, how many
// had each field corrected by an editor (history rows of a user's update or restore).
// One SQL pass groups by outlet and month of approval; totals are sums of those cells
// (each record belongs to exactly one outlet and one month).
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/index";
import { queryRows } from "@/db/index";

export const ACCURACY_FIELDS = ["kind", "date", "location", "participants", "partners", "themes", "quotes"] as const;
export type AccuracyField = (typeof ACCURACY_FIELDS)[number];

export interface AccuracyCell {
  outlet: string | null;
  /** YYYY-MM of the approval. */
  month: string | null;
  approved: number;
  corrected: Record<AccuracyField, number>;
}

export interface AccuracyReport {
  total: AccuracyCell;
  byOutlet: AccuracyCell[];
  byMonth: AccuracyCell[];
  cells: AccuracyCell[];
}

type Row = { outlet: string | null; month: string | null; approved: number | string } & Record<AccuracyField, number | string>;

function emptyCorrected(): Record<AccuracyField, number> {
  return Object.fromEntries(ACCURACY_FIELDS.map((f) => [f, 0])) as Record<AccuracyField, number>;
}

function total(cells: AccuracyCell[], outlet: string | null = null, month: string | null = null): AccuracyCell {
  const acc: AccuracyCell = { outlet, month, approved: 0, corrected: emptyCorrected() };
  for (const c of cells) {
    acc.approved += c.approved;
    for (const f of ACCURACY_FIELDS) acc.corrected[f] += c.corrected[f];
  }
  return acc;
}

export async function accuracyReport(db: DbOrTx, options: { from?: string; to?: string } = {}): Promise<AccuracyReport> {
  const from = options.from ? sql`and coalesce(m.reviewed_at, m.updated_at) >= ${options.from}::date` : sql``;
  const to = options.to ? sql`and coalesce(m.reviewed_at, m.updated_at) < (${options.to}::date + 1)` : sql``;
  const rows = await queryRows<Row>(
    db,
    sql`with approved as (
          select m.id, a.outlet, to_char(date_trunc('month', coalesce(m.reviewed_at, m.updated_at)), 'YYYY-MM') as month
          from meetings m join articles a on a.id = m.article_id
          where m.status = 'approved' ${from} ${to}
        ),
        corrected as (
          select h.entity_id as id,
            bool_or(h.field = 'kind') as kind, bool_or(h.field = 'date') as date, bool_or(h.field = 'location') as location,
            bool_or(h.field = 'participants') as participants, bool_or(h.field = 'partners') as partners,
            bool_or(h.field = 'themes') as themes, bool_or(h.field = 'quotes') as quotes
          from history h
          where h.entity_type = 'meeting' and h.user_id is not null and h.action in ('update', 'restore')
            and h.entity_id in (select id from approved)
          group by h.entity_id
        )
        select ap.outlet, ap.month, count(*)::int as approved,
          count(*) filter (where c.kind)::int as kind, count(*) filter (where c.date)::int as date,
          count(*) filter (where c.location)::int as location, count(*) filter (where c.participants)::int as participants,
          count(*) filter (where c.partners)::int as partners, count(*) filter (where c.themes)::int as themes,
          count(*) filter (where c.quotes)::int as quotes
        from approved ap left join corrected c on c.id = ap.id
        group by ap.outlet, ap.month
        order by ap.month, ap.outlet`,
  );
  const cells: AccuracyCell[] = rows.map((r) => ({
    outlet: r.outlet,
    month: r.month,
    approved: Number(r.approved),
    corrected: Object.fromEntries(ACCURACY_FIELDS.map((f) => [f, Number(r[f])])) as Record<AccuracyField, number>,
  }));
  const outlets = [...new Set(cells.map((c) => c.outlet))];
  const months = [...new Set(cells.map((c) => c.month))];
  return {
    total: total(cells),
    byOutlet: outlets.map((o) => total(cells.filter((c) => c.outlet === o), o)).sort((a, b) => b.approved - a.approved),
    byMonth: months.map((m) => total(cells.filter((c) => c.month === m), null, m)),
    cells,
  };
}

/** Share of approved records with the field corrected, 0..1 (0 when there are none). */
export function correctionRate(cell: AccuracyCell, field: AccuracyField): number {
  return cell.approved ? cell.corrected[field] / cell.approved : 0;
}
