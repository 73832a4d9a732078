// How a value shows who set it and how sure the machine was.
import { useTranslations } from "next-intl";
import { Badge, cn } from "@/components/ui";

/** "machine" or "editor": the editor's values are never overwritten by re-extraction. */
export function SourceBadge({ source }: { source: "extractor" | "editor" }) {
  const t = useTranslations("review");
  return <Badge tone={source === "editor" ? "success" : "info"}>{t(`source.${source}`)}</Badge>;
}

const level = (c: number) => (c < 0.5 ? "low" : c < 0.8 ? "mid" : "high");

/** A bar and a number (the number carries the meaning; the bar is for scanning a column). */
export function ConfidenceMeter({ value, className }: { value: number | null; className?: string }) {
  const t = useTranslations("review");
  if (value == null) return <span className="text-xs text-slate-500">{t("confidence.none")}</span>;
  const pct = Math.round(value * 100);
  const l = level(value);
  return (
    <span className={cn("inline-flex items-center gap-1.5", className)} title={t("confidence.title", { pct })}>
      <span aria-hidden="true" className="relative h-1.5 w-12 overflow-hidden rounded bg-slate-200">
        <span
          className={cn(
            "absolute inset-y-0 left-0 rounded",
            l === "low" ? "bg-red-600" : l === "mid" ? "bg-amber-500" : "bg-green-600",
          )}
          style={{ width: `${pct}%` }}
        />
      </span>
      <span className={cn("text-xs tabular-nums", l === "low" ? "font-semibold text-red-800" : "text-slate-700")}>
        <span className="sr-only">{t("confidence.label")} </span>
        {pct}%
      </span>
    </span>
  );
}

export function StatusBadge({ status }: { status: "pending" | "approved" | "rejected" }) {
  const t = useTranslations("review");
  return <Badge tone={status === "approved" ? "success" : status === "rejected" ? "danger" : "warning"}>{t(`status.${status}`)}</Badge>;
}
