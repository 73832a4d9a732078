// Stage 5 of the contact pipeline: report sentences grouped into contacts. A sentence whose
// trigger brings new people (another counterpart, another home official) or another kind of
// contact opens a new group; one that goes on about the same people joins the current one.
// A "серия встреч" sentence is a header: its date, place and home side serve the groups below.
import type { Span } from "../types";
import { dateInSentence, type DateHit } from "./dates";
import type { TriggerKind } from "./lexicon";
import { placeIn, visitPlace, type PlaceHit } from "./places";
import { namesOnSide, sentenceActors, type ClausedArticle, type ContactClause } from "./clauses";

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
  /** Partner keys the counterpart stands for (see clauses.ts). */
  counterparts: ReadonlySet<string>;
  header: Header | null;
}

const CHAIRS_SESSION = /^(?:заседание|совещание|сессию|мероприятие)\s+(?:\S+\s+){0,6}?провел\p{L}*$|^пров(?:ел|ёл|ела|ели)\s+(?:\S+\s+){0,3}?(?:заседание|совещание)$/u;

interface Draft {
  kind: TriggerKind;
  strength: number;
  triggers: { sentence: number; span: Span }[];
  first: number;
  end: number;
  home: Set<string>;
  partner: Set<string>;
  /** Partner-side people acting anywhere in the group so far, trigger sentences or not. */
  seen: Set<string>;
  counterparts: Set<string>;
  header: Header | null;
}

export function groupContacts(a: ClausedArticle): ContactGroup[] {
  const groups: Draft[] = [];
  let current: Draft | null = null;
  let header: Header | null = null;
  let lastSentence = -1;
  for (const clause of a.clauses) {
    const i = clause.sentence;
    const s = a.sentences[i]!;
    // who acted between the clauses ("малайзийскую делегацию возглавил …") is part of the current contact too
    if (current) for (let k = lastSentence + 1; k < i; k++) if (!a.roles[k]!.background) for (const p of namesOnSide(a, sentenceActors(a, k, true), "partner")) current.seen.add(p);
    lastSentence = i;
    if (clause.kind === "header") {
      header = headerOf(a, i);
      if (current) current.end = i;
      current = null;
      continue;
    }
    // "Заседание провел председатель …": whoever chairs the session the home side attended is part of that conference
    const chairsSession =
      current?.kind === "conference" &&
      clause.kind === "meeting" &&
      CHAIRS_SESSION.test(a.masked.slice(clause.span[0], clause.span[1]).toLowerCase()) &&
      !/встреч|переговор|бесед/u.test(a.masked.slice(s.start, s.end).toLowerCase());
    if (current && (chairsSession || continues(current, clause))) {
      current.triggers.push({ sentence: i, span: clause.span });
      for (const h of clause.home) current.home.add(h);
      for (const p of clause.partner) {
        current.partner.add(p);
        current.seen.add(p);
      }
      for (const k of clause.counterparts) current.counterparts.add(k);
      if (clause.strength > current.strength && clause.kind !== "statement" && current.strength <= 0.5) {
        current.kind = clause.kind;
        current.strength = clause.strength;
      }
      continue;
    }
    if (current) current.end = i;
    const first = groups.length === 0 && !s.first ? a.sentences.findIndex((x) => x.paragraph === s.paragraph) : i;
    current = {
      kind: clause.kind,
      strength: clause.strength,
      triggers: [{ sentence: i, span: clause.span }],
      first,
      end: a.bodyEnd,
      home: new Set(clause.home),
      partner: new Set(clause.partner),
      seen: new Set(clause.partner),
      counterparts: new Set(clause.counterparts),
      header,
    };
    groups.push(current);
  }
  // A weak "стороны обсудили" only stands for a contact when nothing stronger is reported.
  const strong = groups.filter((g) => g.strength > 0.5);
  return strong.length ? strong : groups;
}

function headerOf(a: ClausedArticle, i: number): Header {
  const s = a.sentences[i]!;
  const span: Span = [s.start, s.end];
  return {
    sentence: i,
    date: dateInSentence(a.masked.slice(s.start, s.end), s.start, a.publishedOn),
    place: placeIn(a.masked, span, a.titleSpans, a.partnerMentions) ?? visitPlace(a.masked, span, a.titleSpans, a.partnerMentions),
    home: [...namesOnSide(a, sentenceActors(a, i), "home")],
  };
}

/** Does a new clause report the same contact as the current group? */
function continues(g: Draft, clause: ContactClause): boolean {
  const { kind, strength, home, partner } = clause;
  if (strength <= 0.5) return true;
  const newHome = [...home].some((h) => !g.home.has(h)) && g.home.size > 0;
  const newPartner = [...partner].some((p) => !g.seen.has(p)) && g.seen.size > 0;
  // a speech or an article of its own is another event than the meeting before it; a speech at
  // the conference being reported is part of that conference
  if (kind === "statement") return !newHome && !(clause.standalone && g.kind !== "statement" && g.kind !== "conference");
  const callOrMeeting = (k: TriggerKind | "header") => k === "phone_call" || k === "meeting";
  if (kind !== g.kind && !(g.strength <= 0.5) && !(callOrMeeting(kind) && callOrMeeting(g.kind))) {
    // a different kind of contact with other people is another contact; the same people, the same contact
    if (home.size + partner.size === 0) return true;
    const same = [...home].every((h) => g.home.has(h)) && [...partner].every((p) => g.partner.has(p));
    return same && g.kind !== "conference" && kind !== "conference";
  }
  return !newHome && !newPartner && !newCounterpart(g, clause);
}

/** "Затем аким принял посла Индии" after a meeting with Malaysia's ambassador: another counterpart, by title only. */
function newCounterpart(g: Draft, clause: ContactClause): boolean {
  if (!clause.counterparts.size || (!g.counterparts.size && !g.seen.size)) return false;
  if ([...clause.partner].some((p) => g.seen.has(p))) return false;
  return ![...clause.counterparts].some((k) => g.counterparts.has(k));
}
