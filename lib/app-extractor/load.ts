// The extractor's Registry built from the database's curated registries, so that an
// alias an admin accepts is used by the next extraction. Cached per process and per
// database; the cache is checked against a cheap "registry version" query on every use
// so that a change made by another app instance is seen too.
import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/index";
import { queryRows } from "@/db/index";
import { partnerAliases, partners, people, personAliases, themeKeywords, themes } from "@/db/schema";
import type { Registry, RegistryPartner } from "@/lib/extract/types";

/**
 * Changes whenever a registry row is added, removed or edited. People and aliases the
 * extractor itself creates while ingesting are left out: they would change the version
 * with every article and teach the extractor nothing.
 */
export async function registryVersion(db: DbOrTx): Promise<string> {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`select
      (select count(*) || ':' || coalesce(max(updated_at)::text, '') from partners) as p,
      (select count(*) || ':' || coalesce(max(created_at)::text, '') from partner_aliases) as pa,
      (select count(*) || ':' || coalesce(max(updated_at)::text, '') from themes) as t,
      (select count(*) || ':' || coalesce(max(created_at)::text, '') from theme_keywords) as tk,
      (select count(*) || ':' || coalesce(max(created_at)::text, '') from person_aliases where source <> 'extractor') as pe`,
  );
  return Object.values(row).join("|");
}

export async function loadRegistry(db: DbOrTx): Promise<Registry> {
  const partnerRows = await db
    .select({
      id: partners.id,
      code: partners.code,
      type: partners.type,
      nameRu: partners.nameRu,
      nameEn: partners.nameEn,
      fullNameRu: partners.fullNameRu,
      region: partners.region,
      parentId: partners.parentId,
    })
    .from(partners)
    .where(isNull(partners.mergedIntoId))
    .orderBy(asc(partners.id));
  const aliasRows = await db
    .select({ partnerId: partnerAliases.partnerId, alias: partnerAliases.alias, kind: partnerAliases.kind })
    .from(partnerAliases)
    .orderBy(asc(partnerAliases.id));
  const mergedInto = new Map(
    (await db.select({ id: partners.id, into: partners.mergedIntoId }).from(partners).where(sql`${partners.mergedIntoId} is not null`)).map(
      (r) => [r.id, r.into!],
    ),
  );
  const survivor = (id: number): number => {
    let current = id;
    for (let hop = 0; mergedInto.has(current) && hop < 10; hop++) current = mergedInto.get(current)!;
    return current;
  };
  const byId = new Map<number, RegistryPartner>();
  const codeOf = new Map(partnerRows.map((r) => [r.id, r.code]));
  for (const r of partnerRows) {
    byId.set(r.id, {
      code: r.code,
      name: r.nameRu,
      type: r.type,
      parent: r.parentId ? (codeOf.get(survivor(r.parentId)) ?? null) : null,
      nameEn: r.nameEn,
      fullNameRu: r.fullNameRu,
      region: r.region,
      aliases: [],
      aliasKinds: {},
    });
  }
  for (const a of aliasRows) {
    const p = byId.get(survivor(a.partnerId));
    if (p && !p.aliases.includes(a.alias)) {
      p.aliases.push(a.alias);
      p.aliasKinds![a.alias] = a.kind;
    }
  }

  const themeRows = await db
    .select({ code: themes.code })
    .from(themes)
    .where(and(isNull(themes.retiredAt), isNull(themes.mergedInto)))
    .orderBy(asc(themes.sortOrder), asc(themes.code));
  const keywordRows = await db
    .select({ themeCode: themeKeywords.themeCode, keyword: themeKeywords.keyword, weight: themeKeywords.weight, mergedInto: themes.mergedInto })
    .from(themeKeywords)
    .innerJoin(themes, eq(themes.code, themeKeywords.themeCode))
    .orderBy(asc(themeKeywords.id));
  const keywords = new Map(themeRows.map((t) => [t.code, { keywords: [] as string[], weights: {} as Record<string, number> }]));
  for (const k of keywordRows) {
    const entry = keywords.get(k.mergedInto ?? k.themeCode);
    if (!entry || entry.keywords.includes(k.keyword)) continue;
    entry.keywords.push(k.keyword);
    entry.weights[k.keyword] = k.weight;
  }

  const curated = await db
    .select({ personId: personAliases.personId, alias: personAliases.alias, name: people.name })
    .from(personAliases)
    .innerJoin(people, eq(people.id, personAliases.personId))
    .where(and(ne(personAliases.source, "extractor"), isNull(people.mergedIntoId)))
    .orderBy(asc(personAliases.id));
  const known = new Map<number, { name: string; aliases: string[] }>();
  for (const row of curated) {
    const entry = known.get(row.personId) ?? { name: row.name, aliases: [] };
    if (row.alias !== row.name && !entry.aliases.includes(row.alias)) entry.aliases.push(row.alias);
    known.set(row.personId, entry);
  }

  return {
    partners: [...byId.values()],
    themes: [...keywords].map(([code, entry]) => ({ code, keywords: entry.keywords, weights: entry.weights })),
    people: [...known.values()],
  };
}

/**
 * True when the database holds no seeded registry (no coded partner or no theme keyword),
 * e.g. before seeding: the bundled defaults are used then, not the handful of partners
 * that ingestion may have created on its own.
 */
export function isEmptyRegistry(registry: Registry): boolean {
  return !registry.partners.some((p) => p.code) || registry.themes.every((t) => t.keywords.length === 0);
}
