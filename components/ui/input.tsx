import type { InputHTMLAttributes, ReactNode } from "react";
import { cn } from "./cn";

/** The style of text inputs and selects (app/globals.css). */
export const fieldClass = "field";

/**
 * A labelled text input. Props: every <input> attribute, plus
 * - label (required): the visible label, tied to the input by id
 * - id (required): also names the hint and error for aria-describedby
 * - hint: help text under the input
 * - error: an error message; marks the input aria-invalid and announces it
 */
export function Input({
  label,
  id,
  hint,
  error,
  className,
  ...rest
}: InputHTMLAttributes<HTMLInputElement> & { label: ReactNode; id: string; hint?: ReactNode; error?: ReactNode }) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={fieldClass} {...rest} />
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
