import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "./cn";

/**
 * A bordered panel (a <section>). Props: every <section> attribute, plus
 * - title: a heading at the top (rendered as <h2>, or `headingLevel`)
 * - actions: content on the right of the title (buttons, links)
 * When a title is given the section is labelled by it for screen readers.
 */
export function Card({
  title,
  actions,
  headingLevel = 2,
  className,
  children,
  id,
  ...rest
}: HTMLAttributes<HTMLElement> & { title?: ReactNode; actions?: ReactNode; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 3 ? "h3" : "h2";
  const headingId = title && id ? `${id}-title` : undefined;
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      className={cn("rounded-lg border border-slate-200 bg-white p-4 shadow-sm", className)}
      {...rest}
    >
      {title || actions ? (
        <div className="mb-3 flex items-center justify-between gap-2">
          {title ? (
            <Heading id={headingId} className="text-base font-semibold text-slate-900">
              {title}
            </Heading>
          ) : (
            <span />
          )}
          {actions}
        </div>
      ) : null}
      {children}
    </section>
  );
}
