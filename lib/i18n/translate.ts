// Translation outside React: server actions answer with sentences in the reader's language,
// and also work where there is no request (tests and commands call them directly), where
// next-intl's request-bound getTranslations cannot.
import { createTranslator } from "next-intl";
import { defaultLocale, isLocale, localeCookie, type Locale } from "./config";
import en from "./messages/en.json";
import ru from "./messages/ru.json";

export interface Translate {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

const catalogues = { ru, en };

/** The language cookie of the request being served; the default language outside a request. */
export async function requestLocale(): Promise<Locale> {
  try {
    const { cookies } = await import("next/headers");
    const value = (await cookies()).get(localeCookie)?.value;
    return isLocale(value) ? value : defaultLocale;
  } catch {
    return defaultLocale;
  }
}

/** A translator over the whole catalogue (keys with their namespace: "review.messages.saved"). */
export async function serverTranslator(locale?: Locale): Promise<Translate> {
  const chosen = locale ?? (await requestLocale());
  // The catalogue's literal key types would reject the keys built from codes ("review.errors." + code).
  return createTranslator({ locale: chosen, messages: catalogues[chosen] }) as unknown as Translate;
}
