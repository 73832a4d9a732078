// The articles list (Russian full-text search, outlet, date) and one article with its records.
import { and, asc, count, desc, eq, gte, lte, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/index";
import { articles, meetingParticipants, meetingPartners, meetings, partners } from "@/db/schema";
import { articleMatches, articleRank } from "./search";

export interface ArticleFilter {
  q?: string;
  outlet?: string;
  from?: string;
  to?: string;
  page?: number;
}

export const ARTICLES_PAGE_SIZE = 50;

function conditions(f: ArticleFilter): SQL | undefined {
  const where: SQL[] = [];
  if (f.q) where.push(articleMatches(f.q));
  if (f.outlet) where.push(sql`lower(${articles.outlet}) = lower(${f.outlet})`);
  if (f.from) where.push(gte(articles.publishedOn, f.from));
  if (f.to) where.push(lte(articles.publishedOn, f.to));
  return where.length ? and(...where) : undefined;
}

export async function listArticles(db: DbOrTx, f: ArticleFilter) {
  const where = conditions(f);
  const page = f.page ?? 1;
  const rows = await db
    .select({
      id: articles.id,
      title: articles.title,
      outlet: articles.outlet,
      publishedOn: articles.publishedOn,
      importedAt: articles.importedAt,
      sourceName: articles.sourceName,
      // the records its page lists: of its own events and those it was attached to as another source
      // (meeting_sources_event_uq leads with article_id, so this is an index lookup)
      records: sql<number>`(select count(distinct s.meeting_id)::int from meeting_sources s where s.article_id = "articles"."id")`,
      snippet: sql<string>`left(${articles.cleanText}, 200)`,
    })
    .from(articles)
    .where(where)
    .orderBy(
      ...(f.q ? [desc(articleRank(f.q))] : []),
      desc(articles.importedAt),
      desc(articles.id),
    )
    .limit(ARTICLES_PAGE_SIZE + 1)
    .offset((page - 1) * ARTICLES_PAGE_SIZE);
  const [{ total }] = await db.select({ total: count() }).from(articles).where(where);
  return { rows: rows.slice(0, ARTICLES_PAGE_SIZE), hasMore: rows.length > ARTICLES_PAGE_SIZE, total, page };
}

export async function listOutlets(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .selectDistinct({ outlet: articles.outlet })
    .from(articles)
    .where(sql`${articles.outlet} is not null`)
    .orderBy(asc(articles.outlet))
    .limit(500);
  return rows.map((r) => r.outlet!);
}

export async function getArticleWithRecords(db: DbOrTx, id: number) {
  const [article] = await db.select().from(articles).where(eq(articles.id, id));
  if (!article) return null;
  const records = await db
    .select({
      id: meetings.id,
      ordinal: meetings.ordinal,
      kind: meetings.kind,
      date: meetings.date,
      location: meetings.location,
      status: meetings.status,
      confidence: meetings.confidence,
    })
    .from(meetings)
    // Records of its own events and records it was attached to as another source.
    .where(sql`${meetings.id} in (select s.meeting_id from meeting_sources s where s.article_id = ${id})`)
    .orderBy(asc(meetings.ordinal), asc(meetings.id));
  const ids = records.map((r) => r.id);
  const participants = ids.length
    ? await db
        .select({ meetingId: meetingParticipants.meetingId, name: meetingParticipants.name, side: meetingParticipants.side })
        .from(meetingParticipants)
        .where(sql`${meetingParticipants.meetingId} in ${ids}`)
        .orderBy(asc(meetingParticipants.ordinal))
    : [];
  const partnerRows = ids.length
    ? await db
        .select({ meetingId: meetingPartners.meetingId, name: partners.nameRu })
        .from(meetingPartners)
        .innerJoin(partners, eq(partners.id, meetingPartners.partnerId))
        .where(sql`${meetingPartners.meetingId} in ${ids}`)
    : [];
  return {
    article,
    records: records.map((r) => ({
      ...r,
      participants: participants.filter((p) => p.meetingId === r.id),
      partners: partnerRows.filter((p) => p.meetingId === r.id).map((p) => p.name),
    })),
  };
}
