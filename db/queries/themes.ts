// Reads for the theme taxonomy page: every theme with its keywords and record count.
import { asc, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/index";
import { meetingThemes, themeKeywords, themes } from "@/db/schema";

export async function listThemesWithKeywords(db: DbOrTx) {
  const rows = await db
    .select({
      code: themes.code,
      labelRu: themes.labelRu,
      labelEn: themes.labelEn,
      description: themes.description,
      retiredAt: themes.retiredAt,
      mergedInto: themes.mergedInto,
      meetings: sql<number>`(select count(*)::int from ${meetingThemes} mt where mt.theme_code = "themes"."code")`,
    })
    .from(themes)
    .orderBy(asc(themes.sortOrder), asc(themes.code));
  const keywords = await db.select().from(themeKeywords).orderBy(asc(themeKeywords.keyword));
  return rows.map((t) => ({ ...t, keywords: keywords.filter((k) => k.themeCode === t.code) }));
}

/** Each theme's label in the reader's language, by code. */
export async function themeLabels(db: DbOrTx, locale: "ru" | "en"): Promise<Map<string, string>> {
  const rows = await db.select({ code: themes.code, ru: themes.labelRu, en: themes.labelEn }).from(themes);
  return new Map(rows.map((th) => [th.code, locale === "en" ? th.en : th.ru]));
}
