"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { JobView } from "@/db/queries/ingest";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui";
import { OutcomeLine } from "./outcome-line";

/** A job's progress bar and per-file results, polled until the job is done (render it with key={job.id}). */
export function JobProgress({ initial }: { initial: JobView }) {
  const t = useTranslations("ingest");
  const [job, setJob] = useState(initial);
  const finished = job.status === "done" || job.status === "failed";

  useEffect(() => {
    if (finished) return;
    let cancelled = false;
    const timer = setInterval(async () => {
      const response = await fetch(`/api/ingest/${job.id}`, { cache: "no-store" }).catch(() => null);
      if (!response?.ok || cancelled) return;
      setJob((await response.json()) as JobView);
    }, 1000);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [job.id, finished]);

  return (
    <div className="space-y-3">
      <div>
        <div className="mb-1 flex justify-between text-sm">
          <span>{t("progress", { done: job.done, total: job.total })}</span>
          <span>{finished ? t("jobDone") : t("jobRunning")}</span>
        </div>
        <progress className="h-3 w-full" max={Math.max(job.total, 1)} value={job.done} aria-label={t("progress", { done: job.done, total: job.total })} />
      </div>
      <Table caption={t("job", { id: job.id })}>
        <THead>
          <Tr>
            <Th>{t("file")}</Th>
            <Th>{t("result")}</Th>
          </Tr>
        </THead>
        <TBody>
          {job.items.map((item) => (
            <Tr key={item.id}>
              <Th scope="row" className="font-normal break-all">
                {item.fileName}
              </Th>
              <Td>
                <OutcomeLine status={item.status} articleId={item.articleId} meetingsCreated={item.meetingsCreated} message={item.message} />
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
