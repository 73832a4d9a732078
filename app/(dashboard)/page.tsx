import { getTranslations } from "next-intl/server";
import { requireRolePage } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

// Placeholder: the analytics engineer replaces the body with the overview.
export default async function OverviewPage() {
  await requireRolePage("viewer");
  const t = await getTranslations("app");
  const common = await getTranslations("common");
  return (
    <div>
      <h1 className="text-2xl font-semibold">{t("name")}</h1>
      <p className="text-slate-600">{t("tagline")}</p>
      <p className="mt-4 text-slate-600">{common("overviewPlaceholder")}</p>
    </div>
  );
}
