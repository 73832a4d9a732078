// Stage 5 of the contact pipeline: report sentences grouped into contacts. A sentence whose
// trigger brings new people (another counterpart, another home official) or another kind of
// contact opens a new group; one that goes on about the same people joins the current one.
// A "серия встреч" sentence is a header: its date, place and home side serve the groups below.
import type { Side, Span } from "../types";
import { dateInSentence, type DateHit } from "./dates";
import type { TriggerKind } from "./lexicon";
import type { MentionInfo } from "./people";
import { placeIn, visitPlace, type PlaceHit } from "./places";
import type { SidedArticle } from "./sides";

export interface Header {
  sentence: number;
  date: DateHit | null;
  place: PlaceHit | null;
  home: readonly string[];
}

export interface ContactGroup {
  kind: TriggerKind;
  strength: number;
  triggers: readonly { sentence: number; span: Span }[];
  /** First sentence of the group's stretch of text. */
  first: number;
  /** Exclusive end sentence. */
  end: number;
  home: ReadonlySet<string>;
  partner: ReadonlySet<string>;
  header: Header | null;
}

const CHAIRS_SESSION = /^(?:заседание|совещание|сессию|мероприятие)\s+(?:\S+\s+){0,6}?провел\p{L}*$|^пров(?:ел|ёл|ела|ели)\s+(?:\S+\s+){0,3}?(?:заседание|совещание)$/u;

/** People acting in sentence `i` (not in speech, not only referred to), nominative ones only when asked. */
export function sentenceActors(a: SidedArticle, i: number, onlyNominative = false): MentionInfo[] {
  return (a.infosBySentence.get(i) ?? []).filter((info) => !info.inQuote && !info.referenceOnly && (!onlyNominative || info.nominative));
}

export function namesOnSide(a: SidedArticle, infos: readonly MentionInfo[], side: Side): Set<string> {
  return new Set(infos.filter((x) => a.sides.get(x.name)?.side === side).map((x) => x.name));
}

interface Draft {
  kind: TriggerKind;
  strength: number;
  triggers: { sentence: number; span: Span }[];
  first: number;
  end: number;
  home: Set<string>;
  partner: Set<string>;
  header: Header | null;
}

export function groupContacts(a: SidedArticle): ContactGroup[] {
  const groups: Draft[] = [];
  let current: Draft | null = null;
  let header: Header | null = null;
  for (let i = 0; i < a.bodyEnd; i++) {
    const trig = a.roles[i]!.trigger;
    if (!trig) continue;
    const s = a.sentences[i]!;
    if (trig.kind === "header") {
      header = headerOf(a, i);
      if (current) current.end = i;
      current = null;
      continue;
    }
    // "Стороны обсудили … подписанные во время визита Эмира": the sides are the subject, a name in another case is only mentioned
    const actors = sentenceActors(a, i, trig.kind === "statement" || trig.strength <= 0.5);
    const home = namesOnSide(a, actors, "home");
    const partner = namesOnSide(a, actors, "partner");
    // "Заседание провел председатель …": whoever chairs the session the home side attended is part of that conference
    const chairsSession =
      current?.kind === "conference" &&
      trig.kind === "meeting" &&
      CHAIRS_SESSION.test(a.masked.slice(trig.span[0], trig.span[1]).toLowerCase()) &&
      !/встреч|переговор|бесед/u.test(a.masked.slice(s.start, s.end).toLowerCase());
    if (current && (chairsSession || continues(current, trig.kind, trig.strength, home, partner))) {
      current.triggers.push({ sentence: i, span: trig.span });
      for (const h of home) current.home.add(h);
      for (const p of partner) current.partner.add(p);
      if (trig.strength > current.strength && trig.kind !== "statement" && current.strength <= 0.5) {
        current.kind = trig.kind;
        current.strength = trig.strength;
      }
      continue;
    }
    if (current) current.end = i;
    const first = groups.length === 0 && !s.first ? a.sentences.findIndex((x) => x.paragraph === s.paragraph) : i;
    current = { kind: trig.kind, strength: trig.strength, triggers: [{ sentence: i, span: trig.span }], first, end: a.bodyEnd, home, partner, header };
    groups.push(current);
  }
  // A weak "стороны обсудили" only stands for a contact when nothing stronger is reported.
  const strong = groups.filter((g) => g.strength > 0.5);
  return strong.length ? strong : groups;
}

function headerOf(a: SidedArticle, i: number): Header {
  const s = a.sentences[i]!;
  const span: Span = [s.start, s.end];
  return {
    sentence: i,
    date: dateInSentence(a.masked.slice(s.start, s.end), s.start, a.publishedOn),
    place: placeIn(a.masked, span, a.titleSpans, a.partnerMentions) ?? visitPlace(a.masked, span, a.titleSpans, a.partnerMentions),
    home: [...namesOnSide(a, sentenceActors(a, i), "home")],
  };
}

/** Does a new trigger sentence report the same contact as the current group? */
function continues(g: Draft, kind: TriggerKind, strength: number, home: Set<string>, partner: Set<string>): boolean {
  if (strength <= 0.5) return true;
  const newHome = [...home].some((h) => !g.home.has(h)) && g.home.size > 0;
  const newPartner = [...partner].some((p) => !g.partner.has(p)) && g.partner.size > 0;
  if (kind === "statement") return !newHome;
  const callOrMeeting = (k: TriggerKind) => k === "phone_call" || k === "meeting";
  if (kind !== g.kind && !(g.strength <= 0.5) && !(callOrMeeting(kind) && callOrMeeting(g.kind))) {
    // a different kind of contact with other people is another contact; the same people, the same contact
    if (home.size + partner.size === 0) return true;
    const same = [...home].every((h) => g.home.has(h)) && [...partner].every((p) => g.partner.has(p));
    return same && g.kind !== "conference" && kind !== "conference";
  }
  return !newHome && !newPartner;
}
