// Stage 7 of the contact pipeline: one contact's fields — participants with positions, partners,
// date, place, themes and quotes — each with the spans and the confidence editors check.
import type { ExtractedEvent, ExtractedParticipant, ExtractedQuote, Provenance, Span } from "../types";
import { titleToNominative } from "./morphology";
import type { Contact } from "./participants";
import { contactPartners } from "./partners";
import { attribute, isSpeech, quoteText, type SpeakerContext } from "./quotes";
import type { SidedArticle } from "./sides";
import { sentenceIndexAt } from "./units";
import { datelineFor } from "./mentions";
import { contactDate, contactPlace, tiedPrevious, type WhenWhere } from "./when-where";

const clamp = (x: number) => Math.max(0, Math.min(1, Math.round(x * 100) / 100));

/** Every contact's event, in order: a contact tied to the one before may take its date and place. */
export function buildEvents(a: SidedArticle, contacts: readonly Contact[]): ExtractedEvent[] {
  const events: ExtractedEvent[] = [];
  let previous: WhenWhere | null = null;
  let conference: WhenWhere | null = null;
  for (const c of contacts) {
    const built = buildEvent(a, c, tiedPrevious(a, c, previous, conference), previous);
    if (!built) continue;
    events.push(built.event);
    previous = built.whenWhere;
    if (c.kind === "conference") conference = built.whenWhere;
  }
  return events;
}

export function buildEvent(a: SidedArticle, c: Contact, tied: WhenWhere | null = null, previous: WhenWhere | null = null): { event: ExtractedEvent; whenWhere: WhenWhere } | null {
  const participants = participantsOf(a, c);
  const partners = contactPartners(a, c);
  // a meeting with nobody on the other side and no partner named is no contact
  if (!partners.length && c.kind !== "statement" && !c.partner.size) return null;
  const kindEvidence: Provenance = { spans: c.triggers.map((t) => t.span), confidence: clamp(c.strength * 0.95) };
  const { date, hit: dateHit, evidence: dateEvidence } = contactDate(a, c, tied);
  const { location, hit: placeHit, evidence: locationEvidence } = contactPlace(a, c, tied, previous);
  const participantConfidence = participants.length ? Math.min(...participants.map((p) => p.confidence)) : 0.3;
  const partnerConfidence = partners.length ? Math.min(...partners.map((p) => p.confidence)) : 0.3;
  const whenWhere: WhenWhere = { date: dateHit, place: placeHit, kind: c.kind, dateline: datelineFor(a, c.range[0]) };
  const event: ExtractedEvent = {
    kind: c.kind,
    kindEvidence,
    date,
    dateEvidence,
    location,
    locationEvidence,
    participants,
    partners,
    themes: contactThemes(a, c),
    quotes: contactQuotes(a, c, new Set(participants.map((p) => p.name))),
    confidence: clamp(Math.min(kindEvidence.confidence, dateEvidence.confidence + 0.2, participantConfidence + 0.1, partnerConfidence + 0.1)),
  };
  return { event, whenWhere };
}

function participantsOf(a: SidedArticle, c: Contact): ExtractedParticipant[] {
  const out: ExtractedParticipant[] = [];
  for (const [side, names] of [["home", c.home], ["partner", c.partner]] as const) {
    for (const name of names) {
      const p = a.profiles.get(name);
      out.push({
        name,
        position: p?.titleText ? titleToNominative(p.titleText) : null,
        side,
        spans: (p?.mentions ?? []).filter((m) => !m.inQuote).map((m) => m.mention.span),
        confidence: clamp(a.sides.get(name)?.certainty ?? 0.4),
      });
    }
  }
  return out;
}

/** The name of a committee with its remit, up to the next capitalised word or punctuation. */
const COMMITTEE_REMIT = /(?:[Кк]омитет|[Пп]одкомитет|[Кк]омисси)\p{L}*\s+(?:[А-ЯЁ]\p{L}*\s+){0,3}по\s+[а-яё,\s-]+/gu;

/** Themes of the contact's stretch, outside background and headlines, titles and committee remits blanked. */
function contactThemes(a: SidedArticle, c: Contact): ExtractedEvent["themes"] {
  const ranges: Span[] = [];
  for (let i = c.first; i < c.end; i++) {
    if (a.roles[i]!.background || a.roles[i]!.headline) continue;
    ranges.push([a.sentences[i]!.start, a.sentences[i]!.end]);
  }
  if (!ranges.length) return [];
  const from = ranges[0]![0];
  const to = ranges[ranges.length - 1]![1];
  // a title names a post, not a topic: "Комитета по … обороне и безопасности" discusses no security
  let slice = a.text.slice(from, to);
  for (const [ts, te] of a.titleSpans) {
    if (te <= from || ts >= to) continue;
    const x = Math.max(ts, from) - from;
    const z = Math.min(te, to) - from;
    slice = slice.slice(0, x) + " ".repeat(z - x) + slice.slice(z);
  }
  // "Члены Комитета по международным делам, обороне и безопасности": a committee's remit is no topic either
  slice = slice.replace(COMMITTEE_REMIT, (m) => " ".repeat(m.length));
  const local = a.themes.classify(slice, ranges.map(([s, e]) => [s - from, e - from] as Span));
  return local.map((t) => ({ ...t, spans: t.spans.map(([s, e]) => [s + from, e + from] as Span) }));
}

/** Direct speech in the contact's stretch whose speaker is one of its participants. */
function contactQuotes(a: SidedArticle, c: Contact, names: ReadonlySet<string>): ExtractedQuote[] {
  const ctx: SpeakerContext = { text: a.text, masked: a.masked, profiles: a.profiles, infos: a.infos, partners: a.partners, partnerMentions: a.partnerMentions, candidates: names };
  const out: ExtractedQuote[] = [];
  for (const q of a.quotes) {
    if (q.outer[0] < c.range[0] || q.outer[0] >= c.range[1]) continue;
    if (!isSpeech(a.text, q)) continue;
    const paragraph = a.paragraphs[a.sentences[sentenceIndexAt(a.sentences, q.outer[0])]!.paragraph]!;
    const who = attribute(ctx, q, paragraph.end, paragraph.start);
    if (!who?.speaker || !names.has(who.speaker)) continue;
    out.push({ speaker: who.speaker, text: quoteText(a.text, q), spans: who.span ? [q.inner, who.span] : [q.inner], confidence: clamp(who.confidence) });
  }
  return out;
}
