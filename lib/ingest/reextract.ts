// Re-extraction: brings pending records up to date when the extractor or the
// registries improve. Records are paired with the new extraction's events by ordinal;
// the editor-ownership rules (lib/meetings/ownership.ts) decide field by field: values an
// editor set or confirmed are never overwritten, and a disagreeing machine value is kept
// in meetings.proposals. Evidence spans and confidences follow the replaced values.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/index";
import { articles, evidence, meetingParticipants, meetingPartners, meetingSources, meetingThemes, meetings, quotes, recordOperations } from "@/db/schema";
import type { ExtractedArticle, ExtractedEvent } from "@/lib/extract/types";
import { createAppExtractor, type AppExtractor } from "@/lib/app-extractor";
import { applyMachineValues } from "@/lib/meetings/ownership";
import type { EditableField } from "@/lib/validations/meetings";
import { contentHash } from "./normalize";
import { resolvePartners, resolvePeople } from "./resolve-names";
import { insertMeeting, liveThemeCodes, scalarEvidence, validIsoDate, type ThemeCodes } from "./write-meeting";

export interface ReextractSummary {
  articles: number;
  meetingsUpdated: number;
  meetingsCreated: number;
  proposals: number;
  failed: { articleId: number; reason: string }[];
}

function pickArticle(found: ExtractedArticle[], storedHash: string): ExtractedArticle | undefined {
  return found.find((a) => contentHash(a.text) === storedHash) ?? found[0];
}

/** Rewrites evidence and confidences of the fields the machine pass replaced. */
async function refreshEvidence(tx: Tx, meetingId: number, event: ExtractedEvent, changed: Set<EditableField>, themeCodes: ThemeCodes) {
  const fieldNames: Record<EditableField, string> = {
    kind: "kind", date: "date", location: "location", participants: "participant", partners: "partner", themes: "theme", quotes: "quote",
  };
  const stale = [...changed].map((f) => fieldNames[f]);
  if (stale.length) await tx.delete(evidence).where(and(eq(evidence.meetingId, meetingId), inArray(evidence.field, stale)));
  const rows: (typeof evidence.$inferInsert)[] = scalarEvidence(meetingId, event).filter((e) =>
    changed.has(e.field as EditableField),
  );
  const spans = (field: string, key: string, p: { spans: [number, number][]; confidence: number }) =>
    p.spans.forEach(([start, end]) => rows.push({ meetingId, field, valueKey: key, start, end, confidence: p.confidence }));

  if (changed.has("participants")) {
    const ids = await resolvePeople(tx, event.participants.map((p) => ({ name: p.name, side: p.side })));
    const stored = await tx
      .select({ id: meetingParticipants.id, ordinal: meetingParticipants.ordinal })
      .from(meetingParticipants)
      .where(eq(meetingParticipants.meetingId, meetingId))
      .orderBy(asc(meetingParticipants.ordinal));
    for (const row of stored) {
      const p = event.participants[row.ordinal];
      if (!p) continue;
      await tx
        .update(meetingParticipants)
        .set({ personId: ids.get(p.name) ?? null, confidence: p.confidence })
        .where(eq(meetingParticipants.id, row.id));
      spans("participant", String(row.id), p);
    }
  }
  if (changed.has("partners")) {
    const ids = await resolvePartners(tx, event.partners);
    for (const p of event.partners) {
      const id = ids.get(p);
      if (id === undefined) continue;
      await tx.update(meetingPartners).set({ confidence: p.confidence }).where(and(eq(meetingPartners.meetingId, meetingId), eq(meetingPartners.partnerId, id)));
      spans("partner", String(id), p);
    }
  }
  if (changed.has("themes")) {
    for (const t of event.themes) {
      const code = themeCodes.get(t.code);
      if (!code) continue;
      await tx.update(meetingThemes).set({ confidence: t.confidence }).where(and(eq(meetingThemes.meetingId, meetingId), eq(meetingThemes.themeCode, code)));
      spans("theme", code, t);
    }
  }
  if (changed.has("quotes")) {
    const ids = await resolvePeople(tx, event.quotes.filter((q) => q.speaker).map((q) => ({ name: q.speaker!, side: null })));
    const stored = await tx
      .select({ id: quotes.id, ordinal: quotes.ordinal })
      .from(quotes)
      .where(eq(quotes.meetingId, meetingId))
      .orderBy(asc(quotes.ordinal));
    for (const row of stored) {
      const q = event.quotes[row.ordinal];
      if (!q) continue;
      await tx
        .update(quotes)
        .set({ speakerPersonId: q.speaker ? (ids.get(q.speaker) ?? null) : null, confidence: q.confidence })
        .where(eq(quotes.id, row.id));
      spans("quote", String(row.id), q);
    }
  }
  if (rows.length) await tx.insert(evidence).values(rows);
  const confidence: Partial<typeof meetings.$inferInsert> = { confidence: event.confidence };
  if (changed.has("kind")) confidence.kindConfidence = event.kindEvidence.confidence;
  if (changed.has("date")) confidence.dateConfidence = event.date ? event.dateEvidence.confidence : null;
  if (changed.has("location")) confidence.locationConfidence = event.location ? event.locationEvidence.confidence : null;
  await tx.update(meetings).set(confidence).where(eq(meetings.id, meetingId));
}

/** Ordinals of this article's events whose records an editor deleted (and did not restore). */
async function removedEventOrdinals(tx: Tx, articleId: number): Promise<Set<number>> {
  const rows = await tx
    .select({ events: recordOperations.removedEvents })
    .from(recordOperations)
    .where(sql`${recordOperations.undoneAt} is null and cardinality(${recordOperations.removedEvents}) > 0`);
  const prefix = `${articleId}:`;
  return new Set(rows.flatMap((r) => r.events.filter((e) => e.startsWith(prefix)).map((e) => Number(e.slice(prefix.length)))));
}

async function reextractArticle(db: Db, articleId: number, extractor: AppExtractor, summary: ReextractSummary): Promise<void> {
  const [stored] = await db.select().from(articles).where(eq(articles.id, articleId));
  if (!stored) return;
  const isHtml = /<(html|body|article|p|div)[\s>]/i.test(stored.rawText.slice(0, 4096));
  const extraction = extractor.runText ? await extractor.runText(stored.rawText, { isHtml }) : extractor.extractText(stored.rawText, { isHtml });
  const article = pickArticle(extraction.articles, stored.contentHash);
  if (!article) return;
  await db.transaction(async (tx) => {
    const themeCodes = await liveThemeCodes(tx);
    // Events are paired through the sources: an event attached to, or merged into, another
    // article's record stays there (re-extraction never splits what an editor merged), and
    // an event whose record an editor deleted is not brought back.
    const existing = await tx
      .select({
        id: meetings.id,
        ordinal: meetingSources.ordinal,
        status: meetings.status,
        own: sql<boolean>`(${meetings.articleId} = ${articleId} and ${meetings.ordinal} = ${meetingSources.ordinal})`,
      })
      .from(meetingSources)
      .innerJoin(meetings, eq(meetings.id, meetingSources.meetingId))
      .where(eq(meetingSources.articleId, articleId));
    const byOrdinal = new Map(existing.map((m) => [m.ordinal, m]));
    const removed = await removedEventOrdinals(tx, articleId);
    // Spans refer to the newly cleaned text, so the article keeps that text.
    const newHash = contentHash(article.text);
    await tx
      .update(articles)
      .set({
        cleanText: article.text,
        people: article.people.map((p) => ({ name: p.name, spans: p.spans })),
        extractorVersion: extractor.version,
        contentHash: sql`case when exists (select 1 from articles a2 where a2.content_hash = ${newHash} and a2.id <> ${articleId}) then ${articles.contentHash} else ${newHash} end`,
      })
      .where(eq(articles.id, articleId));
    for (const [ordinal, event] of article.events.entries()) {
      const old = byOrdinal.get(ordinal);
      if (!old) {
        if (removed.has(ordinal)) continue;
        await insertMeeting(tx, { articleId, ordinal, event, extractorVersion: extractor.version, userId: null, themeCodes });
        summary.meetingsCreated++;
        continue;
      }
      if (old.status !== "pending" || !old.own) continue;
      const partnerIds = await resolvePartners(tx, event.partners);
      const { changed, proposed } = await applyMachineValues(
        tx,
        old.id,
        {
          kind: event.kind,
          date: validIsoDate(event.date),
          location: event.location,
          participants: event.participants.map((p) => ({ name: p.name, position: p.position, side: p.side })),
          partnerIds: [...new Set(event.partners.map((p) => partnerIds.get(p)).filter((id): id is number => id !== undefined))],
          themes: [...new Set(event.themes.map((t) => themeCodes.get(t.code)).filter((c): c is string => Boolean(c)))],
          quotes: event.quotes.map((q) => ({ text: q.text, speaker: q.speaker })),
        },
        { extractorVersion: extractor.version, action: "reextract" },
      );
      if (changed.length) summary.meetingsUpdated++;
      summary.proposals += proposed.length;
      if (changed.length) await refreshEvidence(tx, old.id, event, new Set(changed), themeCodes);
    }
  });
}

/** Re-extracts the article of every pending record. One transaction per article. */
export async function reextractPending(
  db: Db,
  options: { extractor?: AppExtractor; onArticle?: (done: number, total: number) => void } = {},
): Promise<ReextractSummary> {
  const extractor = options.extractor ?? (await createAppExtractor(db));
  const ids = (
    await db.selectDistinct({ id: meetings.articleId }).from(meetings).where(eq(meetings.status, "pending")).orderBy(asc(meetings.articleId))
  ).map((r) => r.id);
  const summary: ReextractSummary = { articles: ids.length, meetingsUpdated: 0, meetingsCreated: 0, proposals: 0, failed: [] };
  for (const [i, id] of ids.entries()) {
    try {
      await reextractArticle(db, id, extractor, summary);
    } catch (error) {
      summary.failed.push({ articleId: id, reason: error instanceof Error ? error.message : String(error) });
    }
    options.onArticle?.(i + 1, ids.length);
  }
  return summary;
}
