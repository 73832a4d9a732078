import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { DismissButton } from "@/components/records/record-set-forms";
import { buttonClass, Card } from "@/components/ui";
import { getDb } from "@/db/index";
import { listDuplicatePairs, type DuplicateSide } from "@/db/queries/duplicates";
import { requireRolePage } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recordSet.duplicates"))("title") };
}

export default async function DuplicatesPage() {
  await requireRolePage("editor");
  const t = await getTranslations("recordSet");
  const tk = await getTranslations("review.kind");
  const pairs = await listDuplicatePairs(getDb(), { limit: 100 });
  const side = (s: DuplicateSide) => (
    <div className="min-w-0 flex-1">
      <Link href={`/records/${s.id}`} className="font-medium text-blue-800 underline">
        #{s.id}
      </Link>{" "}
      {[tk(s.kind), s.date ?? t("duplicates.undated"), s.location, s.homeOfficial].filter(Boolean).join(" · ")}
      <div className="text-xs text-slate-600">
        {[s.outlet, s.title, t("duplicates.sources", { n: s.sources })].filter(Boolean).join(" · ")}
      </div>
    </div>
  );
  return (
    <ClientMessages namespaces={["recordSet"]}>
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">{t("duplicates.title")}</h1>
        <p className="text-sm text-slate-700">{t("duplicates.intro")}</p>
        <Card title={t("duplicates.title")} id="duplicates">
          {pairs.length === 0 ? (
            <p className="text-sm text-slate-600">{t("duplicates.empty")}</p>
          ) : (
            <ol className="divide-y divide-slate-200" data-testid="duplicate-pairs">
              {pairs.map((p) => (
                <li key={`${p.a.id}-${p.b.id}`} className="space-y-2 py-3 text-sm">
                  <div className="flex flex-wrap gap-4">
                    {side(p.a)}
                    {side(p.b)}
                  </div>
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="text-xs text-slate-600">{t("duplicates.shared", { names: p.sharedPartners.join(", ") })}</span>
                    <Link href={`/records/merge?target=${p.a.id}&other=${p.b.id}`} className={buttonClass("primary", "sm")}>
                      {t("duplicates.compare")}
                    </Link>
                    <DismissButton a={p.a.id} b={p.b.id} />
                  </div>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </ClientMessages>
  );
}
