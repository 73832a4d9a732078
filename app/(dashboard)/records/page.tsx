import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass, EmptyState, fieldClass } from "@/components/ui";
import { ClientMessages } from "@/components/i18n/client-messages";
import { queueClientMessages } from "@/components/records/client-messages";
import { PartnerFilter } from "@/components/records/partner-typeahead";
import { QueueTable, type QueueTableRow } from "@/components/records/queue-table";
import { getDb } from "@/db/index";
import { decodeCursor, encodeCursor, getPartnerName, listQueue, type QueueRow } from "@/db/queries/meetings";
import { meetingKindEnum } from "@/db/schema";
import { requireRolePage, roleAtLeast } from "@/lib/auth/session";
import { cachedCountByStatus, cachedFilterOptions } from "@/lib/queue/cache";
import { defaultStatus, filterQuery, queueHref, toFilters } from "@/lib/queue/url";
import { queueParamsSchema, queueSorts, statusTabs } from "@/lib/validations/meetings";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("review.queue");
  return { title: t("title") };
}

const PAGE_SIZE = 50;
const SEARCH_ID = "queue-search";

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

        <form method="get" action="/records" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-6">
          <input type="hidden" name="status" value={status} />
          <div className="sm:col-span-2 lg:col-span-3">
            <label htmlFor={SEARCH_ID} className="mb-1 block text-sm font-medium text-slate-800">
              {t("filters.q")}
            </label>
            <input id={SEARCH_ID} name="q" type="search" autoFocus={focusSearch} defaultValue={params.q ?? ""} placeholder={t("filters.qHint")} className={fieldClass} />
          </div>
          <FilterSelect id="f-kind" name="kind" label={t("filters.kind")} value={params.kind} any={t("filters.any")}
            options={meetingKindEnum.enumValues.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
          <FilterSelect id="f-theme" name="theme" label={t("filters.theme")} value={params.theme} any={t("filters.any")}
            options={options.themes.map((th) => ({ value: th.code, label: themeLabels[th.code] }))} />
          <FilterSelect id="f-sort" name="sort" label={t("filters.sort")} value={sort} options={queueSorts.map((s) => ({ value: s, label: t(`sort.${s}`) }))} />
          <PartnerFilter label={t("filters.partner")} initial={params.partner && partnerName ? { id: params.partner, name: partnerName } : null} />
          <div>
            <label htmlFor="f-official" className="mb-1 block text-sm font-medium text-slate-800">{t("filters.official")}</label>
            <input id="f-official" name="official" list="f-official-list" defaultValue={params.official ?? ""} className={fieldClass} />
            <datalist id="f-official-list">
              {options.officials.map((o) => <option key={o} value={o} />)}
            </datalist>
          </div>
          <FilterSelect id="f-outlet" name="outlet" label={t("filters.outlet")} value={params.outlet} any={t("filters.any")}
            options={options.outlets.map((o) => ({ value: o, label: o }))} />
          <div className="grid grid-cols-2 gap-2 lg:col-span-2">
            <div>
              <label htmlFor="f-from" className="mb-1 block text-sm font-medium text-slate-800">{t("filters.from")}</label>
              <input id="f-from" name="from" type="date" defaultValue={params.from ?? ""} className={fieldClass} />
            </div>
            <div>
              <label htmlFor="f-to" className="mb-1 block text-sm font-medium text-slate-800">{t("filters.to")}</label>
              <input id="f-to" name="to" type="date" defaultValue={params.to ?? ""} className={fieldClass} />
            </div>
          </div>
          <fieldset className="grid grid-cols-2 gap-2">
            <legend className="mb-1 text-sm font-medium text-slate-800">{t("filters.confidence")}</legend>
            <input name="minConf" type="number" min={0} max={100} aria-label={t("filters.minConf")} placeholder="0" defaultValue={params.minConf ?? ""} className={fieldClass} />
            <input name="maxConf" type="number" min={0} max={100} aria-label={t("filters.maxConf")} placeholder="100" defaultValue={params.maxConf ?? ""} className={fieldClass} />
          </fieldset>
          <div className="flex items-end gap-2 lg:col-span-1">
            <button type="submit" className={buttonClass("primary")}>{t("filters.apply")}</button>
            {filtered ? <Link href={queueHref({}, { status, sort: params.sort })} className={buttonClass("ghost")}>{t("filters.reset")}</Link> : null}
          </div>
        </form>

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

function FilterSelect({ id, name, label, value, options, any }: {
  id: string; name: string; label: string; value?: string; options: { value: string; label: string }[]; any?: string;
}) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""} className={fieldClass}>
        {any !== undefined ? <option value="">{any}</option> : null}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}
