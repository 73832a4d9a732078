// The current editable state of one record inside a transaction, row ids and
// sources included, so a save can diff against it and keep unchanged rows' ids
// (evidence spans point at participant and quote rows by id).
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/index";
import { meetingParticipants, meetingPartners, meetings, meetingThemes, partners, quotes } from "@/db/schema";

export async function loadEditable(tx: DbOrTx, meetingId: number, { lock }: { lock: boolean }) {
  const base = tx
    .select({
      id: meetings.id,
      version: meetings.version,
      status: meetings.status,
      kind: meetings.kind,
      kindSource: meetings.kindSource,
      date: meetings.date,
      dateSource: meetings.dateSource,
      location: meetings.location,
      locationSource: meetings.locationSource,
      proposals: meetings.proposals,
    })
    .from(meetings)
    .where(eq(meetings.id, meetingId));
  // The row lock serialises concurrent saves of one record: the second waits, then sees the new version.
  const [row] = lock ? await base.for("update") : await base;
  if (!row) return null;
  const [participants, partnerRows, themeRows, quoteRows] = await Promise.all([
    tx
      .select({
        id: meetingParticipants.id,
        name: meetingParticipants.name,
        position: meetingParticipants.position,
        side: meetingParticipants.side,
        source: meetingParticipants.source,
        ordinal: meetingParticipants.ordinal,
      })
      .from(meetingParticipants)
      .where(eq(meetingParticipants.meetingId, meetingId))
      .orderBy(asc(meetingParticipants.ordinal), asc(meetingParticipants.id)),
    tx
      .select({ id: meetingPartners.partnerId, name: partners.nameRu, source: meetingPartners.source })
      .from(meetingPartners)
      .innerJoin(partners, eq(partners.id, meetingPartners.partnerId))
      .where(eq(meetingPartners.meetingId, meetingId))
      .orderBy(asc(meetingPartners.partnerId)),
    tx
      .select({ code: meetingThemes.themeCode, source: meetingThemes.source })
      .from(meetingThemes)
      .where(eq(meetingThemes.meetingId, meetingId))
      .orderBy(asc(meetingThemes.themeCode)),
    tx
      .select({
        id: quotes.id,
        text: quotes.text,
        speaker: quotes.speakerName,
        source: quotes.source,
        ordinal: quotes.ordinal,
      })
      .from(quotes)
      .where(eq(quotes.meetingId, meetingId))
      .orderBy(asc(quotes.ordinal), asc(quotes.id)),
  ]);
  return {
    ...row,
    date: row.date ? String(row.date).slice(0, 10) : null,
    participants,
    partners: partnerRows,
    themes: themeRows,
    quotes: quoteRows,
  };
}

export type EditableState = NonNullable<Awaited<ReturnType<typeof loadEditable>>>;
