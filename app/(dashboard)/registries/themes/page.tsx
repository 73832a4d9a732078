import { getLocale, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/registries/action-form";
import { Badge, Card, fieldClass } from "@/components/ui";
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
        <Card
          key={theme.code}
          id={`theme-${theme.code}`}
        >
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
                  <label className="text-sm">
                    {t("themes.keyword")}
                    <input name="keyword" required className={fieldClass} />
                  </label>
                  <label className="text-sm">
                    {t("themes.weight")}
                    <input name="weight" type="number" step="0.5" min="0" max="5" defaultValue="1" className={fieldClass} />
                  </label>
                </ActionForm>
                <ActionForm action={renameThemeAction} hidden={{ code: theme.code }} submitLabel={t("themes.rename")}>
                  <label className="text-sm">
                    {t("themes.labelRu")}
                    <input name="labelRu" required defaultValue={theme.labelRu} className={fieldClass} />
                  </label>
                  <label className="text-sm">
                    {t("themes.labelEn")}
                    <input name="labelEn" required defaultValue={theme.labelEn} className={fieldClass} />
                  </label>
                </ActionForm>
                <ActionForm
                  action={retireThemeAction}
                  hidden={{ code: theme.code, retired: theme.retiredAt ? "false" : "true" }}
                  submitLabel={theme.retiredAt ? t("themes.restore") : t("themes.retire")}
                  confirm={t("confirm")}
                />
                {!theme.retiredAt ? (
                  <ActionForm action={mergeThemesAction} hidden={{ loser: theme.code }} submitLabel={t("themes.merge")} variant="danger" confirm={t("confirm")}>
                    <label className="text-sm">
                      {t("themes.mergeInto")}
                      <select name="survivor" required className={fieldClass}>
                        {live
                          .filter((o) => o.code !== theme.code)
                          .map((o) => (
                            <option key={o.code} value={o.code}>
                              {locale === "en" ? o.labelEn : o.labelRu}
                            </option>
                          ))}
                      </select>
                    </label>
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
            <label className="text-sm">
              {t("themes.code")}
              <input name="code" required pattern="[a-z][a-z0-9_]{1,40}" className={fieldClass} />
            </label>
            <label className="text-sm">
              {t("themes.labelRu")}
              <input name="labelRu" required className={fieldClass} />
            </label>
            <label className="text-sm">
              {t("themes.labelEn")}
              <input name="labelEn" required className={fieldClass} />
            </label>
          </ActionForm>
        </Card>
      ) : null}
    </div>
  );
}
