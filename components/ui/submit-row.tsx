import type { ReactNode } from "react";
import { Button } from "./button";
import { cn } from "./cn";

/** A form's submit button with the live line that announces the action's answer (red when refused). */
export function SubmitRow({ label, pending, answer, className }: { label: ReactNode; pending: boolean; answer: { ok: boolean; message: string } | null | undefined; className?: string }) {
  return (
    <div className={cn("flex items-center gap-3", className)}>
      <Button type="submit" disabled={pending}>
        {label}
      </Button>
      <p role="status" aria-live="polite" className={answer?.ok === false ? "text-sm text-red-700" : "text-sm text-green-800"}>
        {answer?.message}
      </p>
    </div>
  );
}
