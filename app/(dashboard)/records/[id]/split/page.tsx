import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { SplitForm } from "@/components/records/split-form";
import { getDb } from "@/db/index";
import { getRecord } from "@/db/queries/meetings";
import { requireRolePage } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: (await getTranslations("recordSet.split"))("title", { id: (await params).id }) };
}

export default async function SplitPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRolePage("editor");
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const record = await getRecord(getDb(), id);
  if (!record) notFound();
  const t = await getTranslations("recordSet");
  const groups = [
    { name: "participants" as const, options: record.participants.map((p) => ({ value: String(p.id), label: [p.name, p.position].filter(Boolean).join(", ") })) },
    { name: "partners" as const, options: record.partners.map((p) => ({ value: String(p.id), label: p.name })) },
    { name: "themes" as const, options: record.themes.map((th) => ({ value: th.code, label: th.labelRu })) },
    { name: "quotes" as const, options: record.quotes.map((q) => ({ value: String(q.id), label: q.text })) },
  ];
  return (
    <ClientMessages namespaces={["recordSet"]}>
      <div className="space-y-4">
        <p className="text-sm">
          <Link href={`/records/${id}`} className="text-blue-800 underline">#{id}</Link>
        </p>
        <h1 className="text-2xl font-semibold">{t("split.title", { id })}</h1>
        <p className="text-sm text-slate-700">{t("split.intro")}</p>
        <SplitForm id={record.id} version={record.version} groups={groups} />
      </div>
    </ClientMessages>
  );
}
