// Theme taxonomy changes: add, rename (labels), retire/restore, merge, and the keyword
// lexicon. A merge moves the loser's records and keywords to the survivor and retires
// the loser; its history row lists what moved. Themes have a text key: their history
// rows carry entity_id 0 and the theme's code in `field`.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/index";
import { meetingThemes, themeKeywords, themes } from "@/db/schema";
import { normalizeAlias } from "@/lib/extract/registry";
import { recordHistory, registryChanged, type RegistryResult } from "./record";

async function run<R extends { ok: boolean }>(db: Db, fn: (tx: Tx) => Promise<R>): Promise<R> {
  const result = await db.transaction(fn);
  if (result.ok) registryChanged(db);
  return result;
}

export async function createTheme(
  db: Db,
  userId: number,
  input: { code: string; labelRu: string; labelEn: string; description?: string | null },
): Promise<RegistryResult> {
  return run(db, async (tx) => {
    const [existing] = await tx.select({ code: themes.code }).from(themes).where(eq(themes.code, input.code));
    if (existing) return { ok: false, code: "conflict" };
    const [{ next }] = await tx.select({ next: sql<number>`coalesce(max(${themes.sortOrder}), 0) + 1` }).from(themes);
    await tx.insert(themes).values({ ...input, description: input.description ?? null, sortOrder: Number(next) });
    await recordHistory(tx, { entityType: "theme", entityId: 0, action: "create", field: input.code, after: input, userId });
    return { ok: true };
  });
}

export async function renameTheme(db: Db, userId: number, input: { code: string; labelRu: string; labelEn: string }): Promise<RegistryResult> {
  return run(db, async (tx) => {
    const [cur] = await tx.select().from(themes).where(eq(themes.code, input.code));
    if (!cur) return { ok: false, code: "not_found" };
    await tx.update(themes).set({ labelRu: input.labelRu, labelEn: input.labelEn }).where(eq(themes.code, input.code));
    await recordHistory(tx, {
      entityType: "theme",
      entityId: 0,
      action: "rename",
      field: input.code,
      before: { labelRu: cur.labelRu, labelEn: cur.labelEn },
      after: { labelRu: input.labelRu, labelEn: input.labelEn },
      userId,
    });
    return { ok: true };
  });
}

/** Retires a theme (the extractor stops assigning it; records keep it) or brings it back. */
export async function setThemeRetired(db: Db, userId: number, { code, retired }: { code: string; retired: boolean }): Promise<RegistryResult> {
  return run(db, async (tx) => {
    const [cur] = await tx.select().from(themes).where(eq(themes.code, code));
    if (!cur) return { ok: false, code: "not_found" };
    if (!retired && cur.mergedInto) return { ok: false, code: "already_merged" };
    const retiredAt = retired ? (cur.retiredAt ?? new Date()) : null;
    await tx.update(themes).set({ retiredAt }).where(eq(themes.code, code));
    await recordHistory(tx, {
      entityType: "theme",
      entityId: 0,
      action: retired ? "retire" : "unretire",
      field: code,
      before: { retiredAt: cur.retiredAt },
      after: { retiredAt },
      userId,
    });
    return { ok: true };
  });
}

export async function mergeThemes(db: Db, userId: number, { loser, survivor }: { loser: string; survivor: string }): Promise<RegistryResult> {
  if (loser === survivor) return { ok: false, code: "same" };
  return run(db, async (tx) => {
    const rows = await tx.select().from(themes).where(inArray(themes.code, [loser, survivor]));
    const l = rows.find((r) => r.code === loser);
    const s = rows.find((r) => r.code === survivor);
    if (!l || !s) return { ok: false, code: "not_found" };
    if (l.mergedInto || s.mergedInto || s.retiredAt) return { ok: false, code: "already_merged" };

    const links = await tx.select().from(meetingThemes).where(eq(meetingThemes.themeCode, loser));
    const taken = new Set(
      links.length
        ? (
            await tx
              .select({ id: meetingThemes.meetingId })
              .from(meetingThemes)
              .where(and(eq(meetingThemes.themeCode, survivor), inArray(meetingThemes.meetingId, links.map((x) => x.meetingId))))
          ).map((r) => r.id)
        : [],
    );
    const moved = links.filter((x) => !taken.has(x.meetingId)).map((x) => x.meetingId);
    const dropped = links.filter((x) => taken.has(x.meetingId)).map((x) => ({ meetingId: x.meetingId, source: x.source, confidence: x.confidence }));
    if (dropped.length)
      await tx.delete(meetingThemes).where(and(eq(meetingThemes.themeCode, loser), inArray(meetingThemes.meetingId, dropped.map((d) => d.meetingId))));
    if (moved.length)
      await tx.update(meetingThemes).set({ themeCode: survivor }).where(and(eq(meetingThemes.themeCode, loser), inArray(meetingThemes.meetingId, moved)));

    const survivorKeywords = new Set(
      (await tx.select({ k: themeKeywords.keyword }).from(themeKeywords).where(eq(themeKeywords.themeCode, survivor))).map((r) => r.k),
    );
    const loserKeywords = await tx.select().from(themeKeywords).where(eq(themeKeywords.themeCode, loser));
    const movable = loserKeywords.filter((k) => !survivorKeywords.has(k.keyword)).map((k) => k.id);
    if (movable.length) await tx.update(themeKeywords).set({ themeCode: survivor }).where(inArray(themeKeywords.id, movable));

    await tx.update(themes).set({ mergedInto: survivor, retiredAt: l.retiredAt ?? new Date() }).where(eq(themes.code, loser));
    await recordHistory(tx, {
      entityType: "theme",
      entityId: 0,
      action: "merge",
      field: loser,
      before: { retiredAt: l.retiredAt },
      after: { survivor, movedMeetings: moved, droppedLinks: dropped, movedKeywords: movable },
      userId,
    });
    return { ok: true };
  });
}

export async function addThemeKeyword(
  db: Db,
  userId: number,
  input: { themeCode: string; keyword: string; weight?: number; source?: string },
  tx?: Tx,
): Promise<RegistryResult<{ keywordId: number | null }>> {
  const body = async (t: Tx): Promise<RegistryResult<{ keywordId: number | null }>> => {
    const [theme] = await t.select().from(themes).where(and(eq(themes.code, input.themeCode), isNull(themes.mergedInto)));
    if (!theme) return { ok: false, code: "not_found" };
    // Keywords are lower-case stems or phrases (the theme matcher's form).
    const keyword = normalizeAlias(input.keyword);
    if (!keyword) return { ok: false, code: "invalid" };
    const [row] = await t
      .insert(themeKeywords)
      .values({ themeCode: input.themeCode, keyword, weight: input.weight ?? 1, source: input.source ?? "editor" })
      .onConflictDoNothing()
      .returning({ id: themeKeywords.id });
    if (!row) return { ok: true, keywordId: null };
    await recordHistory(t, { entityType: "theme", entityId: 0, action: "keyword_add", field: input.themeCode, after: { keywordId: row.id, keyword, weight: input.weight ?? 1 }, userId });
    return { ok: true, keywordId: row.id };
  };
  if (tx) return body(tx);
  return run(db, body);
}

export async function removeThemeKeyword(db: Db, userId: number, { keywordId }: { keywordId: number }): Promise<RegistryResult> {
  return run(db, async (tx) => {
    const [row] = await tx.delete(themeKeywords).where(eq(themeKeywords.id, keywordId)).returning();
    if (!row) return { ok: false, code: "not_found" };
    await recordHistory(tx, { entityType: "theme", entityId: 0, action: "keyword_remove", field: row.themeCode, before: { keyword: row.keyword, weight: row.weight }, userId });
    return { ok: true };
  });
}
