import { getLocale, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/registries/action-form";
import { FormField, FormSelect } from "@/components/registries/list";
import { Badge, Card } from "@/components/ui";
import { getDb } from "@/db/index";
import { listThemesWithKeywords } from "@/db/queries/themes";
import {
  addKeywordAction,
  createThemeAction,
  mergeThemesAction,
  removeKeywordAction,
  renameThemeAction,
  retireThemeAction,
} from "@/lib/actions/registries";
import { requireRolePage, roleAtLeast } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("registries"))("themes.title") };
}

export default async function ThemesPage() {
  const user = await requireRolePage("viewer");
  const t = await getTranslations("registries");
  const locale = await getLocale();
  const isAdmin = roleAtLeast(user.role, "admin");
  const rows = await listThemesWithKeywords(getDb());
  const live = rows.filter((r) => !r.retiredAt);
  return (
    <div className="space-y-4">
      <p className="text-slate-600">{t("themes.intro")}</p>
      {rows.map((theme) => (
        <Card key={theme.code} id={`theme-${theme.code}`}>
          <h2 className="text-base font-semibold">
            {locale === "en" ? theme.labelEn : theme.labelRu} <span className="text-sm font-normal text-slate-500">({theme.code})</span>{" "}
            {theme.mergedInto ? <Badge tone="warning">{t("themes.mergedInto", { code: theme.mergedInto })}</Badge> : theme.retiredAt ? <Badge tone="warning">{t("themes.retired")}</Badge> : null}
          </h2>
          <p className="text-sm text-slate-600">
            {theme.labelRu} / {theme.labelEn} · {t("themes.meetings", { count: theme.meetings })}
          </p>
          <ul className="mt-2 flex flex-wrap gap-1" aria-label={t("themes.keywords")}>
            {theme.keywords.map((k) => (
              <li key={k.id} className="flex items-center gap-1 rounded border border-slate-200 px-2 py-0.5 text-sm">
                {k.keyword}
                <span className="text-xs text-slate-500">×{k.weight}</span>
                {isAdmin && !theme.mergedInto ? (
                  <ActionForm action={removeKeywordAction} hidden={{ keywordId: k.id }} submitLabel="×" variant="ghost" className="inline-flex items-center" />
                ) : null}
              </li>
            ))}
          </ul>
          {isAdmin && !theme.mergedInto ? (
            <details className="mt-2">
              <summary className="cursor-pointer text-sm text-blue-800">{t("edit")}</summary>
              <div className="mt-2 space-y-2">
                <ActionForm action={addKeywordAction} hidden={{ themeCode: theme.code }} submitLabel={t("themes.addKeyword")}>
                  <FormField label={t("themes.keyword")} name="keyword" required />
                  <FormField label={t("themes.weight")} name="weight" type="number" step="0.5" min="0" max="5" defaultValue="1" />
                </ActionForm>
                <ActionForm action={renameThemeAction} hidden={{ code: theme.code }} submitLabel={t("themes.rename")}>
                  <FormField label={t("themes.labelRu")} name="labelRu" required defaultValue={theme.labelRu} />
                  <FormField label={t("themes.labelEn")} name="labelEn" required defaultValue={theme.labelEn} />
                </ActionForm>
                <ActionForm
                  action={retireThemeAction}
                  hidden={{ code: theme.code, retired: theme.retiredAt ? "false" : "true" }}
                  submitLabel={theme.retiredAt ? t("themes.restore") : t("themes.retire")}
                  confirm={t("confirm")}
                />
                {!theme.retiredAt ? (
                  <ActionForm action={mergeThemesAction} hidden={{ loser: theme.code }} submitLabel={t("themes.merge")} variant="danger" confirm={t("confirm")}>
                    <FormSelect
                      label={t("themes.mergeInto")}
                      name="survivor"
                      required
                      options={live.filter((o) => o.code !== theme.code).map((o) => ({ value: o.code, label: locale === "en" ? o.labelEn : o.labelRu }))}
                    />
                  </ActionForm>
                ) : null}
              </div>
            </details>
          ) : null}
        </Card>
      ))}
      {isAdmin ? (
        <Card title={t("themes.add")} id="theme-add">
          <ActionForm action={createThemeAction} submitLabel={t("themes.add")} variant="primary">
            <FormField label={t("themes.code")} name="code" required pattern="[a-z][a-z0-9_]{1,40}" />
            <FormField label={t("themes.labelRu")} name="labelRu" required />
            <FormField label={t("themes.labelEn")} name="labelEn" required />
          </ActionForm>
        </Card>
      ) : null}
    </div>
  );
}
