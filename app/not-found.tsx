import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui";

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-16 text-center">
      <p className="text-5xl font-bold text-slate-400" aria-hidden="true">
        404
      </p>
      <h1 className="mt-2 text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="mt-2 text-slate-700">{t("notFoundText")}</p>
      <Link href="/" className={`${buttonClass("secondary")} mt-6`}>
        {t("backHome")}
      </Link>
    </main>
  );
}
