import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { recordClientMessages } from "@/components/records/client-messages";
import { RecordWorkspace } from "@/components/records/record-workspace";
import { getDb } from "@/db/index";
import { getQueueNeighbours, getRecord } from "@/db/queries/meetings";
import { listMeetingHistory } from "@/db/queries/history";
import { getRemovedRecord, listOpenOperations } from "@/db/queries/record-operations";
import { requireRolePage, roleAtLeast } from "@/lib/auth/session";
import { cachedFilterOptions } from "@/lib/queue/cache";
import { filterQuery, queueHref, toFilters } from "@/lib/queue/url";
import { queueParamsSchema } from "@/lib/validations/meetings";
import { isDbId } from "@/lib/validations/ids";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props) {
  const t = await getTranslations("review.record");
  return { title: t("title", { id: (await params).id }) };
}

export default async function RecordPage({ params, searchParams }: Props) {
  const user = await requireRolePage("viewer");
  const id = Number((await params).id);
  if (!isDbId(id)) notFound();
  // The queue's filters ride along in the URL so j / k follow the queue the editor came from.
  const queue = queueParamsSchema.parse(await searchParams);
  const sort = queue.sort ?? "confidence";
  const db = getDb();
  const [record, history, neighbours, options, locale, operations] = await Promise.all([
    getRecord(db, id),
    listMeetingHistory(db, id),
    getQueueNeighbours(db, { id, filters: toFilters(queue), sort }),
    cachedFilterOptions(),
    getLocale(),
    listOpenOperations(db, id),
  ]);
  if (!record) {
    // A merged-away or deleted record: say so instead of a bare 404.
    const gone = await getRemovedRecord(db, id);
    if (gone) redirect(gone.into ? `/records/${gone.into}?merged=${id}` : "/records/deleted");
    notFound();
  }
  const query = filterQuery(queue);
  const link = (other: number | null) => (other ? `/records/${other}${query ? `?${query}` : ""}` : null);
  return (
    <ClientMessages namespaces={recordClientMessages}>
      <RecordWorkspace
        record={record}
        history={history}
        seenHistoryId={history[0]?.id ?? 0}
        canEdit={roleAtLeast(user.role, "editor")}
        themes={options.themes.map((th) => ({ code: th.code, label: locale === "en" ? th.labelEn : th.labelRu }))}
        prevHref={link(neighbours.prevId)}
        nextHref={link(neighbours.nextId)}
        queueHref={queueHref(queue)}
        isAdmin={roleAtLeast(user.role, "admin")}
        operations={operations.map((o) => ({ id: o.id, kind: o.kind, at: o.createdAt.toISOString().slice(0, 16).replace("T", " "), userName: o.userName }))}
      />
    </ClientMessages>
  );
}
