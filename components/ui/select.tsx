import type { ReactNode, SelectHTMLAttributes } from "react";
import { cn } from "./cn";
import { fieldClass } from "./input";

export interface SelectOption {
  value: string;
  label: ReactNode;
}

/** The <option>s of a select. */
export function Options({ options }: { options: SelectOption[] }) {
  return options.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
}

/**
 * A select. Props: every <select> attribute, plus
 * - options (required): { value, label }[]
 * - label: a visible label (needs id); without it pass aria-label
 * - hideLabel: keep the label for screen readers only
 */
export function Select({
  label,
  hideLabel,
  options,
  id,
  className,
  ...rest
}: SelectHTMLAttributes<HTMLSelectElement> & { options: SelectOption[]; label?: ReactNode; hideLabel?: boolean }) {
  return (
    <div className={cn("space-y-1", className)}>
      {label ? (
        <label htmlFor={id} className={hideLabel ? "sr-only" : "block text-sm font-medium text-slate-800"}>
          {label}
        </label>
      ) : null}
      <select id={id} className={fieldClass} {...rest}>
        <Options options={options} />
      </select>
    </div>
  );
}
