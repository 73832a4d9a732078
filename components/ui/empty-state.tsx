import type { ReactNode } from "react";

/**
 * What to show instead of an empty list or chart. Props:
 * - title (required): one short sentence ("No records match")
 * - children: an explanation or hint
 * - action: a button or link to get out of the empty state
 */
export function EmptyState({ title, children, action }: { title: ReactNode; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <p className="font-medium text-slate-900">{title}</p>
      {children ? <div className="mt-1 text-sm text-slate-600">{children}</div> : null}
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}
