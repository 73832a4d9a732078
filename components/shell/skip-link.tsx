import { getTranslations } from "next-intl/server";

/** The first focusable element: jumps to <main id="main">. Visible only when focused. */
export async function SkipLink() {
  const t = await getTranslations("common");
  return (
    <a href="#main" className="skip-link">
      {t("skipToContent")}
    </a>
  );
}
