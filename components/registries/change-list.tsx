import { Card } from "@/components/ui";

type Row = { id: number; action: string; field: string | null; before: unknown; after: unknown; at: Date; userId: number | null };

const brief = (v: unknown) => {
  if (v === null || v === undefined) return "—";
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 160 ? `${s.slice(0, 157)}…` : s;
};

/** The latest history rows of a registry entry (what changed, when, from what to what). */
export function ChangeList({ rows, title }: { rows: Row[]; title: string }) {
  if (!rows.length) return null;
  return (
    <Card title={title} id="registry-history">
      <ol className="space-y-1 text-sm">
        {rows.map((r) => (
          <li key={r.id}>
            <time dateTime={r.at.toISOString()} className="text-slate-500">
              {r.at.toISOString().slice(0, 16).replace("T", " ")}
            </time>{" "}
            <strong>{r.action}</strong>
            {r.field ? ` ${r.field}` : ""}: {brief(r.before)} → {brief(r.after)}
          </li>
        ))}
      </ol>
    </Card>
  );
}
