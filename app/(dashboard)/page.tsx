import { getTranslations } from "next-intl/server";

export const dynamic = "force-dynamic";

export default async function Home() {
  const t = await getTranslations("app");
  return (
    <main className="mx-auto max-w-3xl p-8">
      <h1 className="text-2xl font-semibold">{t("name")}</h1>
      <p className="text-slate-600">{t("tagline")}</p>
    </main>
  );
}
