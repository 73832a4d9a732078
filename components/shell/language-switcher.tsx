import { getLocale, getTranslations } from "next-intl/server";
import { locales } from "@/lib/i18n/config";
import { LanguageButtons } from "./language-buttons";

/** ru/en buttons. The labels are translated here so the browser needs no message catalogue for them. */
export async function LanguageSwitcher({ className }: { className?: string }) {
  const t = await getTranslations("common");
  const names = Object.fromEntries(locales.map((l) => [l, t(`languages.${l}`)])) as Record<(typeof locales)[number], string>;
  return <LanguageButtons label={t("language")} names={names} current={await getLocale()} className={className} />;
}
