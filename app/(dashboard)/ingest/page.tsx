import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Card } from "@/components/ui";
import { JobProgress } from "@/components/ingest/job-progress";
import { PasteForm } from "@/components/ingest/paste-form";
import { ReextractButton } from "@/components/ingest/reextract-button";
import { UploadForm } from "@/components/ingest/upload-form";
import { getDb } from "@/db/index";
import { getJobView, recentJobs } from "@/db/queries/ingest";
import { requireRolePage } from "@/lib/auth/session";
import { formatBytes, MAX_FILE_BYTES, MAX_FILES_PER_UPLOAD } from "@/lib/ingest/limits";
import { jobIdSchema } from "@/lib/validations/ingest";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ingest"))("title") };
}

export default async function IngestPage({ searchParams }: { searchParams: Promise<{ job?: string }> }) {
  const user = await requireRolePage("editor");
  const t = await getTranslations("ingest");
  const jobParam = jobIdSchema.safeParse((await searchParams).job);
  const db = getDb();
  const job = jobParam.success ? await getJobView(db, jobParam.data) : null;
  const visibleJob = job && (job.createdBy === user.id || user.role === "admin") ? job : null;
  const recent = await recentJobs(db, user.id, 5);
  return (
    <ClientMessages namespaces={["ingest"]}>
      <div className="space-y-6">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-slate-600">{t("intro")}</p>
          <p className="text-sm text-slate-600">{t("limits", { files: MAX_FILES_PER_UPLOAD, size: formatBytes(MAX_FILE_BYTES) })}</p>
        </div>
        <Card title={t("upload")} id="ingest-upload">
          <UploadForm />
        </Card>
        {visibleJob ? (
          <Card title={t("job", { id: visibleJob.id })} id="ingest-job">
            <JobProgress key={visibleJob.id} initial={visibleJob} />
          </Card>
        ) : null}
        <Card title={t("paste")} id="ingest-paste">
          <PasteForm />
        </Card>
        {recent.length > 0 ? (
          <Card title={t("recentJobs")} id="ingest-recent">
            <ul className="space-y-1 text-sm">
              {recent.map((j) => (
                <li key={j.id}>
                  <Link className="text-blue-700 underline" href={`/ingest?job=${j.id}`}>
                    {t("job", { id: j.id })}
                  </Link>{" "}
                  — {t("progress", { done: j.done, total: j.total })}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        {user.role === "admin" ? (
          <Card title={t("reextract")} id="ingest-reextract">
            <p className="mb-3 text-sm text-slate-600">{t("reextractIntro")}</p>
            <ReextractButton />
          </Card>
        ) : null}
      </div>
    </ClientMessages>
  );
}
