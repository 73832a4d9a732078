import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { SourceForm } from "@/components/sources/source-form";
import { SourceHealth } from "@/components/sources/source-health";
import { SourceLog } from "@/components/sources/source-log";
import { SourceRowActions } from "@/components/sources/source-row-actions";
import { Badge, Card, EmptyState } from "@/components/ui";
import { getDb } from "@/db/index";
import { listSourceLinks, listSources, sourceHealth, type SourceListRow } from "@/db/queries/sources";
import { requireRolePage } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sources"))("title") };
}

async function LastPoll({ source }: { source: SourceListRow }) {
  const t = await getTranslations("sources");
  const format = await getFormatter();
  if (!source.lastPolledAt) return <span className="text-slate-600">{t("never")}</span>;
  const when = format.dateTime(source.lastPolledAt, { dateStyle: "short", timeStyle: "short" });
  let what: string;
  if (source.lastOutcome === "failed") what = t("failedWith", { error: source.lastError ?? "" });
  else if (source.lastOutcome === "not_modified") what = t("notModified");
  else {
    what = t("foundCounts", {
      found: source.lastFound ?? 0,
      stored: source.lastStored ?? 0,
      known: source.lastKnown ?? 0,
      refused: source.lastRefused ?? 0,
      failed: source.lastFailed ?? 0,
    });
  }
  return (
    <span className={source.lastOutcome === "failed" ? "text-red-700" : "text-slate-800"}>
      {when}: {what}
    </span>
  );
}

export default async function SourcesPage() {
  await requireRolePage("admin");
  const t = await getTranslations("sources");
  const db = getDb();
  const rows = await listSources(db);
  const health = await sourceHealth(db, 14);
  const logs = new Map(await Promise.all(rows.map(async (r) => [r.id, await listSourceLinks(db, r.id, 30)] as const)));
  return (
    <ClientMessages namespaces={["sources", "common"]}>
      <div className="space-y-6">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="max-w-3xl text-slate-600">{t("intro")}</p>
        </div>
        <Card title={t("listCaption")} id="sources-list">
          {rows.length === 0 ? (
            <EmptyState title={t("empty")} />
          ) : (
            <ul className="divide-y divide-slate-200">
              {rows.map((s) => (
                <li key={s.id} className="space-y-2 py-3" data-source-id={s.id}>
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <div className="space-y-1">
                      <h3 className="font-semibold">
                        {s.name} <Badge tone={s.active ? "success" : "neutral"}>{s.active ? t("active") : t("paused")}</Badge>
                      </h3>
                      <p className="break-all text-sm text-slate-700">
                        {t(`kinds.${s.kind}`)} · {t("everyMinutes", { minutes: s.intervalMinutes })} · {s.url}
                        {s.linkPattern ? ` · ${s.linkPattern}` : ""}
                      </p>
                      <p className="text-sm">
                        {t("lastPoll")}: <LastPoll source={s} />
                      </p>
                      <SourceHealth days={health.filter((h) => h.sourceId === s.id)} />
                    </div>
                    <SourceRowActions source={{ id: s.id, name: s.name, active: s.active }} />
                  </div>
                  <details>
                    <summary className="cursor-pointer text-sm text-blue-800">{t("log")}</summary>
                    <div className="mt-2">
                      <SourceLog links={logs.get(s.id) ?? []} />
                    </div>
                  </details>
                  <details>
                    <summary className="cursor-pointer text-sm text-blue-800">{t("edit")}</summary>
                    <div className="mt-2">
                      <SourceForm source={{ id: s.id, name: s.name, url: s.url, kind: s.kind, linkPattern: s.linkPattern, intervalMinutes: s.intervalMinutes }} />
                    </div>
                  </details>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("add")} id="sources-add">
          <SourceForm />
        </Card>
      </div>
    </ClientMessages>
  );
}
