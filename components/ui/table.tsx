import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "./cn";

/**
 * Table primitives: <Table caption="…"> wraps a scrollable <table>; use THead/TBody/Tr/Th/Td inside.
 * - Table.caption: a caption for screen readers (visible when captionVisible)
 * - Th.scope defaults to "col"; pass scope="row" for row headers
 * - Td cells take their padding and colour from the table (.data-table in app/globals.css),
 *   so a long table does not repeat them on every cell; a className on a Td still overrides.
 */
export function Table({
  caption,
  captionVisible,
  className,
  children,
  ...rest
}: HTMLAttributes<HTMLTableElement> & { caption?: ReactNode; captionVisible?: boolean }) {
  return (
    // relative: visually hidden (sr-only, absolutely positioned) text in a cell stays inside the
    // scroller instead of widening the page on a phone.
    <div className="relative overflow-x-auto">
      <table className={cn("data-table min-w-full border-collapse text-left text-sm", className)} {...rest}>
        {caption ? (
          <caption className={captionVisible ? "mb-2 text-left font-medium text-slate-800" : "sr-only"}>{caption}</caption>
        ) : null}
        {children}
      </table>
    </div>
  );
}

export function THead({ className, ...rest }: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead className={cn("border-b border-slate-300 bg-slate-50 align-top", className)} {...rest} />;
}

export function TBody({ className, ...rest }: HTMLAttributes<HTMLTableSectionElement>) {
  // Rows inherit the alignment from here rather than carrying a class each.
  return <tbody className={cn("divide-y divide-slate-200 align-top", className)} {...rest} />;
}

export function Tr({ className, ...rest }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={className} {...rest} />;
}

export function Th({ className, scope = "col", ...rest }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope={scope} className={cn("px-3 py-2 font-semibold text-slate-700", className)} {...rest} />;
}

export function Td({ className, ...rest }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={className} {...rest} />;
}
