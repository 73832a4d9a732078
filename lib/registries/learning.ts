// Learning from corrections. Editors' saves write history rows (before/after of each
// field); this module reads those rows and offers each correction as a rule: a partner
// alias (the article's words the extractor read as the wrong partner → the partner the
// editor chose), a person alias (the extractor's name → the editor's), or a theme
// keyword. Rows are read in order after a watermark kept in history itself (action
// "learn"), so nothing here hooks into the save and every save is considered once.
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/index";
import {
  articles,
  evidence,
  history,
  meetings,
  partnerAliases,
  partners,
  people,
  ruleProposals,
  themeKeywords,
} from "@/db/schema";
import { normalizeAlias } from "@/lib/extract/registry";
import { normalizeName } from "@/lib/ingest/normalize";
import type { ParticipantValue, PartnerValue } from "@/lib/meetings/values";
import { addPartnerAlias } from "./partners";
import { addPersonAlias } from "./people";
import { recordHistory, registryChanged, type RegistryResult } from "./record";
import { observe, ruleKey, specificEnough, supported, supportOf, type Observation, type Support } from "./rule-evidence";
import { affectedPendingRecords, type AffectedRecord } from "./rule-preview";
import { addThemeKeyword } from "./themes";

export type { AffectedRecord };

export type ProposalKind = "partner_alias" | "person_alias" | "theme_keyword";
export type PartnerAliasPayload = { alias: string; partnerId: number; partnerName?: string; replacedPartnerId?: number; replacedPartnerName?: string };
export type PersonAliasPayload = { alias: string; personId: number | null; name: string };
export type ThemeKeywordPayload = { keyword: string; themeCode: string; weight?: number; action?: "add" | "remove" };
/** A learned proposal carries the corrections that support it. */
export type ProposalPayload = (PartnerAliasPayload | PersonAliasPayload | ThemeKeywordPayload) & { support?: Support };

type NewProposal = { kind: ProposalKind; payload: ProposalPayload; meetingId: number | null; proposedBy: number | null };

/**
 * Inserts proposals not already pending. Learned ones (`everDecided`) are also never
 * proposed again once an admin accepted or rejected the same rule.
 */
async function insertProposals(tx: Tx, list: NewProposal[], everDecided = false): Promise<number[]> {
  if (!list.length) return [];
  const existing = await tx
    .select({ kind: ruleProposals.kind, payload: ruleProposals.payload })
    .from(ruleProposals)
    .where(everDecided ? sql`true` : eq(ruleProposals.status, "pending"));
  const seen = new Set(existing.map((p) => ruleKey(p.kind, p.payload)));
  const ids: number[] = [];
  for (const p of list) {
    const key = ruleKey(p.kind, p.payload as Record<string, unknown>);
    if (seen.has(key)) continue;
    seen.add(key);
    const [row] = await tx
      .insert(ruleProposals)
      .values({ kind: p.kind, payload: p.payload as Record<string, unknown>, meetingId: p.meetingId, proposedBy: p.proposedBy })
      .returning({ id: ruleProposals.id });
    ids.push(row.id);
    await recordHistory(tx, { entityType: "rule_proposal", entityId: row.id, action: "propose", after: p.payload as Record<string, unknown>, userId: p.proposedBy });
  }
  return ids;
}

// ---------------------------------------------------------------- deriving proposals

const trimSpan = (s: string) => s.replace(/^[\s«»"„“”'(]+|[\s«»"„“”')]+$/g, "").replace(/\s+/g, " ");

const STOP = new Set(
  "также которые который которая было были будет будут между после перед против более может могут однако стороны сторон вопросы вопросов рамках является время года году встречи встреча встрече заявил отметил подчеркнул сообщает сообщил казахстана казахстан республики республика президент сенат мажилис министр председатель".split(
    " ",
  ),
);
const ENDING = /(иями|ями|ами|ого|его|ому|ему|ыми|ими|иях|ах|ях|ов|ев|ой|ей|ий|ый|ая|яя|ое|ее|ые|ие|ам|ям|ом|ем|ию|ия|ии|а|я|о|е|ы|и|у|ю|ь)$/;

/** The article's `n` most frequent content stems no theme knows yet (each a candidate the evidence may confirm). */
export function suggestKeywords(text: string, known: string[], n: number): string[] {
  const stems = known.map((k) => normalizeAlias(k).replace(/\*$/, ""));
  const counts = new Map<string, number>();
  for (const m of normalizeAlias(text).matchAll(/[а-я]{6,}/g)) {
    const word = m[0];
    if (STOP.has(word) || stems.some((s) => word.startsWith(s))) continue;
    const stem = word.replace(ENDING, "");
    if (stem.length < 5) continue;
    counts.set(stem, (counts.get(stem) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n).map(([stem]) => stem);
}

type HistoryRow = typeof history.$inferSelect;

async function partnerProposals(tx: Tx, row: HistoryRow, text: string): Promise<NewProposal[]> {
  const before = (row.before as PartnerValue[] | null) ?? [];
  const after = (row.after as PartnerValue[] | null) ?? [];
  const removed = before.filter((b) => !after.some((a) => a.id === b.id));
  const added = after.filter((a) => !before.some((b) => b.id === a.id));
  const out: NewProposal[] = [];
  for (let i = 0; i < Math.min(removed.length, added.length); i++) {
    const wrong = removed[i];
    const right = added[i];
    const spans = await tx
      .select({ start: evidence.start, end: evidence.end })
      .from(evidence)
      .where(and(eq(evidence.meetingId, row.entityId), eq(evidence.field, "partner"), eq(evidence.valueKey, String(wrong.id))))
      .orderBy(asc(evidence.start));
    const texts = [...new Set(spans.map((s) => trimSpan(text.slice(s.start, s.end))).filter(Boolean))];
    for (const alias of texts) {
      const [owned] = await tx
        .select({ partnerId: partnerAliases.partnerId })
        .from(partnerAliases)
        .where(eq(partnerAliases.normalized, normalizeAlias(alias)));
      if (owned?.partnerId === right.id) continue;
      out.push({
        kind: "partner_alias",
        payload: { alias, partnerId: right.id, partnerName: right.name, replacedPartnerId: wrong.id, replacedPartnerName: wrong.name },
        meetingId: row.entityId,
        proposedBy: row.userId,
      });
    }
  }
  return out;
}

async function participantProposals(tx: Tx, row: HistoryRow): Promise<NewProposal[]> {
  const before = (row.before as ParticipantValue[] | null) ?? [];
  const after = (row.after as ParticipantValue[] | null) ?? [];
  const beforeNames = new Set(before.map((p) => normalizeName(p.name)));
  const afterNames = new Set(after.map((p) => normalizeName(p.name)));
  const out: NewProposal[] = [];
  for (let i = 0; i < Math.min(before.length, after.length); i++) {
    const wrong = before[i].name;
    const right = after[i].name;
    // A renamed participant, not a reordering, an addition or a removal.
    if (afterNames.has(normalizeName(wrong)) || beforeNames.has(normalizeName(right))) continue;
    const [person] = await tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.normalized, normalizeName(right)), isNull(people.mergedIntoId)))
      .limit(1);
    out.push({ kind: "person_alias", payload: { alias: wrong, personId: person?.id ?? null, name: right }, meetingId: row.entityId, proposedBy: row.userId });
  }
  return out;
}

/** Each added theme suggests this many stems of its article; the ones several articles share become a proposal. */
const KEYWORD_CANDIDATES = 3;

async function themeProposals(tx: Tx, row: HistoryRow, text: string): Promise<NewProposal[]> {
  const before = (row.before as string[] | null) ?? [];
  const after = (row.after as string[] | null) ?? [];
  const out: NewProposal[] = [];
  const known = (await tx.select({ keyword: themeKeywords.keyword }).from(themeKeywords)).map((k) => k.keyword);
  for (const code of after.filter((c) => !before.includes(c))) {
    for (const keyword of suggestKeywords(text, known, KEYWORD_CANDIDATES)) {
      out.push({ kind: "theme_keyword", payload: { keyword, themeCode: code, weight: 1, action: "add" }, meetingId: row.entityId, proposedBy: row.userId });
    }
  }
  for (const code of before.filter((c) => !after.includes(c))) {
    // The keyword that made the extractor assign the theme the editor removed.
    const spans = await tx
      .select({ start: evidence.start, end: evidence.end })
      .from(evidence)
      .where(and(eq(evidence.meetingId, row.entityId), eq(evidence.field, "theme"), eq(evidence.valueKey, code)));
    const own = await tx.select({ keyword: themeKeywords.keyword }).from(themeKeywords).where(eq(themeKeywords.themeCode, code));
    for (const s of spans) {
      const span = normalizeAlias(text.slice(s.start, s.end));
      const hit = own.map((k) => k.keyword).find((k) => span.startsWith(normalizeAlias(k).replace(/\*$/, "")));
      if (hit) out.push({ kind: "theme_keyword", payload: { keyword: hit, themeCode: code, action: "remove" }, meetingId: row.entityId, proposedBy: row.userId });
    }
  }
  return out;
}

/**
 * Turns editors' corrections saved since the last run into pending proposals. Safe to
 * call from any page load: one run at a time (advisory lock), each history row once.
 */
export async function learnFromHistory(db: Db): Promise<{ proposals: number; rows: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('chronicle:learn'))`);
    const [mark] = await tx
      .select({ after: history.after })
      .from(history)
      .where(and(eq(history.entityType, "learning"), eq(history.action, "learn")))
      .orderBy(desc(history.id))
      .limit(1);
    const since = Number((mark?.after as { lastHistoryId?: number } | undefined)?.lastHistoryId ?? 0);
    const rows = await tx
      .select()
      .from(history)
      .where(
        and(
          gt(history.id, since),
          eq(history.entityType, "meeting"),
          eq(history.action, "update"),
          isNotNull(history.userId),
          inArray(history.field, ["partners", "participants", "themes"]),
        ),
      )
      .orderBy(asc(history.id))
      .limit(1000);
    if (!rows.length) return { proposals: 0, rows: 0 };
    const meetingIds = [...new Set(rows.map((r) => r.entityId))];
    const sources = new Map(
      (
        await tx
          .select({ id: meetings.id, articleId: meetings.articleId, text: articles.cleanText })
          .from(meetings)
          .innerJoin(articles, eq(articles.id, meetings.articleId))
          .where(inArray(meetings.id, meetingIds))
      ).map((r) => [r.id, r]),
    );
    const observations: Observation[] = [];
    for (const row of rows) {
      const source = sources.get(row.entityId);
      if (source === undefined) continue;
      const derived =
        row.field === "partners"
          ? await partnerProposals(tx, row, source.text)
          : row.field === "participants"
            ? await participantProposals(tx, row)
            : await themeProposals(tx, row, source.text);
      for (const d of derived) observations.push({ kind: d.kind, payload: d.payload as Record<string, unknown>, meetingId: row.entityId, articleId: source.articleId, userId: row.userId, historyId: row.id });
    }
    const ready = await proposalsWithEvidence(tx, observations);
    const ids = await insertProposals(tx, ready, true);
    await recordHistory(tx, { entityType: "learning", entityId: 0, action: "learn", after: { lastHistoryId: rows[rows.length - 1].id, proposals: ids } });
    return { proposals: ids.length, rows: rows.length };
  });
}

/** The observed rules that now have enough agreeing corrections and are specific enough, each with its evidence. */
async function proposalsWithEvidence(tx: Tx, observations: Observation[]): Promise<NewProposal[]> {
  const out: NewProposal[] = [];
  for (const [key, o] of await observe(tx, observations)) {
    const support = await supportOf(tx, key);
    if (!supported(support) || !(await specificEnough(tx, o.kind, o.payload))) continue;
    out.push({ kind: o.kind as ProposalKind, payload: { ...(o.payload as ProposalPayload), support }, meetingId: o.meetingId, proposedBy: o.userId });
  }
  return out;
}

/** An editor (or admin) proposes a rule directly, e.g. an alias from the partner page. */
export async function proposeRule(
  db: Db,
  userId: number,
  input: { kind: ProposalKind; payload: ProposalPayload; meetingId?: number | null },
): Promise<RegistryResult<{ id: number | null }>> {
  return db.transaction(async (tx) => {
    const [id] = await insertProposals(tx, [{ kind: input.kind, payload: input.payload, meetingId: input.meetingId ?? null, proposedBy: userId }]);
    return { ok: true, id: id ?? null };
  });
}

/** An alias proposed from a partner's page. */
export async function proposePartnerAlias(
  db: Db,
  userId: number,
  { partnerId, alias }: { partnerId: number; alias: string },
): Promise<RegistryResult<{ id: number | null }>> {
  return proposeRule(db, userId, { kind: "partner_alias", payload: { alias, partnerId } });
}

/** An alias proposed from a person's page: the person's current name goes with it, as learning's proposals carry it. */
export async function proposePersonAlias(
  db: Db,
  userId: number,
  { personId, alias }: { personId: number; alias: string },
): Promise<RegistryResult<{ id: number | null }>> {
  const [person] = await db.select({ name: people.name }).from(people).where(eq(people.id, personId));
  if (!person) return { ok: false, code: "not_found" };
  return proposeRule(db, userId, { kind: "person_alias", payload: { alias, personId, name: person.name } });
}

// ---------------------------------------------------------------- deciding


export type AcceptResult = RegistryResult<{ affected: AffectedRecord[] }>;

async function survivorPartner(tx: Tx, id: number): Promise<number> {
  let current = id;
  for (let hop = 0; hop < 10; hop++) {
    const [row] = await tx.select({ into: partners.mergedIntoId }).from(partners).where(eq(partners.id, current));
    if (!row?.into) return current;
    current = row.into;
  }
  return current;
}

async function applyRule(tx: Tx, userId: number, kind: string, payload: Record<string, unknown>): Promise<RegistryResult> {
  if (kind === "partner_alias") {
    const partnerId = await survivorPartner(tx, Number(payload.partnerId));
    return addPartnerAlias(tx as unknown as Db, userId, { partnerId, alias: String(payload.alias), kind: "learned", source: "learned" }, tx);
  }
  if (kind === "person_alias") {
    let personId = payload.personId ? Number(payload.personId) : null;
    if (personId) {
      for (let hop = 0; hop < 10; hop++) {
        const [row] = await tx.select({ into: people.mergedIntoId }).from(people).where(eq(people.id, personId));
        if (!row) {
          personId = null;
          break;
        }
        if (!row.into) break;
        personId = row.into;
      }
    }
    if (!personId) {
      const name = String(payload.name);
      const [found] = await tx.select({ id: people.id }).from(people).where(and(eq(people.normalized, normalizeName(name)), isNull(people.mergedIntoId))).limit(1);
      personId = found?.id ?? (await tx.insert(people).values({ name, normalized: normalizeName(name) }).returning({ id: people.id }))[0].id;
      await addPersonAlias(tx as unknown as Db, userId, { personId, alias: name, source: "learned" }, tx);
    }
    return addPersonAlias(tx as unknown as Db, userId, { personId, alias: String(payload.alias), source: "learned" }, tx);
  }
  if (kind === "theme_keyword") {
    if (payload.action === "remove") {
      const [row] = await tx
        .delete(themeKeywords)
        .where(and(eq(themeKeywords.themeCode, String(payload.themeCode)), eq(themeKeywords.keyword, String(payload.keyword))))
        .returning();
      if (!row) return { ok: false, code: "not_found" };
      await recordHistory(tx, { entityType: "theme", entityId: 0, action: "keyword_remove", field: row.themeCode, before: { keyword: row.keyword, weight: row.weight }, userId });
      return { ok: true };
    }
    return addThemeKeyword(tx as unknown as Db, userId, { themeCode: String(payload.themeCode), keyword: String(payload.keyword), weight: Number(payload.weight ?? 1), source: "learned" }, tx);
  }
  return { ok: false, code: "invalid" };
}

/**
 * Accepts a proposal (the admin may correct its text first): writes the alias or keyword,
 * drops the cached registry, and lists the pending records the new rule would change.
 */
export async function acceptProposal(
  db: Db,
  userId: number,
  input: { id: number; alias?: string; keyword?: string },
): Promise<AcceptResult> {
  const result = await db.transaction(async (tx): Promise<RegistryResult<{ payload: Record<string, unknown>; kind: string }>> => {
    const [p] = await tx.select().from(ruleProposals).where(eq(ruleProposals.id, input.id)).for("update");
    if (!p) return { ok: false, code: "not_found" };
    if (p.status !== "pending") return { ok: false, code: "conflict" };
    const payload = { ...p.payload };
    if (input.alias && p.kind !== "theme_keyword") payload.alias = input.alias.trim();
    if (input.keyword && p.kind === "theme_keyword") payload.keyword = input.keyword.trim();
    const applied = await applyRule(tx, userId, p.kind, payload);
    if (!applied.ok) return applied;
    await tx.update(ruleProposals).set({ status: "accepted", payload, decidedBy: userId, decidedAt: new Date() }).where(eq(ruleProposals.id, p.id));
    await recordHistory(tx, { entityType: "rule_proposal", entityId: p.id, action: "accept", before: p.payload, after: payload, userId });
    return { ok: true, payload, kind: p.kind };
  });
  if (!result.ok) return result;
  registryChanged(db);
  return { ok: true, affected: await affectedPendingRecords(db, result.kind, result.payload) };
}

/** An admin's decision on a proposal: accept (with the alias or keyword corrected) or reject. */
export async function decideProposal(
  db: Db,
  userId: number,
  { id, decision, alias, keyword }: { id: number; decision: "accept" | "reject"; alias?: string | null; keyword?: string | null },
): Promise<RegistryResult<{ affected?: AffectedRecord[] }>> {
  if (decision === "reject") return rejectProposal(db, userId, { id });
  return acceptProposal(db, userId, { id, alias: alias ?? undefined, keyword: keyword ?? undefined });
}

export async function rejectProposal(db: Db, userId: number, { id }: { id: number }): Promise<RegistryResult> {
  return db.transaction(async (tx) => {
    const [p] = await tx.select().from(ruleProposals).where(eq(ruleProposals.id, id)).for("update");
    if (!p) return { ok: false, code: "not_found" };
    if (p.status !== "pending") return { ok: false, code: "conflict" };
    await tx.update(ruleProposals).set({ status: "rejected", decidedBy: userId, decidedAt: new Date() }).where(eq(ruleProposals.id, id));
    await recordHistory(tx, { entityType: "rule_proposal", entityId: id, action: "reject", before: p.payload, userId });
    return { ok: true };
  });
}
