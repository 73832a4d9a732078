import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ClientMessages } from "@/components/i18n/client-messages";
import { MergeForm, type MergeRow } from "@/components/records/merge-form";
import { getDb } from "@/db/index";
import { getRecord, type RecordView } from "@/db/queries/meetings";
import { getRemovedRecord } from "@/db/queries/record-operations";
import { requireRolePage } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

const params = z.object({ target: z.coerce.number().int().positive(), other: z.coerce.number().int().positive() });

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recordSet.merge"))("title") };
}

function rowsOf(a: RecordView, b: RecordView, label: (field: string) => string, kind: (k: string) => string): MergeRow[] {
  const people = (r: RecordView) => r.participants.map((p) => [p.name, p.position].filter(Boolean).join(", ")).join("\n");
  const values = (r: RecordView) => ({
    kind: kind(r.kind),
    date: r.date ?? "",
    location: r.location ?? "",
    participants: people(r),
    partners: r.partners.map((p) => p.name).join(", "),
    themes: r.themes.map((th) => th.labelRu).join(", "),
    quotes: r.quotes.map((q) => q.text).join("\n"),
  });
  const va = values(a);
  const vb = values(b);
  return (Object.keys(va) as MergeRow["field"][]).map((field) => ({
    field,
    label: label(field),
    target: va[field],
    other: vb[field],
    list: !["kind", "date", "location"].includes(field),
  }));
}

export default async function MergePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireRolePage("editor");
  const t = await getTranslations("recordSet");
  const th = await getTranslations("review.history.field");
  const tk = await getTranslations("review.kind");
  const parsed = params.safeParse(await searchParams);
  if (!parsed.success) return <p role="alert">{t("errors.not_found")}</p>;
  const { target, other } = parsed.data;
  if (target === other) return <p role="alert">{t("errors.merge_self")}</p>;
  const db = getDb();
  const [a, b] = await Promise.all([getRecord(db, target), getRecord(db, other)]);
  const missing = !a ? target : !b ? other : null;
  // Just merged (the form's page re-renders after the action): go to the record that kept both.
  const gone = a && !b ? await getRemovedRecord(db, other) : null;
  if (gone?.into === target) redirect(`/records/${target}`);
  return (
    <ClientMessages namespaces={["recordSet"]}>
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">{t("merge.title")}</h1>
        {missing || !a || !b ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">{t("merge.missing", { id: missing ?? other })}</p>
        ) : (
          <>
            <p className="text-sm text-slate-700">{t("merge.intro", { target, other })}</p>
            <p className="text-sm">
              {[a, b].map((r) => (
                <Link key={r.id} href={`/records/${r.id}`} className="mr-4 text-blue-800 underline">
                  #{r.id}: {r.article.outlet ?? "—"}, {r.article.title ?? "—"}
                </Link>
              ))}
            </p>
            <MergeForm targetId={a.id} targetVersion={a.version} otherId={b.id} otherVersion={b.version} rows={rowsOf(a, b, (f) => th(f), (k) => tk(k))} />
          </>
        )}
      </div>
    </ClientMessages>
  );
}
