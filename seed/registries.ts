// Loads a Registry (the extractor's bundled defaults) into the registry tables:
// partners with codes, regions and parents, every alias, theme keywords and known
// people. Idempotent: entries are matched by code (or name when there is none) and
// aliases by their normalised form, so running it twice adds nothing.
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/index";
import { partnerAliases, partners, people, personAliases, themeKeywords, themes } from "@/db/schema";
import type { Registry, RegistryPartner } from "@/lib/extract/types";
import { normalizeAlias } from "@/lib/extract/registry";
import { normalizeName } from "@/lib/ingest/normalize";

function chunks<T>(items: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function aliasKind(alias: string, p: RegistryPartner): string {
  if (p.aliasKinds?.[alias]) return p.aliasKinds[alias];
  if (alias === p.name) return "name";
  if (alias === p.fullNameRu) return "full_name";
  if (/^[A-ZА-ЯЁ0-9 .\-]+$/.test(alias) && alias.length <= 12) return "abbreviation";
  if (/(ский|ская|ское|ские|цкий|цкая)(\s|$|-)/i.test(alias) || /-$/.test(alias)) return "adjective";
  return "case_form";
}

async function partnerIds(db: Db, registry: Registry): Promise<Map<RegistryPartner, number>> {
  const withCode = registry.partners.filter((p) => p.code);
  for (const batch of chunks(withCode)) {
    await db
      .insert(partners)
      .values(
        batch.map((p) => ({
          type: p.type,
          code: p.code,
          nameRu: p.name,
          nameEn: p.nameEn ?? null,
          fullNameRu: p.fullNameRu ?? null,
          region: p.region ?? null,
        })),
      )
      .onConflictDoNothing({ target: partners.code });
  }
  const byCode = new Map(
    (await db.select({ id: partners.id, code: partners.code }).from(partners).where(sql`${partners.code} is not null`)).map(
      (r) => [r.code!, r.id],
    ),
  );
  const ids = new Map<RegistryPartner, number>();
  for (const p of registry.partners) {
    if (p.code) {
      ids.set(p, byCode.get(p.code)!);
      continue;
    }
    // Entries without a code (БРИКС) are matched by their Russian name.
    const [existing] = await db
      .select({ id: partners.id })
      .from(partners)
      .where(and(isNull(partners.code), sql`lower(${partners.nameRu}) = ${p.name.toLowerCase()}`));
    const id =
      existing?.id ??
      (
        await db
          .insert(partners)
          .values({ type: p.type, code: null, nameRu: p.name, nameEn: p.nameEn ?? null, fullNameRu: p.fullNameRu ?? null, region: p.region ?? null })
          .returning({ id: partners.id })
      )[0].id;
    ids.set(p, id);
  }
  return ids;
}

export async function seedRegistries(db: Db, registry: Registry): Promise<void> {
  const ids = await partnerIds(db, registry);
  const byCode = new Map(registry.partners.filter((p) => p.code).map((p) => [p.code!, ids.get(p)!]));

  for (const p of registry.partners) {
    const parentId = p.parent ? byCode.get(p.parent) : undefined;
    if (parentId && parentId !== ids.get(p)) {
      await db
        .update(partners)
        .set({ parentId })
        .where(and(eq(partners.id, ids.get(p)!), isNull(partners.parentId)));
    }
  }

  const aliasRows = new Map<string, typeof partnerAliases.$inferInsert>();
  for (const p of registry.partners) {
    for (const alias of [p.name, ...(p.fullNameRu ? [p.fullNameRu] : []), ...p.aliases]) {
      const normalized = normalizeAlias(alias);
      if (!normalized || aliasRows.has(normalized)) continue;
      aliasRows.set(normalized, { partnerId: ids.get(p)!, alias, normalized, kind: aliasKind(alias, p), source: "seed" });
    }
  }
  for (const batch of chunks([...aliasRows.values()])) {
    await db.insert(partnerAliases).values(batch).onConflictDoNothing({ target: partnerAliases.normalized });
  }

  const themeCodes = new Set((await db.select({ code: themes.code }).from(themes)).map((t) => t.code));
  const keywordRows = registry.themes
    .filter((t) => themeCodes.has(t.code))
    .flatMap((t) =>
      [...new Set(t.keywords)].map((keyword) => ({ themeCode: t.code, keyword, weight: t.weights?.[keyword] ?? 1, source: "seed" })),
    );
  for (const batch of chunks(keywordRows)) {
    await db.insert(themeKeywords).values(batch).onConflictDoNothing();
  }

  for (const person of registry.people ?? []) {
    const normalized = normalizeName(person.name);
    const [existing] = await db.select({ id: people.id }).from(people).where(eq(people.normalized, normalized));
    const id =
      existing?.id ??
      (await db.insert(people).values({ name: person.name, normalized }).returning({ id: people.id }))[0].id;
    const names = [person.name, ...person.aliases];
    await db
      .insert(personAliases)
      .values(names.map((alias) => ({ personId: id, alias, normalized: normalizeName(alias), source: "seed" })))
      .onConflictDoNothing();
  }
}
