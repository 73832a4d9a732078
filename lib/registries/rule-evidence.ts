// Evidence for learned rules. Each editor's correction is an observation of the rule it
// suggests; a rule is proposed only when corrections in several records from different
// articles agree and the rule is specific enough to be safe on every later article. One
// edit (partner ОБСЕ → ОДКБ) must never become "сотрудничеств → integration".
import { and, countDistinct, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/index";
import { queryRows } from "@/db/index";
import { ruleObservations } from "@/db/schema";
import { normalizeAlias } from "@/lib/extract/registry";
import { normalizeName } from "@/lib/ingest/normalize";

/** Corrections in this many different records, from as many different articles, make a proposal. */
export const MIN_SUPPORT = 3;
/** A keyword found in more than this share of recent articles would fire nearly everywhere. */
export const MAX_KEYWORD_SHARE = 0.25;
/** How many recent articles the share is measured on (bounded, whatever the archive's size). */
const SHARE_SAMPLE = 2000;
/** Below this many articles a share says nothing. */
const SHARE_MIN_ARTICLES = 8;

/** Two proposals that would write the same rule are one. */
export function ruleKey(kind: string, payload: Record<string, unknown>): string {
  if (kind === "partner_alias") return `${kind}|${normalizeAlias(String(payload.alias))}|${payload.partnerId}`;
  if (kind === "person_alias") return `${kind}|${normalizeName(String(payload.alias))}|${normalizeName(String(payload.name))}`;
  return `${kind}|${payload.action ?? "add"}|${normalizeAlias(String(payload.keyword))}|${payload.themeCode}`;
}

export interface Observation {
  kind: string;
  payload: Record<string, unknown>;
  meetingId: number;
  articleId: number | null;
  userId: number | null;
  historyId: number;
}

export interface Support {
  records: number;
  articles: number;
  meetingIds: number[];
}

/** Stores the observations (once per rule and record) and returns the rules they touched, by key. */
export async function observe(tx: Tx, list: Observation[]): Promise<Map<string, Observation>> {
  const touched = new Map<string, Observation>();
  for (const o of list) {
    const key = ruleKey(o.kind, o.payload);
    await tx
      .insert(ruleObservations)
      .values({ ruleKey: key, kind: o.kind, payload: o.payload, meetingId: o.meetingId, articleId: o.articleId, userId: o.userId, historyId: o.historyId })
      .onConflictDoNothing();
    touched.set(key, o);
  }
  return touched;
}

export async function supportOf(tx: Tx, key: string): Promise<Support> {
  const [counts] = await tx
    .select({ records: countDistinct(ruleObservations.meetingId), articles: countDistinct(ruleObservations.articleId) })
    .from(ruleObservations)
    .where(eq(ruleObservations.ruleKey, key));
  const rows = await tx
    .selectDistinct({ meetingId: ruleObservations.meetingId })
    .from(ruleObservations)
    .where(and(eq(ruleObservations.ruleKey, key)))
    .orderBy(ruleObservations.meetingId)
    .limit(20);
  return { records: Number(counts.records), articles: Number(counts.articles), meetingIds: rows.map((r) => r.meetingId) };
}

/** The share of recent articles that contain a keyword's stem (null when there are too few articles to tell). */
export async function keywordShare(tx: Tx, keyword: string): Promise<number | null> {
  const stem = normalizeAlias(keyword).replace(/\*$/, "");
  const [row] = await queryRows<{ hits: number; total: number }>(
    tx,
    sql`select count(*) filter (where position(${stem} in replace(lower(a.clean_text), 'ё', 'е')) > 0)::int as hits, count(*)::int as total
        from (select clean_text from articles order by id desc limit ${SHARE_SAMPLE}) a`,
  );
  const total = Number(row?.total ?? 0);
  return total < SHARE_MIN_ARTICLES ? null : Number(row.hits) / total;
}

/** Specific enough to write as a rule: an alias of more than a letter or two, a keyword that is not everywhere. */
export async function specificEnough(tx: Tx, kind: string, payload: Record<string, unknown>): Promise<boolean> {
  if (kind === "partner_alias" || kind === "person_alias") return normalizeAlias(String(payload.alias)).replace(/[^\p{L}\p{N}]/gu, "").length >= 3;
  if (payload.action === "remove") return true;
  const keyword = String(payload.keyword);
  if (normalizeAlias(keyword).replace(/\*$/, "").length < 5) return false;
  const share = await keywordShare(tx, keyword);
  return share === null || share <= MAX_KEYWORD_SHARE;
}

/** Enough agreeing corrections, in enough different articles. */
export const supported = (s: Support): boolean => s.records >= MIN_SUPPORT && s.articles >= MIN_SUPPORT;
