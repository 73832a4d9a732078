// Reads for the people registry pages: the searchable list and one person with name
// variants, positions over time and every meeting they took part in.
import { and, asc, desc, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/index";
import { articles, history, meetingParticipants, meetings, partners, people, personAliases, personPositions } from "@/db/schema";
import { normalizeName } from "@/lib/ingest/normalize";

export const PEOPLE_PAGE_SIZE = 50;

export async function listPeople(db: DbOrTx, f: { q?: string; page?: number }) {
  const conditions: SQL[] = [isNull(people.mergedIntoId)];
  if (f.q) {
    const norm = `%${normalizeName(f.q).replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(ilike(people.normalized, norm), sql`exists (select 1 from ${personAliases} pa where pa.person_id = ${people.id} and pa.normalized like ${norm})`)!,
    );
  }
  const page = f.page ?? 1;
  const rows = await db
    .select({
      id: people.id,
      name: people.name,
      side: people.side,
      meetings: sql<number>`(select count(distinct mp.meeting_id)::int from ${meetingParticipants} mp where mp.person_id = "people"."id")`,
      variants: sql<number>`(select count(*)::int from ${personAliases} pa where pa.person_id = "people"."id")`,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(people)
    .where(and(...conditions))
    .orderBy(sql`(select count(*) from ${meetingParticipants} mp where mp.person_id = ${people.id}) desc`, asc(people.name))
    .limit(PEOPLE_PAGE_SIZE)
    .offset((page - 1) * PEOPLE_PAGE_SIZE);
  return { rows, total: Number(rows[0]?.total ?? 0), page };
}

export async function getPerson(db: DbOrTx, id: number) {
  const [person] = await db.select().from(people).where(eq(people.id, id));
  if (!person) return null;
  const [aliases, positions, participations, mergedInto, mergedFrom, partner, changes] = await Promise.all([
    db.select().from(personAliases).where(eq(personAliases.personId, id)).orderBy(asc(personAliases.alias)),
    db
      .select({
        id: personPositions.id,
        position: personPositions.position,
        organization: personPositions.organization,
        partnerId: personPositions.partnerId,
        partnerName: partners.nameRu,
        validFrom: personPositions.validFrom,
        validTo: personPositions.validTo,
      })
      .from(personPositions)
      .leftJoin(partners, eq(partners.id, personPositions.partnerId))
      .where(eq(personPositions.personId, id))
      .orderBy(sql`${personPositions.validFrom} desc nulls last`),
    db
      .select({
        participantId: meetingParticipants.id,
        meetingId: meetings.id,
        nameAsWritten: meetingParticipants.name,
        position: meetingParticipants.position,
        side: meetingParticipants.side,
        date: meetings.date,
        kind: meetings.kind,
        status: meetings.status,
        title: articles.title,
      })
      .from(meetingParticipants)
      .innerJoin(meetings, eq(meetings.id, meetingParticipants.meetingId))
      .innerJoin(articles, eq(articles.id, meetings.articleId))
      .where(eq(meetingParticipants.personId, id))
      .orderBy(sql`${meetings.date} desc nulls last`, desc(meetings.id))
      .limit(300),
    person.mergedIntoId ? db.select({ id: people.id, name: people.name }).from(people).where(eq(people.id, person.mergedIntoId)) : Promise.resolve([]),
    db.select({ id: people.id, name: people.name }).from(people).where(eq(people.mergedIntoId, id)),
    person.partnerId ? db.select({ id: partners.id, nameRu: partners.nameRu }).from(partners).where(eq(partners.id, person.partnerId)) : Promise.resolve([]),
    db.select().from(history).where(and(eq(history.entityType, "person"), eq(history.entityId, id))).orderBy(desc(history.id)).limit(30),
  ]);
  return { person, aliases, positions, participations, mergedInto: mergedInto[0] ?? null, mergedFrom, partner: partner[0] ?? null, changes };
}
