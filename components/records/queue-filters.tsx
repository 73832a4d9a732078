// The queue's filter form: a plain GET form, so every view of the queue is a URL.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass, fieldClass, Select } from "@/components/ui";
import { meetingKindEnum } from "@/db/schema";
import { queueHref } from "@/lib/queue/url";
import { queueSorts, type QueueParams } from "@/lib/validations/meetings";
import { PartnerFilter } from "./partner-typeahead";

export const SEARCH_ID = "queue-search";

export async function QueueFilters({
  params,
  status,
  options,
  themeLabels,
  partnerName,
  focusSearch,
  filtered,
}: {
  params: QueueParams;
  status: string;
  options: { outlets: string[]; officials: string[]; themes: { code: string }[] };
  themeLabels: Record<string, string>;
  partnerName: string | null;
  /** "/" on a record page comes here with the search field focused. */
  focusSearch: boolean;
  filtered: boolean;
}) {
  const t = await getTranslations("review");
  const any = { value: "", label: t("filters.any") };
  const label = "mb-1 block text-sm font-medium text-slate-800";
  return (
    <form method="get" action="/records" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-6">
      <input type="hidden" name="status" value={status} />
      <div className="sm:col-span-2 lg:col-span-3">
        <label htmlFor={SEARCH_ID} className={label}>{t("filters.q")}</label>
        <input id={SEARCH_ID} name="q" type="search" autoFocus={focusSearch} defaultValue={params.q ?? ""} placeholder={t("filters.qHint")} className={fieldClass} />
      </div>
      <Select id="f-kind" name="kind" label={t("filters.kind")} defaultValue={params.kind ?? ""} options={[any, ...meetingKindEnum.enumValues.map((k) => ({ value: k, label: t(`kind.${k}`) }))]} />
      <Select id="f-theme" name="theme" label={t("filters.theme")} defaultValue={params.theme ?? ""} options={[any, ...options.themes.map((th) => ({ value: th.code, label: themeLabels[th.code] }))]} />
      <Select id="f-sort" name="sort" label={t("filters.sort")} defaultValue={params.sort ?? "confidence"} options={queueSorts.map((s) => ({ value: s, label: t(`sort.${s}`) }))} />
      <PartnerFilter label={t("filters.partner")} initial={params.partner && partnerName ? { id: params.partner, name: partnerName } : null} />
      <div>
        <label htmlFor="f-official" className={label}>{t("filters.official")}</label>
        <input id="f-official" name="official" list="f-official-list" defaultValue={params.official ?? ""} className={fieldClass} />
        <datalist id="f-official-list">
          {options.officials.map((o) => <option key={o} value={o} />)}
        </datalist>
      </div>
      <Select id="f-outlet" name="outlet" label={t("filters.outlet")} defaultValue={params.outlet ?? ""} options={[any, ...options.outlets.map((o) => ({ value: o, label: o }))]} />
      <div className="grid grid-cols-2 gap-2 lg:col-span-2">
        <div>
          <label htmlFor="f-from" className={label}>{t("filters.from")}</label>
          <input id="f-from" name="from" type="date" defaultValue={params.from ?? ""} className={fieldClass} />
        </div>
        <div>
          <label htmlFor="f-to" className={label}>{t("filters.to")}</label>
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
  );
}
