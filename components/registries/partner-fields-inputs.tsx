import { useTranslations } from "next-intl";
import { fieldClass } from "@/components/ui";

type Values = {
  type?: string;
  code?: string | null;
  nameRu?: string;
  nameEn?: string | null;
  fullNameRu?: string | null;
  fullNameEn?: string | null;
  region?: string | null;
  parentId?: number | null;
};

/** The editable fields of a partner (add and edit forms share them). */
export function PartnerFieldsInputs({
  idPrefix,
  values = {},
  choices,
  exceptId,
}: {
  idPrefix: string;
  values?: Values;
  choices: { id: number; nameRu: string; code: string | null; type: string }[];
  exceptId?: number;
}) {
  const t = useTranslations("registries.partners");
  const text = (name: keyof Values, required = false) => (
    <label className="text-sm" htmlFor={`${idPrefix}-${name}`}>
      {t(`fields.${name}`)}
      <input id={`${idPrefix}-${name}`} name={name} required={required} defaultValue={(values[name] as string | null | undefined) ?? ""} className={fieldClass} />
    </label>
  );
  return (
    <>
      <label className="text-sm" htmlFor={`${idPrefix}-type`}>
        {t("fields.type")}
        <select id={`${idPrefix}-type`} name="type" defaultValue={values.type ?? "organization"} className={fieldClass}>
          <option value="country">{t("types.country")}</option>
          <option value="organization">{t("types.organization")}</option>
        </select>
      </label>
      {text("code")}
      {text("nameRu", true)}
      {text("nameEn")}
      {text("fullNameRu")}
      {text("fullNameEn")}
      {text("region")}
      <label className="text-sm" htmlFor={`${idPrefix}-parentId`}>
        {t("fields.parentId")}
        <select id={`${idPrefix}-parentId`} name="parentId" defaultValue={values.parentId ? String(values.parentId) : ""} className={fieldClass}>
          <option value="">—</option>
          {choices
            .filter((c) => c.type === "organization" && c.id !== exceptId)
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.nameRu}
                {c.code ? ` (${c.code})` : ""}
              </option>
            ))}
        </select>
      </label>
    </>
  );
}
