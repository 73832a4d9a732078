/** What a chart shows while its query streams in. */
export function ChartSkeleton({ title, label, height = 260, className }: { title: string; label: string; height?: number; className?: string }) {
  return (
    <section aria-busy="true" aria-label={title} className={`rounded-lg border border-slate-200 bg-white p-4 shadow-sm ${className ?? ""}`}>
      <h2 className="mb-3 text-base font-semibold text-slate-900">{title}</h2>
      <div className="animate-pulse rounded bg-slate-100" style={{ height }}>
        <span className="sr-only">{label}</span>
      </div>
    </section>
  );
}
