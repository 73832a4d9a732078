// Writes one extracted event as a meeting record with everything hanging off it:
// participants, partners, themes, quotes, evidence spans and the "create" history row.
// Runs inside the article's transaction; the one write path of extracted records, shared by
// ingestion and re-extraction.
import type { Tx } from "@/db/index";
import { evidence, history, meetingParticipants, meetingPartners, meetingThemes, meetings, quotes, themes } from "@/db/schema";
import type { ExtractedEvent, ExtractedPartner, Provenance } from "@/lib/extract/types";
import { resolvePartners, resolvePeople } from "./resolve-names";

type EvidenceRow = typeof evidence.$inferInsert;

function spansOf(meetingId: number, field: string, valueKey: string | null, p: Provenance | undefined): EvidenceRow[] {
  return (p?.spans ?? []).map(([start, end]) => ({ meetingId, field, valueKey, start, end, confidence: p!.confidence }));
}

/** The themes table's live code for each code the extractor may return (merged themes map to their survivor). */
export type ThemeCodes = Map<string, string>;

/**
 * ThemeCodes as the themes table says now: a merged theme follows its merged_into chain
 * to the survivor; a code whose end of the chain is retired is not assigned (the
 * extractor stops assigning a retired theme; the records that have it keep it).
 */
export async function liveThemeCodes(tx: Tx): Promise<ThemeCodes> {
  const rows = await tx.select({ code: themes.code, mergedInto: themes.mergedInto, retiredAt: themes.retiredAt }).from(themes);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const codes: ThemeCodes = new Map();
  for (const r of rows) {
    let target = r;
    // Bounded: a merge cycle written by hand must not hang an import.
    for (let hop = 0; target.mergedInto && hop < 10; hop++) target = byCode.get(target.mergedInto) ?? target;
    if (!target.retiredAt) codes.set(r.code, target.code);
  }
  return codes;
}

/** Participants, partners, themes and quotes of an event, with their evidence: replaces nothing, only adds. */
export async function insertEventChildren(
  tx: Tx,
  meetingId: number,
  event: ExtractedEvent,
  themeCodes: ThemeCodes,
  options: { skipPartnerIds?: Set<number>; skipThemeCodes?: Set<string>; ordinalBase?: number } = {},
): Promise<EvidenceRow[]> {
  const spans: EvidenceRow[] = [];
  const ordinalBase = options.ordinalBase ?? 0;
  const personIds = await resolvePeople(tx, [
    ...event.participants.map((p) => ({ name: p.name, side: p.side })),
    ...event.quotes.filter((q) => q.speaker).map((q) => ({ name: q.speaker!, side: null })),
  ]);

  if (event.participants.length > 0) {
    const rows = await tx
      .insert(meetingParticipants)
      .values(
        event.participants.map((p, i) => ({
          meetingId,
          personId: personIds.get(p.name) ?? null,
          name: p.name,
          position: p.position,
          side: p.side,
          ordinal: ordinalBase + i,
          confidence: p.confidence,
        })),
      )
      .returning({ id: meetingParticipants.id, ordinal: meetingParticipants.ordinal });
    rows.sort((a, b) => a.ordinal - b.ordinal);
    event.participants.forEach((p, i) => spans.push(...spansOf(meetingId, "participant", String(rows[i].id), p)));
  }

  const partnerIds = await resolvePartners(tx, event.partners);
  const seenPartners = new Set(options.skipPartnerIds);
  const partnerRows: { meetingId: number; partnerId: number; confidence: number }[] = [];
  const partnerEvidence: [ExtractedPartner, number][] = [];
  for (const p of event.partners) {
    const partnerId = partnerIds.get(p);
    if (partnerId === undefined) continue;
    if (!seenPartners.has(partnerId)) {
      seenPartners.add(partnerId);
      partnerRows.push({ meetingId, partnerId, confidence: p.confidence });
    }
    partnerEvidence.push([p, partnerId]);
  }
  if (partnerRows.length > 0) await tx.insert(meetingPartners).values(partnerRows).onConflictDoNothing();
  for (const [p, partnerId] of partnerEvidence) spans.push(...spansOf(meetingId, "partner", String(partnerId), p));

  const seenThemes = new Set(options.skipThemeCodes);
  const themeRows: { meetingId: number; themeCode: string; confidence: number }[] = [];
  for (const t of event.themes) {
    const code = themeCodes.get(t.code);
    if (!code) continue;
    if (!seenThemes.has(code)) {
      seenThemes.add(code);
      themeRows.push({ meetingId, themeCode: code, confidence: t.confidence });
    }
    spans.push(...spansOf(meetingId, "theme", code, t));
  }
  if (themeRows.length > 0) await tx.insert(meetingThemes).values(themeRows).onConflictDoNothing();

  if (event.quotes.length > 0) {
    const rows = await tx
      .insert(quotes)
      .values(
        event.quotes.map((q, i) => ({
          meetingId,
          speakerName: q.speaker,
          speakerPersonId: q.speaker ? (personIds.get(q.speaker) ?? null) : null,
          text: q.text,
          ordinal: ordinalBase + i,
          confidence: q.confidence,
        })),
      )
      .returning({ id: quotes.id, ordinal: quotes.ordinal });
    rows.sort((a, b) => a.ordinal - b.ordinal);
    event.quotes.forEach((q, i) => spans.push(...spansOf(meetingId, "quote", String(rows[i].id), q)));
  }
  return spans;
}

export function homeOfficialOf(event: ExtractedEvent): string | null {
  return event.participants.find((p) => p.side === "home")?.name ?? null;
}

export function scalarEvidence(meetingId: number, event: ExtractedEvent): EvidenceRow[] {
  return [
    ...spansOf(meetingId, "kind", event.kind, event.kindEvidence),
    ...spansOf(meetingId, "date", event.date, event.date ? event.dateEvidence : undefined),
    ...spansOf(meetingId, "location", event.location, event.location ? event.locationEvidence : undefined),
  ];
}

/** ISO dates only: an impossible date from the extractor is stored as no date rather than failing the article. */
export function validIsoDate(value: string | null | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value) ? value : null;
}

/** Creates the meeting record of one event; returns its id. */
export async function insertMeeting(
  tx: Tx,
  args: { articleId: number; ordinal: number; event: ExtractedEvent; extractorVersion: string; userId: number | null; themeCodes: ThemeCodes },
): Promise<number> {
  const event = { ...args.event, date: validIsoDate(args.event.date) };
  const [{ id }] = await tx
    .insert(meetings)
    .values({
      articleId: args.articleId,
      ordinal: args.ordinal,
      kind: event.kind,
      kindConfidence: event.kindEvidence?.confidence ?? null,
      date: event.date,
      dateConfidence: event.date ? (event.dateEvidence?.confidence ?? null) : null,
      location: event.location,
      locationConfidence: event.location ? (event.locationEvidence?.confidence ?? null) : null,
      confidence: event.confidence,
      extractorVersion: args.extractorVersion,
      homeOfficial: homeOfficialOf(event),
    })
    .returning({ id: meetings.id });
  const spans = [...scalarEvidence(id, event), ...(await insertEventChildren(tx, id, event, args.themeCodes))];
  if (spans.length > 0) await tx.insert(evidence).values(spans);
  await tx.insert(history).values({
    entityType: "meeting",
    entityId: id,
    action: "create",
    after: {
      articleId: args.articleId,
      kind: event.kind,
      date: event.date,
      location: event.location,
      participants: event.participants.map((p) => p.name),
      partners: event.partners.map((p) => p.code ?? p.name),
      themes: event.themes.map((t) => t.code),
    },
    userId: args.userId,
  });
  return id;
}

