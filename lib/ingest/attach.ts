// One meeting across outlets: when a newly ingested article reports a contact that an
// existing record already holds (same kind, date within a day, a shared partner, the same
// home-side person; never a rejected record), the article becomes another source of that
// record instead of a new record. Disagreeing values are proposals, never overwrites.
//
// Concurrency: two articles on one meeting ingested at the same moment must not both
// miss each other and create two records. Each matching step takes transaction-level
// advisory locks on (kind, day) for the day before, the day and the day after, in
// ascending order; two events that could match share at least one of those keys, so the
// second waits until the first has committed its record and then finds it.
import { and, eq, sql } from "drizzle-orm";
import { queryRows, type Tx } from "@/db/index";
import { evidence, history, meetingSources, meetings, meetingThemes } from "@/db/schema";
import type { ExtractedEvent, Provenance } from "@/lib/extract/types";
import { normalizeName } from "./normalize";
import { resolvePartners, resolvePeople } from "./resolve-names";
import { scalarEvidence, validIsoDate, type ThemeCodes } from "./write-meeting";

/** The advisory lock class of the matching step (pg_advisory_xact_lock(int, int)'s first key). */
const MATCH_LOCK_CLASS = 1_700_170;
const KIND_KEYS: Record<ExtractedEvent["kind"], number> = { meeting: 0, phone_call: 1, conference: 2, statement: 3, other: 4 };

const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/** Locks (kind, day-1..day+1): the keys any event that could match this one also takes. */
export async function lockMatchWindow(tx: Tx, kind: ExtractedEvent["kind"], date: string): Promise<void> {
  const day = dayNumber(date);
  for (const d of [day - 1, day, day + 1]) {
    // One int4 key per (kind, day): days since 1970 times 8 plus the kind fits easily.
    await tx.execute(sql`select pg_advisory_xact_lock(${MATCH_LOCK_CLASS}::int, ${d * 8 + KIND_KEYS[kind]}::int)`);
  }
}

export interface MatchKeys {
  partnerIds: number[];
  homePersonIds: number[];
  /** Surnames (the last word, normalised) of the home-side people: outlets differ in first names and initials. */
  homeSurnames: string[];
  /** Partner-side surnames: an outlet that names the guest but not the country still shares the partner through them. */
  guestSurnames: string[];
}

const surname = (name: string) => normalizeName(name).split(" ").pop() ?? "";

/** The partners and home-side people of an event as registry ids (created when new, as ingestion would). */
export async function matchKeys(tx: Tx, event: ExtractedEvent): Promise<MatchKeys> {
  const partnerMap = await resolvePartners(tx, event.partners);
  const home = event.participants.filter((p) => p.side === "home");
  // Every name the record would link (as insertEventChildren resolves them), so that the
  // name locks a new person takes come before the day locks, never after: no lock cycle.
  const people = await resolvePeople(tx, [
    ...event.participants.map((p) => ({ name: p.name, side: p.side })),
    ...event.quotes.filter((q) => q.speaker).map((q) => ({ name: q.speaker!, side: null })),
  ]);
  const personMap = new Map(home.flatMap((p) => (people.has(p.name) ? [[p.name, people.get(p.name)!] as const] : [])));
  const surnames = (side: "home" | "partner") => [...new Set(event.participants.filter((p) => p.side === side).map((p) => surname(p.name)).filter(Boolean))];
  return {
    partnerIds: [...new Set(partnerMap.values())],
    homePersonIds: [...new Set(personMap.values())],
    homeSurnames: surnames("home"),
    guestSurnames: surnames("partner"),
  };
}

const intArray = (values: number[]) => sql`array[${sql.join([...values, -1].map((v) => sql`${v}::int`), sql`, `)}]::int[]`;
const textArray = (values: string[]) => sql`array[${sql.join([...values, ""].map((v) => sql`${v}`), sql`, `)}]::text[]`;
/** A participant's surname in SQL, as `surname()` computes it. */
const sqlSurname = (alias: string) => sql.raw(`regexp_replace(replace(lower(trim(${alias}.name)), 'ё', 'е'), '^.*\\s', '')`);

type Candidate = { id: number; home: boolean; guest: boolean; hasGuests: boolean };

/**
 * The record an event is the same contact as, or null: same kind, date within a day, not
 * rejected, a shared partner (or partner-side person), and
 *  - the same home-side person (by registry id or surname); when both name partner-side
 *    people, at least one of them in common (another guest the next day is another meeting);
 *  - or, when the article names nobody on the home side, the same guest, and only if
 *    exactly one record qualifies (the same guest met two officials that day: ambiguous).
 * Undated events are never attached automatically: the duplicates list proposes them.
 */
export async function findAttachTarget(
  tx: Tx,
  args: { event: ExtractedEvent; articleId: number; keys: MatchKeys },
): Promise<number | null> {
  const date = validIsoDate(args.event.date);
  const { partnerIds, homePersonIds, homeSurnames, guestSurnames } = args.keys;
  if (!date || (partnerIds.length === 0 && guestSurnames.length === 0)) return null;
  if (homeSurnames.length === 0 && guestSurnames.length === 0) return null;
  await lockMatchWindow(tx, args.event.kind, date);
  const guests = sql`select 1 from meeting_participants g where g.meeting_id = m.id and g.side = 'partner'`;
  const list = await queryRows<Candidate>(tx, sql`
    select m.id,
      exists (select 1 from meeting_participants h where h.meeting_id = m.id and h.side = 'home'
        and (h.person_id = any(${intArray(homePersonIds)}) or ${sqlSurname("h")} = any(${textArray(homeSurnames)}))) as home,
      exists (${guests} and ${sqlSurname("g")} = any(${textArray(guestSurnames)})) as guest,
      exists (${guests}) as "hasGuests"
    from meetings m
    where m.kind = ${args.event.kind} and m.status <> 'rejected'
      and m.date between ${date}::date - 1 and ${date}::date + 1
      and m.article_id <> ${args.articleId}
      and (exists (select 1 from meeting_partners mp where mp.meeting_id = m.id and mp.partner_id = any(${intArray(partnerIds)}))
        or exists (${guests} and ${sqlSurname("g")} = any(${textArray(guestSurnames)})))
      and not exists (select 1 from meeting_sources s where s.meeting_id = m.id and s.article_id = ${args.articleId})
    order by abs(m.date - ${date}::date), m.id`);
  if (homeSurnames.length > 0) {
    const hit = list.find((c) => c.home && (guestSurnames.length === 0 || !c.hasGuests || c.guest));
    return hit ? Number(hit.id) : null;
  }
  const byGuest = list.filter((c) => c.guest);
  return byGuest.length === 1 ? Number(byGuest[0].id) : null;
}

type EvidenceRow = typeof evidence.$inferInsert;

function spans(meetingId: number, articleId: number, field: string, valueKey: string | null, p: Provenance | undefined): EvidenceRow[] {
  return (p?.spans ?? []).map(([start, end]) => ({ meetingId, articleId, field, valueKey, start, end, confidence: p!.confidence }));
}

/**
 * Attaches an article's event to a record as another source: the source row, the
 * evidence of each field in this article, themes the record lacks (when the machine owns
 * them), a proposal for each scalar value it disagrees on, one history row, a new version.
 */
export async function attachSource(
  tx: Tx,
  args: { meetingId: number; articleId: number; ordinal: number; event: ExtractedEvent; keys: MatchKeys; themeCodes: ThemeCodes; userId: number | null },
): Promise<void> {
  const { meetingId, articleId, event } = args;
  const [record] = await tx
    .select({
      date: meetings.date,
      location: meetings.location,
      locationSource: meetings.locationSource,
      proposals: meetings.proposals,
    })
    .from(meetings)
    .where(eq(meetings.id, meetingId))
    .for("update");
  await tx.insert(meetingSources).values({ meetingId, articleId, ordinal: args.ordinal, via: "attached", addedBy: args.userId });

  const date = validIsoDate(event.date);
  const proposals: Record<string, unknown> = { ...(record.proposals ?? {}) };
  const recordDate = record.date ? String(record.date).slice(0, 10) : null;
  if (date && recordDate && date !== recordDate && !("date" in proposals)) proposals.date = date;
  let location: string | undefined;
  if (event.location && event.location !== record.location) {
    if (!record.location && record.locationSource === "extractor") location = event.location;
    else if (!("location" in proposals)) proposals.location = event.location;
  }

  const rows: EvidenceRow[] = scalarEvidence(meetingId, { ...event, date }).map((e) => ({ ...e, articleId }));
  for (const p of event.partners) rows.push(...spans(meetingId, articleId, "partner", null, p));
  const themeRows = await tx
    .select({ code: meetingThemes.themeCode, source: meetingThemes.source })
    .from(meetingThemes)
    .where(eq(meetingThemes.meetingId, meetingId));
  const editorThemes = themeRows.length > 0 && themeRows.every((t) => t.source === "editor");
  const have = new Set(themeRows.map((t) => t.code));
  for (const t of event.themes) {
    const code = args.themeCodes.get(t.code);
    if (!code) continue;
    rows.push(...spans(meetingId, articleId, "theme", code, t));
    if (!have.has(code) && !editorThemes) {
      have.add(code);
      await tx.insert(meetingThemes).values({ meetingId, themeCode: code, confidence: t.confidence }).onConflictDoNothing();
    }
  }
  for (const p of event.participants) rows.push(...spans(meetingId, articleId, "participant", null, p));
  if (rows.length) await tx.insert(evidence).values(rows);

  await tx
    .update(meetings)
    .set({
      ...(location ? { location } : {}),
      proposals: Object.keys(proposals).length ? proposals : null,
      version: sql`${meetings.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(meetings.id, meetingId)));
  await tx.insert(history).values({
    entityType: "meeting",
    entityId: meetingId,
    action: "attach_source",
    field: "sources",
    after: { articleId, ordinal: args.ordinal, date, location: event.location, partners: args.keys.partnerIds },
    userId: args.userId,
  });
}
