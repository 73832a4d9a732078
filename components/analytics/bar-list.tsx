"use client";
// A ranked list drawn as horizontal bars (counterparts, officials, kinds, types,
// regions): plain links, so drill-down works without JavaScript (client navigation via
// client-links.ts). Pending counts are the lighter part of each bar. A client component
// so the server sends only the items, not the markup of every row twice (HTML and RSC).
import { useClientLinks } from "./client-links";

export interface BarListItem {
  key: string;
  label: string;
  approved: number;
  pending: number;
  href?: string;
  /** Extra text after the numbers, e.g. "3 partners". */
  note?: string;
}

export function BarList({ items, pendingLabel }: { items: BarListItem[]; pendingLabel: string }) {
  const onClick = useClientLinks();
  const max = Math.max(1, ...items.map((i) => i.approved + i.pending));
  return (
    <ol className="space-y-1.5" onClick={onClick}>
      {items.map((item) => {
        const total = item.approved + item.pending;
        const body = (
          <>
            <span className="flex items-baseline justify-between gap-2 text-sm">
              <span className="truncate text-slate-900">{item.label}</span>
              <span className="shrink-0 tabular-nums text-slate-700">
                {total}
                {item.pending ? <span className="text-slate-500"> ({item.pending} {pendingLabel})</span> : null}
                {item.note ? <span className="text-slate-500"> · {item.note}</span> : null}
              </span>
            </span>
            <span className="mt-0.5 flex h-2 overflow-hidden rounded bg-slate-100" aria-hidden="true">
              <span className="bg-blue-600" style={{ width: `${(item.approved / max) * 100}%` }} />
              <span className="bg-blue-300" style={{ width: `${(item.pending / max) * 100}%` }} />
            </span>
          </>
        );
        return (
          <li key={item.key}>
            {item.href ? (
              <a href={item.href} className="block rounded px-1 py-0.5 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-600">
                {body}
              </a>
            ) : (
              <div className="px-1 py-0.5">{body}</div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
