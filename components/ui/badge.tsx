import type { HTMLAttributes } from "react";
import { cn } from "./cn";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger";

/**
 * A small status label. Props: every <span> attribute, plus
 * - tone: "neutral" (default) | "info" | "success" | "warning" | "danger"
 * Colour is never the only signal: always put the status in the text. Styles: .badge in app/globals.css.
 */
export function Badge({ tone = "neutral", className, ...rest }: HTMLAttributes<HTMLSpanElement> & { tone?: BadgeTone }) {
  return <span className={cn("badge", `badge-${tone}`, className)} {...rest} />;
}
