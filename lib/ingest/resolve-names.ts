// Links extracted names to registry rows inside the article's transaction, creating
// the rows a first mention needs. Creation takes a transaction-scoped advisory lock on
// the name, so two articles ingested at once that name the same new person create it once.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/index";
import { partnerAliases, partners, people, personAliases } from "@/db/schema";
import type { ExtractedPartner, Side } from "@/lib/extract/types";
import { normalizeAlias } from "@/lib/extract/registry";
import { normalizeName } from "./normalize";

async function lockName(tx: Tx, namespace: string, normalized: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${namespace}:${normalized}`}))`);
}

/** The surviving entry of a chain of merges. */
async function survivingPerson(tx: Tx, id: number): Promise<number> {
  let current = id;
  for (let hop = 0; hop < 10; hop++) {
    const [row] = await tx.select({ mergedIntoId: people.mergedIntoId }).from(people).where(eq(people.id, current));
    if (!row?.mergedIntoId) return current;
    current = row.mergedIntoId;
  }
  return current;
}

async function findPeople(tx: Tx, normalized: string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (normalized.length === 0) return found;
  const merged = new Map<string, number>();
  const direct = await tx
    .select({ id: people.id, normalized: people.normalized, mergedIntoId: people.mergedIntoId })
    .from(people)
    .where(inArray(people.normalized, normalized));
  for (const row of direct) {
    if (row.mergedIntoId) merged.set(row.normalized, row.id);
    else if (!found.has(row.normalized)) found.set(row.normalized, row.id);
  }
  const rest = normalized.filter((n) => !found.has(n));
  if (rest.length > 0) {
    const viaAlias = await tx
      .select({ id: personAliases.personId, normalized: personAliases.normalized, mergedIntoId: people.mergedIntoId })
      .from(personAliases)
      .innerJoin(people, eq(people.id, personAliases.personId))
      .where(inArray(personAliases.normalized, rest));
    for (const row of viaAlias) {
      if (found.has(row.normalized)) continue;
      if (row.mergedIntoId) merged.set(row.normalized, row.id);
      else found.set(row.normalized, row.id);
    }
  }
  // Only names that lead to a merged entry need the walk to its survivor.
  for (const [key, id] of merged) if (!found.has(key)) found.set(key, await survivingPerson(tx, id));
  return found;
}

/**
 * person id for every name (keyed by the name as extracted). Names are handled in a
 * fixed order so that concurrent transactions take their locks in the same order.
 */
export async function resolvePeople(
  tx: Tx,
  wanted: { name: string; side: Side | null }[],
): Promise<Map<string, number>> {
  const byNorm = new Map<string, { name: string; side: Side | null }>();
  for (const w of wanted) {
    const n = normalizeName(w.name);
    if (n && !byNorm.has(n)) byNorm.set(n, w);
  }
  const norms = [...byNorm.keys()].sort();
  const found = await findPeople(tx, norms);
  for (const n of norms) {
    if (found.has(n)) continue;
    await lockName(tx, "person", n);
    const again = await findPeople(tx, [n]);
    let id = again.get(n);
    if (id === undefined) {
      const w = byNorm.get(n)!;
      [{ id }] = await tx
        .insert(people)
        .values({ name: w.name, normalized: n, side: w.side })
        .returning({ id: people.id });
      await tx.insert(personAliases).values({ personId: id, alias: w.name, normalized: n }).onConflictDoNothing();
    }
    found.set(n, id);
  }
  const result = new Map<string, number>();
  for (const w of wanted) {
    const id = found.get(normalizeName(w.name));
    if (id !== undefined) result.set(w.name, id);
  }
  return result;
}

async function survivingPartner(tx: Tx, id: number): Promise<number> {
  let current = id;
  for (let hop = 0; hop < 10; hop++) {
    const [row] = await tx.select({ mergedIntoId: partners.mergedIntoId }).from(partners).where(eq(partners.id, current));
    if (!row?.mergedIntoId) return current;
    current = row.mergedIntoId;
  }
  return current;
}

async function findPartner(tx: Tx, p: ExtractedPartner, normalized: string): Promise<number | undefined> {
  const live = async (row: { id: number; mergedIntoId: number | null } | undefined) =>
    row && (row.mergedIntoId ? survivingPartner(tx, row.id) : row.id);
  if (p.code) {
    const [byCode] = await tx
      .select({ id: partners.id, mergedIntoId: partners.mergedIntoId })
      .from(partners)
      .where(eq(partners.code, p.code));
    if (byCode) return live(byCode);
  }
  const [byAlias] = await tx
    .select({ id: partnerAliases.partnerId, mergedIntoId: partners.mergedIntoId })
    .from(partnerAliases)
    .innerJoin(partners, eq(partners.id, partnerAliases.partnerId))
    .where(eq(partnerAliases.normalized, normalized));
  if (byAlias) return live(byAlias);
  const [byName] = await tx
    .select({ id: partners.id })
    .from(partners)
    .where(and(sql`lower(${partners.nameRu}) = ${normalized}`, isNull(partners.mergedIntoId)));
  return byName?.id;
}

/** partner id per extracted partner (by code, then alias, then name; created with code null when new). */
export async function resolvePartners(tx: Tx, extracted: ExtractedPartner[]): Promise<Map<ExtractedPartner, number>> {
  const result = new Map<ExtractedPartner, number>();
  const ordered = [...extracted].sort((a, b) => normalizeAlias(a.name).localeCompare(normalizeAlias(b.name)));
  for (const p of ordered) {
    const normalized = normalizeAlias(p.name);
    if (!normalized) continue;
    let id = await findPartner(tx, p, normalized);
    if (id === undefined) {
      await lockName(tx, "partner", normalized);
      id = await findPartner(tx, p, normalized);
    }
    if (id === undefined) {
      [{ id }] = await tx
        .insert(partners)
        .values({ type: p.type, code: null, nameRu: p.name })
        .returning({ id: partners.id });
      await tx
        .insert(partnerAliases)
        .values({ partnerId: id, alias: p.name, normalized, kind: "name", source: "extractor" })
        .onConflictDoNothing();
    }
    result.set(p, id);
  }
  return result;
}
