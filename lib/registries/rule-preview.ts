// What a rule would change before anyone accepts it: the pending records whose
// re-extraction with the rule gives a different value. An admin sees the list on the
// proposals page before deciding; after accepting, the same list is offered for
// re-extraction.
import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/index";
import { queryRows } from "@/db/index";
import { articles, meetingParticipants, meetingPartners, meetings, meetingThemes, partners, ruleProposals } from "@/db/schema";
import { createAppExtractor, loadRegistry } from "@/lib/app-extractor";
import { createExtractor } from "@/lib/extract";
import { normalizeAlias } from "@/lib/extract/registry";
import type { Registry } from "@/lib/extract/types";
import { contentHash, normalizeName } from "@/lib/ingest/normalize";
import type { ArticleExtractor } from "@/lib/ingest/types";
import type { RegistryResult } from "./record";

export interface AffectedRecord {
  meetingId: number;
  articleId: number;
  title: string | null;
  before: string[];
  after: string[];
}

/** The words a candidate article must contain for the rule to matter: the longest word's stem. */
function probe(kind: string, payload: Record<string, unknown>): string {
  const text = normalizeAlias(String(kind === "theme_keyword" ? payload.keyword : payload.alias)).replace(/\*$/, "");
  const longest = text.split(/[\s-]+/).sort((a, b) => b.length - a.length)[0] ?? text;
  return longest.length > 5 ? longest.slice(0, longest.length - 2) : longest;
}

const MAX_CANDIDATES = 300;

/**
 * Pending records whose article mentions the rule's words and whose re-extraction with
 * the current (database) registry would give a different value of the rule's field.
 */
export async function affectedPendingRecords(
  db: Db,
  kind: string,
  payload: Record<string, unknown>,
  using?: ArticleExtractor,
): Promise<AffectedRecord[]> {
  const needle = probe(kind, payload);
  if (!needle) return [];
  const candidates = await queryRows<{ id: number; article_id: number; ordinal: number; raw_text: string; content_hash: string; title: string | null }>(
    db,
    sql`select m.id, m.article_id, m.ordinal, a.raw_text, a.content_hash, a.title
        from ${meetings} m join ${articles} a on a.id = m.article_id
        where m.status = 'pending' and position(${needle} in replace(lower(a.clean_text), 'ё', 'е')) > 0
        order by m.id limit ${MAX_CANDIDATES}`,
  );
  if (!candidates.length) return [];
  const extractor = using ?? (await createAppExtractor(db));
  const ids = candidates.map((c) => Number(c.id));
  const field = kind === "partner_alias" ? "partners" : kind === "person_alias" ? "participants" : "themes";
  const stored = new Map<number, string[]>();
  if (field === "partners") {
    const rows = await db
      .select({ meetingId: meetingPartners.meetingId, code: partners.code, name: partners.nameRu })
      .from(meetingPartners)
      .innerJoin(partners, eq(partners.id, meetingPartners.partnerId))
      .where(inArray(meetingPartners.meetingId, ids));
    for (const r of rows) stored.set(r.meetingId, [...(stored.get(r.meetingId) ?? []), r.code ?? r.name]);
  } else if (field === "participants") {
    const rows = await db
      .select({ meetingId: meetingParticipants.meetingId, name: meetingParticipants.name })
      .from(meetingParticipants)
      .where(inArray(meetingParticipants.meetingId, ids));
    for (const r of rows) stored.set(r.meetingId, [...(stored.get(r.meetingId) ?? []), r.name]);
  } else {
    const rows = await db.select({ meetingId: meetingThemes.meetingId, code: meetingThemes.themeCode }).from(meetingThemes).where(inArray(meetingThemes.meetingId, ids));
    for (const r of rows) stored.set(r.meetingId, [...(stored.get(r.meetingId) ?? []), r.code]);
  }
  const out: AffectedRecord[] = [];
  const byArticle = new Map<number, ReturnType<typeof extractor.extractText>["articles"][number] | undefined>();
  const key = (values: string[]) => [...new Set(values.map((v) => normalizeName(v)))].sort().join("|");
  for (const c of candidates) {
    const articleId = Number(c.article_id);
    if (!byArticle.has(articleId)) {
      const isHtml = /<(html|body|article|p|div)[\s>]/i.test(c.raw_text.slice(0, 4096));
      const found = extractor.extractText(c.raw_text, { isHtml }).articles;
      byArticle.set(articleId, found.find((a) => contentHash(a.text) === c.content_hash) ?? found[0]);
    }
    const event = byArticle.get(articleId)?.events[Number(c.ordinal)];
    if (!event) continue;
    const after =
      field === "partners"
        ? event.partners.map((p) => p.code ?? p.name)
        : field === "participants"
          ? event.participants.map((p) => p.name)
          : event.themes.map((t) => t.code);
    const before = stored.get(Number(c.id)) ?? [];
    if (key(before) !== key(after)) out.push({ meetingId: Number(c.id), articleId, title: c.title, before: [...new Set(before)].sort(), after: [...new Set(after)].sort() });
  }
  return out;
}

/** The database's registry with one more rule, in memory: what the extractor would know after accepting. */
async function registryWithRule(db: Db, kind: string, payload: Record<string, unknown>): Promise<Registry> {
  const registry = await loadRegistry(db);
  if (kind === "partner_alias") {
    const [row] = await db.select({ code: partners.code, name: partners.nameRu }).from(partners).where(eq(partners.id, Number(payload.partnerId)));
    const target = row && registry.partners.find((p) => (row.code ? p.code === row.code : p.name === row.name));
    // Accepting re-points an alias another partner owns: it leaves that partner here too.
    const norm = normalizeAlias(String(payload.alias));
    for (const other of registry.partners) if (other !== target) other.aliases = other.aliases.filter((a) => normalizeAlias(a) !== norm);
    if (target) {
      target.aliases = [...target.aliases, String(payload.alias)];
      target.aliasKinds = { ...target.aliasKinds, [String(payload.alias)]: "learned" };
    }
  } else if (kind === "person_alias") {
    registry.people = [...(registry.people ?? []), { name: String(payload.name), aliases: [String(payload.alias)] }];
  } else {
    const theme = registry.themes.find((t) => t.code === payload.themeCode);
    const keyword = String(payload.keyword);
    if (theme && payload.action === "remove") theme.keywords = theme.keywords.filter((k) => normalizeAlias(k) !== normalizeAlias(keyword));
    else if (theme) {
      theme.keywords = [...theme.keywords, keyword];
      theme.weights = { ...theme.weights, [keyword]: Number(payload.weight ?? 1) };
    }
  }
  return registry;
}

/** The pending records a proposal would change if accepted as it stands (or with the admin's corrected text). */
export async function previewProposal(
  db: Db,
  _userId: number,
  input: { id: number; alias?: string | null; keyword?: string | null },
): Promise<RegistryResult<{ affected: AffectedRecord[] }>> {
  const [p] = await db.select().from(ruleProposals).where(eq(ruleProposals.id, input.id));
  if (!p) return { ok: false, code: "not_found" };
  if (p.status !== "pending") return { ok: false, code: "conflict" };
  const payload = { ...p.payload };
  if (input.alias && p.kind !== "theme_keyword") payload.alias = input.alias.trim();
  if (input.keyword && p.kind === "theme_keyword") payload.keyword = input.keyword.trim();
  const extractor = createExtractor(await registryWithRule(db, p.kind, payload));
  return { ok: true, affected: await affectedPendingRecords(db, p.kind, payload, extractor) };
}
