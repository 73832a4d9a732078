import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/registries/action-form";
import { FormField } from "@/components/registries/list";
import { Card, EmptyState } from "@/components/ui";
import { getDb } from "@/db/index";
import { themeLabels } from "@/db/queries/themes";
import { listProposals, type ProposalStatus } from "@/db/queries/proposals";
import { reextractPendingAction } from "@/lib/actions/ingest";
import { decideProposalAction, previewProposalAction } from "@/lib/actions/registries";
import { requireRolePage, roleAtLeast } from "@/lib/auth/session";
import { learnFromHistory } from "@/lib/registries/learning";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("registries"))("proposals.title") };
}

const statuses: ProposalStatus[] = ["pending", "accepted", "rejected"];

function describe(kind: string, p: Record<string, unknown>, themeLabel: (code: string) => string): string {
  if (kind === "partner_alias") return `«${p.alias}» → ${p.partnerName ?? "—"}${p.replacedPartnerName ? ` (${p.replacedPartnerName} ✗)` : ""}`;
  if (kind === "person_alias") return `«${p.alias}» → ${p.name}`;
  return `${p.action === "remove" ? "−" : "+"} «${p.keyword}» · ${themeLabel(String(p.themeCode))}`;
}

export default async function ProposalsPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRolePage("editor");
  const t = await getTranslations("registries");
  const raw = (await props.searchParams).status;
  const status = statuses.includes(raw as ProposalStatus) ? (raw as ProposalStatus) : "pending";
  const db = getDb();
  // Corrections saved since the last look become proposals now.
  await learnFromHistory(db);
  const [rows, locale] = await Promise.all([listProposals(db, status), getLocale()]);
  const labels = await themeLabels(db, locale === "en" ? "en" : "ru");
  const themeLabel = (code: string) => labels.get(code) ?? code;
  const isAdmin = roleAtLeast(user.role, "admin");
  return (
    <div className="space-y-4">
      <p className="text-slate-600">{t("proposals.intro")}</p>
      <nav aria-label={t("proposals.status")} className="flex gap-3 text-sm">
        {statuses.map((s) => (
          <Link key={s} href={`/registries/proposals?status=${s}`} aria-current={s === status ? "page" : undefined} className={s === status ? "font-semibold" : "text-blue-800 underline"}>
            {t(`proposals.statuses.${s}`)}
          </Link>
        ))}
      </nav>
      {isAdmin ? (
        <Card title={t("proposals.reextract")} id="proposals-reextract">
          <p className="mb-2 text-sm text-slate-600">{t("proposals.reextractHelp")}</p>
          <ActionForm action={reextractPendingAction} submitLabel={t("proposals.reextract")} confirm={t("confirm")} />
        </Card>
      ) : null}
      <Card title={t(`proposals.statuses.${status}`)} id="proposals-list">
        {rows.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <ul className="divide-y divide-slate-200">
            {rows.map((p) => (
              <li key={p.id} className="space-y-1 py-2">
                <p>
                  <strong>{t(`proposals.kinds.${p.kind}`)}</strong>: {describe(p.kind, p.payload, themeLabel)} {t("proposals.always")}
                </p>
                <p className="text-xs text-slate-500">
                  {p.proposedBy ?? "—"} · {p.createdAt.toISOString().slice(0, 10)}
                  {p.meetingId ? (
                    <>
                      {" · "}
                      <Link className="text-blue-800 underline" href={`/records/${p.meetingId}`}>
                        {t("record")} #{p.meetingId}
                      </Link>
                    </>
                  ) : null}
                </p>
                <ProposalSupport payload={p.payload} label={(records, articles) => t("proposals.support", { records, articles })} recordLabel={t("record")} />
                {status === "pending" ? (
                  <ActionForm action={previewProposalAction} hidden={{ id: p.id }} submitLabel={t("proposals.preview")} variant="ghost" />
                ) : null}
                {isAdmin && status === "pending" ? (
                  <div className="flex flex-wrap gap-4">
                    <ActionForm action={decideProposalAction} hidden={{ id: p.id, decision: "accept" }} submitLabel={t("proposals.accept")} variant="primary">
                      <FormField
                        label={p.kind === "theme_keyword" ? t("themes.keyword") : t("partners.alias")}
                        name={p.kind === "theme_keyword" ? "keyword" : "alias"}
                        defaultValue={String(p.kind === "theme_keyword" ? p.payload.keyword : p.payload.alias)}
                      />
                    </ActionForm>
                    <ActionForm action={decideProposalAction} hidden={{ id: p.id, decision: "reject" }} submitLabel={t("proposals.reject")} variant="ghost" />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

/** The records whose corrections a learned proposal rests on, linked. */
function ProposalSupport({ payload, label, recordLabel }: { payload: Record<string, unknown>; label: (records: number, articles: number) => string; recordLabel: string }) {
  const support = payload.support as { records?: number; articles?: number; meetingIds?: number[] } | undefined;
  if (!support?.records) return null;
  return (
    <p className="text-xs text-slate-600">
      {label(support.records, support.articles ?? 0)}:{" "}
      {(support.meetingIds ?? []).map((id, i) => (
        <span key={id}>
          {i ? ", " : ""}
          <Link className="text-blue-800 underline" href={`/records/${id}`}>
            {recordLabel} #{id}
          </Link>
        </span>
      ))}
    </p>
  );
}
