// Stage 4 of the contact pipeline: the side each named person stands on. Titles decide first
// (stage 2's profiles); where they leave it open, the way a report sentence relates two people
// ("X встретился с Y": opposite sides; listed together: the same side), then cues of a visitor,
// then home by default.
import type { Side } from "../types";
import { localShapedName } from "../names";
import { GUEST_WORD, LIST_VERB } from "./lexicon";
import type { MentionInfo } from "./people";
import type { ReadArticle } from "./roles";

export interface SideVerdict {
  side: Side;
  /** 0..1: 0.85–0.9 from a title, 0.6 from a relation, 0.5 from a cue, 0.35 by default. */
  certainty: number;
}

export interface SidedArticle extends ReadArticle {
  readonly sides: ReadonlyMap<string, SideVerdict>;
}

export function assignSides(a: ReadArticle): SidedArticle {
  const fromTitles = new Map<string, SideVerdict>();
  for (const p of a.profiles.values()) if (p.side) fromTitles.set(p.name, { side: p.side, certainty: p.sideCertainty });
  const related = sidesFromRelations(a, fromTitles);
  const cued = sidesFromVisitorCues(a, related);
  return { ...a, sides: withDefaultHome(a, cued) };
}

const opposite = (s: Side): Side => (s === "home" ? "partner" : "home");
const actorsOf = (list: readonly MentionInfo[] | undefined) => (list ?? []).filter((x) => !x.inQuote && !x.referenceOnly);

/** Two passes over the report sentences: a person of unknown or weak side takes it from a surer one beside them. */
function sidesFromRelations(a: ReadArticle, known: ReadonlyMap<string, SideVerdict>): Map<string, SideVerdict> {
  const sides = new Map(known);
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < a.bodyEnd; i++) {
      const actors = actorsOf(a.infosBySentence.get(i));
      if (actors.length < 2) continue;
      const s = a.sentences[i]!;
      const listing = LIST_VERB.test(a.masked.slice(s.start, s.end)) && !a.roles[i]!.trigger;
      for (const u of actors) {
        const mine = sides.get(u.name);
        // a side taken from a generic title ("министр") yields to what the sentence says
        if (mine && mine.certainty > 0.5) continue;
        // (a person of no side yet follows even a generic title's side: "Президент X … провел переговоры с Y")
        const surer = actors.find((k) => k.name !== u.name && (sides.get(k.name)?.certainty ?? 0) > (mine ? Math.max(mine.certainty, 0.5) : 0.45));
        if (!surer) continue;
        const theirs = sides.get(surer.name)!.side;
        const between = a.masked.slice(Math.min(u.mention.span[1], surer.mention.span[1]), Math.max(u.mention.span[0], surer.mention.span[0]));
        const relation = /(?:^|\s)(?:с|со)\s/u.test(between) || u.nominative !== surer.nominative;
        if (!listing && !relation) continue;
        sides.set(u.name, { side: listing ? theirs : opposite(theirs), certainty: 0.6 });
      }
    }
  }
  return sides;
}

const THANKS_KAZAKHSTAN = /^\s*(?:[а-яё]+\s+){0,3}?(?:поблагодарил\p{L}*|выразил\p{L}*\s+признательность)\s+(?:\S+\s+){0,2}?(?:Казахстан|казахстанск|Астан)/u;

/** "поблагодарил Казахстан", "Приветствуя X", a guest referred to as such: the visiting side. */
function sidesFromVisitorCues(a: ReadArticle, known: ReadonlyMap<string, SideVerdict>): Map<string, SideVerdict> {
  const sides = new Map(known);
  for (const [i, list] of a.infosBySentence) {
    if (i >= a.bodyEnd) continue;
    const s = a.sentences[i]!;
    const sm = a.masked.slice(s.start, s.end);
    for (const u of list) {
      if (sides.has(u.name) || u.inQuote) continue;
      const after = a.masked.slice(u.mention.span[1], s.end);
      const before = a.masked.slice(s.start, u.mention.span[0]);
      if (THANKS_KAZAKHSTAN.test(after) || /Приветствуя\s+$/u.test(before) || (GUEST_WORD.test(sm) && !u.nominative && /гост/u.test(sm))) {
        sides.set(u.name, { side: "partner", certainty: 0.5 });
      }
    }
  }
  return sides;
}

/** Nothing said which side: a name shaped like a local one is home, a foreign-looking one the visitor's side (weakly). */
function withDefaultHome(a: ReadArticle, known: ReadonlyMap<string, SideVerdict>): Map<string, SideVerdict> {
  const sides = new Map(known);
  for (const list of a.infosBySentence.values()) {
    for (const u of list) {
      if (sides.has(u.name) || u.inQuote || u.referenceOnly) continue;
      sides.set(u.name, localShapedName(u.name) ? { side: "home", certainty: 0.35 } : { side: "partner", certainty: 0.4 });
    }
  }
  return sides;
}
