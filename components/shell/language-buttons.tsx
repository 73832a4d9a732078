"use client";
import { useTransition } from "react";
import { setLocaleAction } from "@/lib/actions/locale";
import { locales, type Locale } from "@/lib/i18n/config";
import { cn } from "@/components/ui";

/** The current language is marked aria-current. Sets the locale cookie through a server action. */
export function LanguageButtons({ label, names, current, className }: { label: string; names: Record<Locale, string>; current: string; className?: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <form
      className={cn("flex items-center gap-1", className)}
      aria-label={label}
      action={(formData) => startTransition(async () => void (await setLocaleAction(formData)))}
    >
      {locales.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          disabled={pending}
          aria-current={locale === current ? "true" : undefined}
          className="lang-button"
        >
          {names[locale]}
        </button>
      ))}
    </form>
  );
}
