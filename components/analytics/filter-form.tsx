// The analytics filters as a plain GET form: the filter lives in the URL, works
// without JavaScript, and every chart reads it from searchParams.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass, fieldClass } from "@/components/ui";
import type { FilterOptions } from "@/db/queries/analytics";
import type { AnalyticsFilter, FilterErrors } from "@/lib/analytics/filters";
import { granularities } from "@/lib/analytics/periods";
import { OptionList } from "./option-list";

const kinds = ["meeting", "phone_call", "conference", "statement", "other"] as const;

function Field({ id, label, children, hint }: { id: string; label: string; children: React.ReactNode; hint?: string }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint ? <p id={`${id}-hint`} className="text-xs text-slate-600">{hint}</p> : null}
    </div>
  );
}

export async function FilterForm({ filter, options, errors }: { filter: AnalyticsFilter; options: FilterOptions; errors: FilterErrors }) {
  const t = await getTranslations("analytics");
  const countries = options.partners.filter((p) => p.type === "country");
  const organizations = options.partners.filter((p) => p.type === "organization");
  const errorKeys = Object.keys(errors);
  return (
    <form method="get" action="/analytics" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="filters-title">
      <h2 id="filters-title" className="sr-only">
        {t("filters.legend")}
      </h2>
      {errorKeys.length ? (
        <div role="alert" className="mb-3 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
          {t("filters.invalid")}{" "}
          {errorKeys.map((k) => `${t.has(`fields.${k}`) ? t(`fields.${k}`) : k}: ${t.has(`errors.${errors[k]}`) ? t(`errors.${errors[k]}`) : errors[k]}`).join("; ")}
        </div>
      ) : null}
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-8">
        <Field id="f-from" label={t("filters.from")}>
          <input id="f-from" name="from" type="date" defaultValue={filter.from ?? ""} className={fieldClass} />
        </Field>
        <Field id="f-to" label={t("filters.to")}>
          <input id="f-to" name="to" type="date" defaultValue={filter.to ?? ""} className={fieldClass} />
        </Field>
        <Field id="f-type" label={t("filters.type")}>
          <select id="f-type" name="type" defaultValue={filter.partnerType ?? ""} className={fieldClass}>
            <option value="">{t("filters.any")}</option>
            <option value="country">{t("partnerTypes.country")}</option>
            <option value="organization">{t("partnerTypes.organization")}</option>
          </select>
        </Field>
        <Field id="f-partner" label={t("filters.partner")}>
          <select id="f-partner" name="partner" defaultValue={filter.partnerId ? String(filter.partnerId) : ""} className={fieldClass} aria-describedby="f-partner-hint">
            <option value="">{t("filters.any")}</option>
            <optgroup label={t("filters.organizations")}>
              <OptionList items={organizations.map((p) => [p.id, p.parentId ? `↳ ${p.name}` : p.name])} />
            </optgroup>
            <optgroup label={t("filters.countries")}>
              <OptionList items={countries.map((p) => [p.id, p.name])} />
            </optgroup>
          </select>
          <p id="f-partner-hint" className="sr-only">
            {t("filters.partnerHint")}
          </p>
        </Field>
        <Field id="f-theme" label={t("filters.theme")}>
          <select id="f-theme" name="theme" defaultValue={filter.theme ?? ""} className={fieldClass}>
            <option value="">{t("filters.any")}</option>
            <OptionList items={options.themes.map((th) => [th.code, th.label])} />
          </select>
        </Field>
        <Field id="f-kind" label={t("filters.kind")}>
          <select id="f-kind" name="kind" defaultValue={filter.kind ?? ""} className={fieldClass}>
            <option value="">{t("filters.any")}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="f-official" label={t("filters.official")}>
          <input id="f-official" name="official" list="f-official-list" defaultValue={filter.official ?? ""} className={fieldClass} autoComplete="off" />
          <datalist id="f-official-list">
            <OptionList items={options.officials.map((o) => [o, o])} />
          </datalist>
        </Field>
        <Field id="f-granularity" label={t("filters.granularity")}>
          <select id="f-granularity" name="granularity" defaultValue={filter.granularity} className={fieldClass}>
            {granularities.map((g) => (
              <option key={g} value={g}>
                {t(`granularity.${g}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <label className="inline-flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" name="pending" value="1" defaultChecked={filter.includePending} className="h-4 w-4 rounded border-slate-300" />
          {t("filters.pending")}
        </label>
        <span className="grow" />
        <Link href="/analytics" className={buttonClass("ghost", "sm")}>
          {t("filters.reset")}
        </Link>
        <button type="submit" className={buttonClass("primary", "sm")}>
          {t("filters.apply")}
        </button>
      </div>
    </form>
  );
}
