import type { ButtonHTMLAttributes } from "react";
import { cn } from "./cn";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";

/** The keyboard focus outline (a utility in app/globals.css). */
export const focusRing = "focus-ring";

/** The shared visual style of buttons, for links that must look like one (classes in app/globals.css). */
export function buttonClass(variant: ButtonVariant = "primary", size: "sm" | "md" = "md"): string {
  return `btn btn-${size} btn-${variant}`;
}

/**
 * A button. Props: every <button> attribute, plus
 * - variant: "primary" (default) | "secondary" | "danger" | "ghost"
 * - size: "md" (default) | "sm"
 * type defaults to "button" so that a button inside a form submits only when asked (type="submit").
 */
export function Button({
  variant = "primary",
  size = "md",
  className,
  type = "button",
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: "sm" | "md" }) {
  return <button type={type} className={cn(buttonClass(variant, size), className)} {...rest} />;
}
