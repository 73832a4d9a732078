"use client";
// One form for every registry action: posts to a server action and announces its answer
// (a sentence, and the fields it refused) in a live region. When an accepted rule would
// change pending records, they are listed with links.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import { Button, type ButtonVariant } from "@/components/ui";
import type { ActionResult, ServerAction } from "@/lib/actions/result";
import type { AffectedRecord } from "@/lib/registries/learning";

export function ActionForm<T>({
  action,
  hidden = {},
  submitLabel,
  variant = "secondary",
  confirm,
  className,
  children,
}: {
  action: ServerAction<T>;
  hidden?: Record<string, string | number>;
  submitLabel: string;
  variant?: ButtonVariant;
  /** A question asked before submitting (merges, removals). */
  confirm?: string;
  className?: string;
  children?: ReactNode;
}) {
  const t = useTranslations("registries");
  const [state, formAction, pending] = useActionState<ActionResult<T> | null, FormData>(action, null);
  const affected = (state?.data as { affected?: AffectedRecord[] } | undefined)?.affected;
  return (
    <form
      action={formAction}
      className={className ?? "flex flex-wrap items-end gap-2"}
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <Button type="submit" size="sm" variant={variant} disabled={pending}>
        {submitLabel}
      </Button>
      <p role="status" aria-live="polite" className={state?.ok === false ? "text-sm text-red-700" : "text-sm text-green-800"}>
        {state
          ? `${state.message}${
              state.fieldErrors ? " " + Object.entries(state.fieldErrors).map(([k, v]) => `${k}: ${v.join(", ")}`).join("; ") : ""
            }`
          : null}
      </p>
      {affected ? (
        <div className="w-full text-sm">
          <p>{t("proposals.affected", { count: affected.length })}</p>
          <ul className="list-disc pl-5">
            {affected.map((a) => (
              <li key={a.meetingId}>
                <Link className="text-blue-800 underline" href={`/records/${a.meetingId}`}>
                  {a.title ?? `#${a.meetingId}`}
                </Link>
                : {a.before.join(", ") || "—"} → {a.after.join(", ") || "—"}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </form>
  );
}
