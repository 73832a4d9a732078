import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { RestoreButton } from "@/components/records/record-set-forms";
import { Card } from "@/components/ui";
import { getDb } from "@/db/index";
import { listDeletedRecords } from "@/db/queries/record-operations";
import { requireRolePage } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recordSet.deleted"))("title") };
}

export default async function DeletedRecordsPage() {
  await requireRolePage("admin");
  const t = await getTranslations("recordSet");
  const tk = await getTranslations("review.kind");
  const rows = await listDeletedRecords(getDb());
  return (
    <ClientMessages namespaces={["recordSet"]}>
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">{t("deleted.title")}</h1>
        <p className="text-sm text-slate-700">{t("deleted.intro")}</p>
        <Card title={t("deleted.title")} id="deleted">
          {rows.length === 0 ? (
            <p className="text-sm text-slate-600">{t("deleted.empty")}</p>
          ) : (
            <ul className="divide-y divide-slate-200">
              {rows.map((r) => (
                <li key={r.id} className="flex flex-wrap items-center gap-3 py-2 text-sm">
                  <span className="font-medium">#{r.meetingIds[0]}</span>
                  <span>{[r.kind ? tk(r.kind) : null, r.date, r.homeOfficial].filter(Boolean).join(" · ")}</span>
                  <span className="text-xs text-slate-600">
                    {t("deleted.by", { name: r.userName ?? "—", at: r.createdAt.toISOString().slice(0, 16).replace("T", " ") })}
                  </span>
                  <RestoreButton operationId={r.id} />
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </ClientMessages>
  );
}
