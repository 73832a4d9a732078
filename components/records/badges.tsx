// How a value shows who set it and how sure the machine was.
import { useTranslations } from "next-intl";
import type { CSSProperties } from "react";
import { Badge, cn, type BadgeTone } from "@/components/ui";

type Status = "pending" | "approved" | "rejected";

/** "machine" or "editor": the editor's values are never overwritten by re-extraction. */
export function SourceBadge({ source }: { source: "extractor" | "editor" }) {
  const t = useTranslations("review");
  return <Badge tone={source === "editor" ? "success" : "info"}>{t(`source.${source}`)}</Badge>;
}

const level = (c: number) => (c < 0.5 ? "low" : c < 0.8 ? "mid" : "high");

/** The words around a confidence: what no value says, the screen-reader label, the tooltip for a percentage. */
export interface MeterText {
  none: string;
  label: string;
  title: (pct: number) => string;
}

/** A bar and a number (the number carries the meaning; the bar, drawn by .meter in app/globals.css, is for scanning a column). */
export function ConfidenceMeter({ value, className }: { value: number | null; className?: string }) {
  const t = useTranslations("review");
  return <Meter value={value} className={className} text={{ none: t("confidence.none"), label: t("confidence.label"), title: (pct) => t("confidence.title", { pct }) }} />;
}

/** ConfidenceMeter with its words given: a table translates them once for all its rows. */
export function Meter({ value, className, text }: { value: number | null; className?: string; text: MeterText }) {
  if (value == null) return <span className="text-xs text-slate-500">{text.none}</span>;
  const pct = Math.round(value * 100);
  return (
    <span className={cn("meter", `meter-${level(value)}`, className)} style={{ "--pct": `${pct}%` } as CSSProperties} title={text.title(pct)}>
      <span className="sr-only">{`${text.label} `}</span>
      {`${pct}%`}
    </span>
  );
}

export const statusTone: Record<Status, BadgeTone> = { pending: "warning", approved: "success", rejected: "danger" };

export function StatusBadge({ status }: { status: Status }) {
  const t = useTranslations("review");
  return <Badge tone={statusTone[status]}>{t(`status.${status}`)}</Badge>;
}
