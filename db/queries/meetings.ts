// Reads for the review screens: the queue (keyset-paged, never OFFSET, so page 500 costs
// what page 1 costs) and one record with everything the record page renders.
import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/index";
import {
  articles,
  meetingPartners,
  meetings,
  meetingThemes,
  partners,
  themes,
  type MeetingKind,
  type MeetingStatus,
} from "@/db/schema";
import type { QueueSort } from "@/lib/validations/meetings";
import { isDbId } from "@/lib/validations/ids";
import { articleMatches } from "./search";

export interface QueueFilters {
  status?: MeetingStatus;
  kind?: MeetingKind;
  /** A partner id; organisations include everything under them (ПА ОБСЕ under ОБСЕ). */
  partnerId?: number;
  homeOfficial?: string;
  theme?: string;
  outlet?: string;
  /** ISO dates, inclusive. */
  dateFrom?: string;
  dateTo?: string;
  /** 0..1 */
  minConfidence?: number;
  maxConfidence?: number;
  /** Full-text search over the article (websearch syntax: "quoted phrase", -word, or). */
  q?: string;
}

/** Where a page starts: the sort key and id of the row just outside it. */
export interface QueueCursor {
  key: number | string;
  id: number;
}

export interface QueueRow {
  id: number;
  version: number;
  articleId: number;
  date: string | null;
  kind: MeetingKind;
  status: MeetingStatus;
  confidence: number;
  homeOfficial: string | null;
  outlet: string | null;
  title: string | null;
  partners: string[];
  themes: string[];
}

export interface QueuePage {
  rows: QueueRow[];
  /** Cursor for the next page (after the last row), or null on the last page. */
  next: QueueCursor | null;
  /** Cursor for the previous page (before the first row), or null on the first page. */
  prev: QueueCursor | null;
}

// Undated records sort as the earliest date; the same expression is indexed (meetings_*datekey_idx).
const dateKey = sql`coalesce(${meetings.date}, '1900-01-01'::date)`;

function sortSpec(sort: QueueSort): { key: SQL; direction: "asc" | "desc"; cast: SQL } {
  switch (sort) {
    case "date_desc":
      return { key: dateKey, direction: "desc", cast: sql`::date` };
    case "date_asc":
      return { key: dateKey, direction: "asc", cast: sql`::date` };
    default:
      return { key: sql`${meetings.confidence}`, direction: "asc", cast: sql`::real` };
  }
}

export function encodeCursor(c: QueueCursor): string {
  return Buffer.from(JSON.stringify([c.key, c.id]), "utf8").toString("base64url");
}

/** "2024-02-30" has the shape of a date but PostgreSQL refuses it: only real calendar dates. */
function isCalendarDate(key: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(key)) return false;
  const d = new Date(`${key}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === key;
}

/** A cursor from the URL; anything malformed (or out of range) means "first page". */
export function decodeCursor(value: string | undefined, sort: QueueSort): QueueCursor | undefined {
  if (!value) return undefined;
  try {
    const [key, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown[];
    if (typeof id !== "number" || !isDbId(id)) return undefined;
    if (sort === "confidence" ? typeof key !== "number" || !Number.isFinite(key) : typeof key !== "string" || !isCalendarDate(key))
      return undefined;
    return { key: key as number | string, id: id as number };
  } catch {
    return undefined;
  }
}

/** Every organisation under a partner, the partner included (ОБСЕ → ПА ОБСЕ, Офис программ ОБСЕ, …). */
const partnerFamily = (partnerId: number) =>
  sql`(with recursive family(id) as (
        select ${partnerId}::int
        union
        select p.id from ${partners} p join family f on p.parent_id = f.id
      ) select id from family)`;

/** The WHERE clause for every filter but status (status counts reuse it). */
function filterConditions(f: QueueFilters): SQL[] {
  const where: SQL[] = [];
  if (f.kind) where.push(eq(meetings.kind, f.kind));
  if (f.homeOfficial) where.push(eq(meetings.homeOfficial, f.homeOfficial));
  if (f.dateFrom) where.push(gte(meetings.date, f.dateFrom));
  if (f.dateTo) where.push(lte(meetings.date, f.dateTo));
  if (f.minConfidence != null) where.push(sql`${meetings.confidence} >= ${f.minConfidence}::real`);
  if (f.maxConfidence != null) where.push(sql`${meetings.confidence} <= ${f.maxConfidence}::real`);
  if (f.outlet) where.push(eq(articles.outlet, f.outlet));
  if (f.q) where.push(articleMatches(f.q));
  if (f.theme)
    where.push(
      sql`exists (select 1 from ${meetingThemes} mt where mt.meeting_id = ${meetings.id} and mt.theme_code = ${f.theme})`,
    );
  if (f.partnerId)
    where.push(
      sql`exists (select 1 from ${meetingPartners} mp where mp.meeting_id = ${meetings.id} and mp.partner_id in ${partnerFamily(f.partnerId)})`,
    );
  return where;
}

/** Filters that need the article row: only then is it joined. */
const needsArticle = (f: QueueFilters) => Boolean(f.outlet || f.q);

function keysetCondition(sort: QueueSort, cursor: QueueCursor, towards: "next" | "prev"): SQL {
  const { key, direction, cast } = sortSpec(sort);
  const forward = (direction === "asc") === (towards === "next");
  return forward
    ? sql`(${key}, ${meetings.id}) > (${cursor.key}${cast}, ${cursor.id}::int)`
    : sql`(${key}, ${meetings.id}) < (${cursor.key}${cast}, ${cursor.id}::int)`;
}

const partnerNames = sql<string[]>`coalesce((
    select json_agg(p.name_ru order by p.name_ru) from ${meetingPartners} mp
    join ${partners} p on p.id = mp.partner_id where mp.meeting_id = ${meetings.id}
  ), '[]'::json)`;
const themeCodes = sql<string[]>`coalesce((
    select json_agg(mt.theme_code order by mt.theme_code) from ${meetingThemes} mt where mt.meeting_id = ${meetings.id}
  ), '[]'::json)`;

const asArray = (v: unknown): string[] => (typeof v === "string" ? (JSON.parse(v) as string[]) : ((v as string[]) ?? []));

/**
 * One page of the queue. `cursor` with `direction: "next"` gives the rows after it,
 * `"prev"` the rows before it (still returned in queue order).
 */
export async function listQueue(
  db: DbOrTx,
  {
    filters = {},
    sort = "confidence",
    cursor,
    direction = "next",
    limit = 50,
  }: { filters?: QueueFilters; sort?: QueueSort; cursor?: QueueCursor; direction?: "next" | "prev"; limit?: number },
): Promise<QueuePage> {
  const spec = sortSpec(sort);
  const where = filterConditions(filters);
  if (filters.status) where.push(eq(meetings.status, filters.status));
  if (cursor) where.push(keysetCondition(sort, cursor, direction));
  // Walking backwards reads the index in reverse and flips the rows afterwards.
  const ascending = (spec.direction === "asc") === (direction === "next");
  const order = ascending ? [asc(spec.key), asc(meetings.id)] : [desc(spec.key), desc(meetings.id)];

  const fetched = await db
    .select({
      id: meetings.id,
      version: meetings.version,
      articleId: meetings.articleId,
      date: meetings.date,
      kind: meetings.kind,
      status: meetings.status,
      confidence: meetings.confidence,
      homeOfficial: meetings.homeOfficial,
      outlet: articles.outlet,
      title: articles.title,
      sortKey: sql<string>`(${spec.key})::text`,
      partners: partnerNames,
      themes: themeCodes,
    })
    .from(meetings)
    .innerJoin(articles, eq(articles.id, meetings.articleId))
    .where(and(...where))
    .orderBy(...order)
    .limit(limit + 1);

  const more = fetched.length > limit;
  const page = fetched.slice(0, limit);
  if (direction === "prev") page.reverse();
  const keyOf = (r: (typeof page)[number]): QueueCursor => ({
    key: sort === "confidence" ? Number(r.sortKey) : String(r.sortKey).slice(0, 10),
    id: r.id,
  });
  const first = page[0];
  const last = page[page.length - 1];
  const hasNext = direction === "next" ? more : Boolean(cursor);
  const hasPrev = direction === "prev" ? more : Boolean(cursor);
  return {
    rows: page.map(({ sortKey: _k, ...r }) => ({
      ...r,
      date: r.date ? String(r.date).slice(0, 10) : null,
      partners: asArray(r.partners),
      themes: asArray(r.themes),
    })),
    next: hasNext && last ? keyOf(last) : null,
    prev: hasPrev && first ? keyOf(first) : null,
  };
}

export type StatusCounts = Record<MeetingStatus, number> & { all: number };

/** How many records each status tab holds under the current filters: one grouped query. */
export async function countByStatus(db: DbOrTx, filters: QueueFilters = {}): Promise<StatusCounts> {
  const where = filterConditions(filters);
  const base = db.select({ status: meetings.status, n: sql<number>`count(*)::int` }).from(meetings);
  const joined = needsArticle(filters) ? base.innerJoin(articles, eq(articles.id, meetings.articleId)) : base;
  const rows = await joined.where(and(...where)).groupBy(meetings.status);
  const counts: StatusCounts = { pending: 0, approved: 0, rejected: 0, all: 0 };
  for (const r of rows) {
    counts[r.status] = Number(r.n);
    counts.all += Number(r.n);
  }
  return counts;
}

/** The records just before and after one record in queue order (j / k on the record page). */
export async function getQueueNeighbours(
  db: DbOrTx,
  { id, filters = {}, sort = "confidence" }: { id: number; filters?: QueueFilters; sort?: QueueSort },
): Promise<{ prevId: number | null; nextId: number | null }> {
  const spec = sortSpec(sort);
  const [self] = await db
    .select({ key: sql<string>`(${spec.key})::text` })
    .from(meetings)
    .where(eq(meetings.id, id));
  if (!self) return { prevId: null, nextId: null };
  const cursor: QueueCursor = { key: sort === "confidence" ? Number(self.key) : String(self.key).slice(0, 10), id };
  // Only the id of the adjacent row: none of the page's per-row lookups.
  const adjacent = async (direction: "next" | "prev") => {
    const where = filterConditions(filters);
    if (filters.status) where.push(eq(meetings.status, filters.status));
    where.push(keysetCondition(sort, cursor, direction));
    const ascending = (spec.direction === "asc") === (direction === "next");
    const base = db.select({ id: meetings.id }).from(meetings);
    const joined = needsArticle(filters) ? base.innerJoin(articles, eq(articles.id, meetings.articleId)) : base;
    const [row] = await joined
      .where(and(...where))
      .orderBy(...(ascending ? [asc(spec.key), asc(meetings.id)] : [desc(spec.key), desc(meetings.id)]))
      .limit(1);
    return row?.id ?? null;
  };
  const [nextId, prevId] = await Promise.all([adjacent("next"), adjacent("prev")]);
  return { prevId, nextId };
}

// ---------------------------------------------------------------- one record

type Source = "extractor" | "editor";

/**
 * A record's child rows, in the one shape both the record page and the save read them
 * (the save diffs against them inside its transaction: row ids keep evidence spans
 * pointing at the right participant and quote; ordinals tell a reorder from an edit).
 */
export interface RecordRows {
  participants: { id: number; name: string; position: string | null; side: "home" | "partner"; ordinal: number; source: Source; confidence: number | null }[];
  partners: { id: number; name: string; type: "country" | "organization"; code: string | null; source: Source; confidence: number | null }[];
  themes: { code: string; labelRu: string; labelEn: string; source: Source; confidence: number | null }[];
  quotes: { id: number; text: string; speaker: string | null; ordinal: number; source: Source; confidence: number | null }[];
}

// The child rows as columns of one statement (one round trip instead of four: the record
// page is read far more often than any other, and each query costs the server as much CPU
// as a small render).
const recordRowColumns = (id: number) => sql`
  (select coalesce(json_agg(json_build_object('id', p.id, 'name', p.name, 'position', p.position, 'side', p.side,
      'ordinal', p.ordinal, 'source', p.source, 'confidence', p.confidence) order by p.ordinal, p.id), '[]'::json)
    from meeting_participants p where p.meeting_id = ${id}) as participants,
  (select coalesce(json_agg(json_build_object('id', pa.id, 'name', pa.name_ru, 'type', pa.type, 'code', pa.code,
      'source', mp.source, 'confidence', mp.confidence) order by pa.name_ru, pa.id), '[]'::json)
    from meeting_partners mp join partners pa on pa.id = mp.partner_id where mp.meeting_id = ${id}) as partners,
  (select coalesce(json_agg(json_build_object('code', t.code, 'labelRu', t.label_ru, 'labelEn', t.label_en,
      'source', mt.source, 'confidence', mt.confidence) order by t.sort_order, t.code), '[]'::json)
    from meeting_themes mt join themes t on t.code = mt.theme_code where mt.meeting_id = ${id}) as themes,
  (select coalesce(json_agg(json_build_object('id', q.id, 'text', q.text, 'speaker', q.speaker_name,
      'ordinal', q.ordinal, 'source', q.source, 'confidence', q.confidence) order by q.ordinal, q.id), '[]'::json)
    from quotes q where q.meeting_id = ${id}) as quotes`;

/** PGlite hands json columns back parsed, postgres.js as text. */
const json = <T,>(v: T | string): T => (typeof v === "string" ? (JSON.parse(v) as T) : v);

/** A record's child rows (inside the save's transaction too). */
export async function getRecordRows(db: DbOrTx, id: number): Promise<RecordRows> {
  const [r] = await queryRows<RecordRows>(db, sql`select ${recordRowColumns(id)}`);
  return { participants: json(r.participants), partners: json(r.partners), themes: json(r.themes), quotes: json(r.quotes) };
}

export interface RecordView extends RecordRows {
  id: number;
  version: number;
  status: MeetingStatus;
  rejectReason: string | null;
  confidence: number;
  kind: MeetingKind;
  kindSource: "extractor" | "editor";
  kindConfidence: number | null;
  date: string | null;
  dateSource: "extractor" | "editor";
  dateConfidence: number | null;
  location: string | null;
  locationSource: "extractor" | "editor";
  locationConfidence: number | null;
  homeOfficial: string | null;
  proposals: Record<string, unknown> | null;
  extractorVersion: string;
  reviewedAt: Date | null;
  updatedAt: Date;
  article: {
    id: number;
    title: string | null;
    outlet: string | null;
    url: string | null;
    publishedOn: string | null;
    cleanText: string;
  };
  /** Spans in the text of the source they came from (articleId: the record's own article when the span has none). */
  evidence: { field: string; valueKey: string | null; start: number; end: number; articleId: number }[];
  /** Every article reporting the record, its own article first. */
  sources: RecordSource[];
}

export interface RecordSource {
  articleId: number;
  title: string | null;
  outlet: string | null;
  url: string | null;
  file: string | null;
  publishedOn: string | null;
  /** extractor | attached | merge | editor */
  via: string;
  cleanText: string;
}

/** Everything the record page shows, or null when there is no such record. */
export async function getRecord(db: DbOrTx, id: number): Promise<RecordView | null> {
  const [m] = await db
    .select({
      id: meetings.id,
      version: meetings.version,
      status: meetings.status,
      rejectReason: meetings.rejectReason,
      confidence: meetings.confidence,
      kind: meetings.kind,
      kindSource: meetings.kindSource,
      kindConfidence: meetings.kindConfidence,
      date: meetings.date,
      dateSource: meetings.dateSource,
      dateConfidence: meetings.dateConfidence,
      location: meetings.location,
      locationSource: meetings.locationSource,
      locationConfidence: meetings.locationConfidence,
      homeOfficial: meetings.homeOfficial,
      proposals: meetings.proposals,
      extractorVersion: meetings.extractorVersion,
      reviewedAt: meetings.reviewedAt,
      updatedAt: meetings.updatedAt,
      article: {
        id: articles.id,
        title: articles.title,
        outlet: articles.outlet,
        url: articles.url,
        publishedOn: articles.publishedOn,
        cleanText: articles.cleanText,
      },
    })
    .from(meetings)
    .innerJoin(articles, eq(articles.id, meetings.articleId))
    .where(eq(meetings.id, id));
  if (!m) return null;

  const [children] = await queryRows<RecordRows & Pick<RecordView, "evidence" | "sources">>(
    db,
    sql`select ${recordRowColumns(id)},
      (select coalesce(json_agg(json_build_object('field', e.field, 'valueKey', e.value_key, 'start', e.start, 'end', e."end",
          'articleId', coalesce(e.article_id, ${m.article.id}::int)) order by e.start), '[]'::json)
        from evidence e where e.meeting_id = ${id}) as evidence,
      (select coalesce(json_agg(json_build_object('articleId', a.id, 'title', a.title, 'outlet', a.outlet, 'url', a.url,
          'file', a.file, 'publishedOn', to_char(a.published_on, 'YYYY-MM-DD'), 'via', s.via, 'cleanText', a.clean_text)
          order by (a.id <> ${m.article.id}::int), s.id), '[]'::json)
        from meeting_sources s join articles a on a.id = s.article_id where s.meeting_id = ${id}) as sources`,
  );
  return {
    ...m,
    date: m.date ? String(m.date).slice(0, 10) : null,
    article: { ...m.article, publishedOn: m.article.publishedOn ? String(m.article.publishedOn).slice(0, 10) : null },
    participants: json(children.participants),
    partners: json(children.partners),
    themes: json(children.themes),
    quotes: json(children.quotes),
    evidence: json(children.evidence),
    sources: json(children.sources),
  };
}

/** Versions of several records at once (bulk approve checks what the queue showed). */
export async function getVersions(db: DbOrTx, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: meetings.id, version: meetings.version }).from(meetings).where(inArray(meetings.id, ids));
  return new Map(rows.map((r) => [r.id, r.version]));
}

/** Values for the queue's filter menus. */
export async function listFilterOptions(db: DbOrTx): Promise<{
  outlets: string[];
  officials: string[];
  themes: { code: string; labelRu: string; labelEn: string }[];
}> {
  const [outletRows, officialRows, themeRows] = await Promise.all([
    db
      .selectDistinct({ v: articles.outlet })
      .from(articles)
      .where(sql`${articles.outlet} is not null`)
      .orderBy(asc(articles.outlet))
      .limit(500),
    db
      .selectDistinct({ v: meetings.homeOfficial })
      .from(meetings)
      .where(sql`${meetings.homeOfficial} is not null`)
      .orderBy(asc(meetings.homeOfficial))
      .limit(500),
    db
      .select({ code: themes.code, labelRu: themes.labelRu, labelEn: themes.labelEn })
      .from(themes)
      .where(sql`${themes.retiredAt} is null`)
      .orderBy(asc(themes.sortOrder), asc(themes.code)),
  ]);
  return {
    outlets: outletRows.map((r) => r.v!).filter(Boolean),
    officials: officialRows.map((r) => r.v!).filter(Boolean),
    themes: themeRows,
  };
}

/** A partner's display name for the filter chip. */
export async function getPartnerName(db: DbOrTx, id: number): Promise<string | null> {
  const [row] = await db.select({ name: partners.nameRu }).from(partners).where(eq(partners.id, id));
  return row?.name ?? null;
}
