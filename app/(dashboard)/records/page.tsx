import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass, EmptyState } from "@/components/ui";
import { ClientMessages } from "@/components/i18n/client-messages";
import { queueClientMessages } from "@/components/records/client-messages";
import { QueueFilters, SEARCH_ID } from "@/components/records/queue-filters";
import { QueueTable, type QueueTableRow } from "@/components/records/queue-table";
import { getDb } from "@/db/index";
import { decodeCursor, encodeCursor, getPartnerName, listQueue, type QueueRow } from "@/db/queries/meetings";
import { requireRolePage, roleAtLeast } from "@/lib/auth/session";
import { cachedCountByStatus, cachedFilterOptions } from "@/lib/queue/cache";
import { defaultStatus, filterQuery, queueHref, toFilters } from "@/lib/queue/url";
import { queueParamsSchema, statusTabs } from "@/lib/validations/meetings";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("review.queue");
  return { title: t("title") };
}

const PAGE_SIZE = 50;

export default async function QueuePage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRolePage("viewer");
  const t = await getTranslations("review");
  const locale = await getLocale();
  const raw = await props.searchParams;
  const params = queueParamsSchema.parse(raw);
  // "/" on a record page comes here with focus=search.
  const focusSearch = raw.focus === "search";
  const sort = params.sort ?? "confidence";
  const filters = toFilters(params);
  const after = decodeCursor(params.after, sort);
  const before = after ? undefined : decodeCursor(params.before, sort);

  const [page, counts, options, partnerName] = await Promise.all([
    listQueue(getDb(), {
      filters,
      sort,
      cursor: after ?? before,
      direction: before ? "prev" : "next",
      limit: PAGE_SIZE,
    }),
    cachedCountByStatus({ ...filters, status: undefined }),
    cachedFilterOptions(),
    params.partner ? getPartnerName(getDb(), params.partner) : Promise.resolve(null),
  ]);
  const themeLabels = Object.fromEntries(options.themes.map((th) => [th.code, locale === "en" ? th.labelEn : th.labelRu]));
  const status = params.status ?? defaultStatus;
  const canEdit = roleAtLeast(user.role, "editor");
  const filtered = Boolean(
    params.kind || params.partner || params.official || params.theme || params.outlet || params.from || params.to || params.q || params.minConf != null || params.maxConf != null,
  );

  return (
    <ClientMessages namespaces={queueClientMessages}>
      <div className="space-y-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-2xl font-semibold">{t("queue.title")}</h1>
          <p className="text-sm text-slate-600">{t("queue.keysHint")}</p>
        </div>

        <QueueFilters params={params} status={status} options={options} themeLabels={themeLabels} partnerName={partnerName} focusSearch={focusSearch} filtered={filtered} />

        <nav aria-label={t("queue.tabs")}>
          <ul className="flex flex-wrap gap-1 border-b border-slate-200">
            {statusTabs.map((s) => (
              <li key={s}>
                <Link
                  href={queueHref(params, { status: s, after: undefined, before: undefined })}
                  aria-current={s === status ? "page" : undefined}
                  className="queue-tab"
                >
                  {t(`tabs.${s}`)}
                  <span>{counts[s].toLocaleString(locale)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>

        {page.rows.length === 0 ? (
          <EmptyState
            title={filtered ? t("empty.filteredTitle") : t(`empty.${status}`)}
            action={filtered ? <Link href={queueHref({}, { status })} className={buttonClass("secondary")}>{t("filters.reset")}</Link> : undefined}
          >
            {filtered ? t("empty.filteredText") : null}
          </EmptyState>
        ) : (
          <QueueTable rows={page.rows.map(tableRow)} canEdit={canEdit} recordQuery={filterQuery(params, { status })} themeLabels={themeLabels} searchInputId={SEARCH_ID} />
        )}

        {page.prev || page.next ? (
          <nav aria-label={t("queue.pages")} className="flex justify-between">
            {page.prev ? (
              <Link rel="prev" href={`${queueHref(params)}${queueHref(params).includes("?") ? "&" : "?"}before=${encodeCursor(page.prev)}`} className={buttonClass("secondary", "sm")}>
                ← {t("queue.prev")}
              </Link>
            ) : <span />}
            {page.next ? (
              <Link rel="next" href={`${queueHref(params)}${queueHref(params).includes("?") ? "&" : "?"}after=${encodeCursor(page.next)}`} className={buttonClass("secondary", "sm")}>
                {t("queue.next")} →
              </Link>
            ) : null}
          </nav>
        ) : null}
      </div>
    </ClientMessages>
  );
}

// The row without the fields the table does not show (title, article), which would only weigh on the payload.
const tableRow = ({ id, version, date, kind, status, confidence, homeOfficial, outlet, partners, themes }: QueueRow): QueueTableRow => ({
  id, version, date, kind, status, confidence, homeOfficial, outlet, partners, themes,
});
