import { count, eq, isNotNull } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/index";
import { articles, history, meetings, partnerAliases, partners, people, themeKeywords, themes } from "@/db/schema";
import { defaultRegistry, normalizeAlias } from "@/lib/extract/registry";
import { loadRegistry } from "@/lib/app-extractor";
import { seedDatabase, seedIfEmpty } from "@/seed/seed";
import { testDbKinds, useTestDb } from "../helpers/test-db";

async function counts(db: Db) {
  const n = async (table: PgTable) => (await db.select({ n: count() }).from(table))[0].n;
  return {
    themes: await n(themes),
    partners: await n(partners),
    aliases: await n(partnerAliases),
    keywords: await n(themeKeywords),
    articles: await n(articles),
    meetings: await n(meetings),
    people: await n(people),
    history: await n(history),
  };
}

describe.each(testDbKinds())("seeding on %s", (kind) => {
  const t = useTestDb(kind);

  it("loads the whole bundled registry and the five articles, and seeding twice creates nothing twice", async () => {
    const first = await seedDatabase(t.db);
    // Five bundled files; the pipeline may find more than one article in a file.
    expect(first.length).toBeGreaterThanOrEqual(5);
    expect(first.every((o) => o.status === "stored")).toBe(true);
    const after = await counts(t.db);
    const bundled = defaultRegistry();
    expect(after.articles).toBe(first.length);
    expect(after.partners).toBeGreaterThanOrEqual(bundled.partners.length);
    expect(after.keywords).toBe(new Set(bundled.themes.flatMap((th) => th.keywords.map((k) => `${th.code}:${k}`))).size);

    // Countries carry ISO codes and regions, organisations their parents, aliases their normalised form.
    const [us] = await t.db.select().from(partners).where(eq(partners.code, "US"));
    expect([us.type, us.nameRu, us.region]).toEqual(["country", "США", "North America"]);
    const [osceOffice] = await t.db.select().from(partners).where(eq(partners.code, "OSCE_PA"));
    const [osce] = await t.db.select().from(partners).where(eq(partners.code, "OSCE"));
    expect(osceOffice.parentId).toBe(osce.id);
    const usAliases = await t.db.select().from(partnerAliases).where(eq(partnerAliases.partnerId, us.id));
    expect(usAliases.map((a) => a.normalized)).toContain(normalizeAlias("Соединённые Штаты"));
    expect((await t.db.select({ n: count() }).from(meetings).where(isNotNull(meetings.id)))[0].n).toBeGreaterThan(0);

    // The registry read back from the tables holds what was bundled.
    const loaded = await loadRegistry(t.db);
    const loadedUs = loaded.partners.find((p) => p.code === "US")!;
    for (const alias of bundled.partners.find((p) => p.code === "US")!.aliases) expect(loadedUs.aliases).toContain(alias);
    expect(loaded.partners.find((p) => p.code === "OSCE_PA")!.parent).toBe("OSCE");

    const second = await seedDatabase(t.db);
    expect(second.map((o) => o.status)).toEqual(first.map(() => "duplicate"));
    expect(await counts(t.db)).toEqual(after);
    expect((await seedIfEmpty(t.db, { demoUser: false })).seeded).toBe(false);
    expect(await counts(t.db)).toEqual(after);
  });
});
