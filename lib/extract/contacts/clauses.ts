// Stage 5 of the contact pipeline: contact clauses. Each report sentence becomes a clause: its
// trigger (the wording that reports a contact, or "с X … обсудил" with a foreign counterpart),
// the people acting in it by side, and the partners its counterpart stands for — the countries
// and organisations of the partner-side people, and of foreign officials named by title only
// ("принял посла Индии"). Grouping (grouping.ts) opens a new contact where the counterpart changes.
import type { Side, Span } from "../types";
import { DISCUSSION } from "../rules/contacts";
import { FUTURE, WRITTEN, type TriggerKind } from "./lexicon";
import type { MentionInfo } from "./people";
import { HOME_CODE } from "./people";
import type { TitleReference } from "./references";
import type { SidedArticle } from "./sides";

export interface ContactClause {
  sentence: number;
  kind: TriggerKind | "header";
  strength: number;
  span: Span;
  home: ReadonlySet<string>;
  partner: ReadonlySet<string>;
  /** Partner keys (code, or name without one) of the counterpart. */
  counterparts: ReadonlySet<string>;
  /** A statement that is an event of its own (a speech at the UN, an article), not a remark on a contact. */
  standalone: boolean;
}

export interface ClausedArticle extends SidedArticle {
  readonly clauses: readonly ContactClause[];
}

/** A "с X" counterpart phrase ends before it: the people right after "с/со" and their titles. */
const WITH_BEFORE = /(?:^|[\s,(])(?:с|со)\s+(?:[^\s,.;:!?]+\s+){0,10}$/iu;

export function findContactClauses(a: SidedArticle): ClausedArticle {
  const clauses: ContactClause[] = [];
  let series: { kind: TriggerKind; seen: Set<string> } | null = null;
  for (let i = 0; i < a.bodyEnd; i++) {
    const role = a.roles[i]!;
    if (role.background) continue;
    if (role.trigger?.kind === "header") series = { kind: seriesKind(a, i), seen: new Set() };
    let trigger = role.trigger ?? implicitTrigger(a, i) ?? (series ? nextInSeries(a, i, series) : null);
    if (!trigger) continue;
    // under a series of calls, "поговорил с …", "состоялся разговор с …" is another call
    if (series && series.kind !== trigger.kind && trigger.kind === "meeting" && !MEETING_WORD.test(a.masked.slice(a.sentences[i]!.start, a.sentences[i]!.end).toLowerCase())) trigger = { ...trigger, kind: series.kind };
    if (series) for (const x of sentenceActors(a, i)) if (a.sides.get(x.name)?.side === "partner") series.seen.add(x.name);
    const onlyNominative = trigger.kind === "statement" || trigger.strength <= 0.5;
    const actors = sentenceActors(a, i, onlyNominative);
    clauses.push({
      sentence: i,
      kind: trigger.kind,
      strength: trigger.strength,
      span: trigger.span,
      home: namesOnSide(a, actors, "home"),
      partner: namesOnSide(a, actors, "partner"),
      counterparts: counterpartKeys(a, i, actors),
      standalone: !!(trigger as { standalone?: boolean }).standalone,
    });
  }
  return { ...a, clauses };
}

/** People acting in sentence `i` (not in speech, not only referred to), nominative ones only when asked. */
export function sentenceActors(a: SidedArticle, i: number, onlyNominative = false): MentionInfo[] {
  return (a.infosBySentence.get(i) ?? []).filter((info) => !info.inQuote && !info.referenceOnly && (!onlyNominative || info.nominative));
}

export function namesOnSide(a: SidedArticle, infos: readonly MentionInfo[], side: Side): Set<string> {
  return new Set(infos.filter((x) => a.sides.get(x.name)?.side === side).map((x) => x.name));
}

/** Wording of an in-person meeting, which a series of calls does not make a call. */
const MEETING_WORD = /встреч|переговор|при[её]м|принял|визит|аудиенц/u;

/** A series of calls ("ряд телефонных разговоров") or of meetings. */
function seriesKind(a: SidedArticle, i: number): TriggerKind {
  const s = a.sentences[i]!;
  return /телефон|видео|онлайн|звонк/iu.test(a.masked.slice(s.start, s.end)) ? "phone_call" : "meeting";
}

/** Under a series ("провел ряд телефонных разговоров с лидерами"), a foreign leader newly acting is the next contact of it. */
function nextInSeries(a: SidedArticle, i: number, series: { kind: TriggerKind; seen: Set<string> }): { kind: TriggerKind; strength: number; span: Span } | null {
  const s = a.sentences[i]!;
  const sm = a.masked.slice(s.start, s.end).toLowerCase();
  // a telegram or a letter is no call or meeting
  if (FUTURE.test(sm) || WRITTEN.test(sm)) return null;
  const actors = sentenceActors(a, i);
  const newcomer = actors.find((x) => x.nominative && !x.byTitle && a.sides.get(x.name)?.side === "partner" && (a.sides.get(x.name)?.certainty ?? 0) >= 0.85 && !series.seen.has(x.name));
  // "Первым Главу государства поздравил Президент Узбекистана …": the home side is the one addressed
  const addressed = actors.some((x) => !x.nominative && a.sides.get(x.name)?.side === "home") || DISCUSSION.test(sm);
  return newcomer && addressed ? { kind: series.kind, strength: 0.8, span: newcomer.mention.span } : null;
}

/**
 * "С главой МИД Индонезии Сугионо обсуждались …", "С министром … Омана Бадром Аль-Бусаиди глава МИД обсудил …": a
 * foreign counterpart after "с" and a verb of discussion report a contact without any word for meeting.
 */
function implicitTrigger(a: SidedArticle, i: number): { kind: TriggerKind; strength: number; span: Span } | null {
  const s = a.sentences[i]!;
  const sm = a.masked.slice(s.start, s.end);
  const talks = talksWithForeigner(a, i, sm);
  if (talks) return talks;
  if (!DISCUSSION.test(sm.toLowerCase())) return visitTrigger(a, i, sm);
  for (const info of sentenceActors(a, i)) {
    if (a.sides.get(info.name)?.side !== "partner" || info.mention.grammaticalCase !== "ablt") continue;
    if (withBefore(a, s.start, info.title?.[0] ?? info.mention.span[0])) return { kind: "meeting", strength: 0.8, span: [info.title?.[0] ?? info.mention.span[0], info.mention.span[1]] };
  }
  for (const ref of foreignReferences(a, i)) {
    if (ref.grammaticalCase === "ablt" && withBefore(a, s.start, ref.span[0])) return { kind: "meeting", strength: 0.8, span: ref.span };
  }
  // "Министр торговли Турции Омер Болат обсудил с казахстанским коллегой Арманом Шаккалиевым …": the foreigner
  // is the subject and the home official the one "с" whom
  const foreignSubject = sentenceActors(a, i).some((x) => x.nominative && a.sides.get(x.name)?.side === "partner");
  if (foreignSubject) {
    for (const info of sentenceActors(a, i)) {
      if (a.sides.get(info.name)?.side !== "home" || info.mention.grammaticalCase !== "ablt") continue;
      if (withBefore(a, s.start, info.title?.[0] ?? info.mention.span[0])) return { kind: "meeting", strength: 0.8, span: [info.title?.[0] ?? info.mention.span[0], info.mention.span[1]] };
    }
  }
  return visitTrigger(a, i, sm);
}

/** "В центре внимания – переговоры с Эмиром Катара …", "Первой стала беседа с Генсеком ООН …": a contact noun and a foreign counterpart after "с". */
const CONTACT_WITH = /(?<![\p{L}\d])(?:встреч\p{L}*|переговор\p{L}*|бесед\p{L}*|разговор\p{L}*|консультаци\p{L}*)\s+с(?:о)?\s+/giu;

function talksWithForeigner(a: SidedArticle, i: number, sm: string): { kind: TriggerKind; strength: number; span: Span } | null {
  const s = a.sentences[i]!;
  if (FUTURE.test(sm.toLowerCase())) return null;
  CONTACT_WITH.lastIndex = 0;
  for (let m = CONTACT_WITH.exec(sm); m; m = CONTACT_WITH.exec(sm)) {
    const from = s.start + m.index + m[0].length;
    const upTo = from + 140;
    const foreigner = sentenceActors(a, i).some((x) => x.mention.span[0] >= from && x.mention.span[0] < upTo && a.sides.get(x.name)?.side === "partner" && x.mention.grammaticalCase === "ablt");
    const foreignTitle = foreignReferences(a, i).some((r) => r.span[0] >= from - 1 && r.span[0] < from + 2);
    if (foreigner || foreignTitle) return { kind: "meeting", strength: 0.8, span: [s.start + m.index, from] };
  }
  return null;
}

/** "Первым акима посетил Посол Малайзии …", "Первой в акимате побывала Посол Швеции …": a foreign visitor calling on the home side. */
const CALLED_ON = /(?<![\p{L}\d])(?:посетил\p{L}*|побывал\p{L}*|навестил\p{L}*)(?![\p{L}\d])/u;
const HOME_PLACE = /(?:^|\s)в\s+(?:\p{L}+\s+)?(?:акимат\p{L}*|сенат\p{L}*|мажилис\p{L}*|парламент\p{L}*|мид|министерств\p{L}*|акорд\p{L}*|ведомств\p{L}*|правительств\p{L}*)(?![\p{L}\d])/iu;

function visitTrigger(a: SidedArticle, i: number, sm: string): { kind: TriggerKind; strength: number; span: Span } | null {
  const verb = CALLED_ON.exec(sm);
  if (!verb) return null;
  const s = a.sentences[i]!;
  const actors = sentenceActors(a, i);
  const visitor = actors.some((x) => x.nominative && a.sides.get(x.name)?.side === "partner") || foreignReferences(a, i).some((r) => r.grammaticalCase === "nomn");
  const host = actors.some((x) => !x.nominative && a.sides.get(x.name)?.side === "home") || HOME_PLACE.test(sm);
  if (!visitor || !host) return null;
  return { kind: "meeting", strength: 0.85, span: [s.start + verb.index, s.start + verb.index + verb[0].length] };
}

function withBefore(a: SidedArticle, sentenceStart: number, at: number): boolean {
  return WITH_BEFORE.test(a.masked.slice(Math.max(sentenceStart, at - 80), at));
}

function foreignReferences(a: SidedArticle, i: number): TitleReference[] {
  return a.titleReferences.filter((r) => r.sentence === i && r.foreign);
}

/** The partners a clause's counterpart stands for. */
function counterpartKeys(a: SidedArticle, i: number, actors: readonly MentionInfo[]): Set<string> {
  const keys = new Set<string>();
  for (const x of actors) {
    if (a.sides.get(x.name)?.side !== "partner") continue;
    for (const pm of a.profiles.get(x.name)?.affiliations ?? []) keys.add(pm.partner.code ?? pm.partner.name);
  }
  const sentenceStart = a.sentences[i]!.start;
  for (const ref of foreignReferences(a, i)) {
    // a foreign official in the genitive is whose agreement or visit it was, not the counterpart
    const counterpartCase = ref.cases.includes("ablt") && withBefore(a, sentenceStart, ref.span[0]) ? true : ref.cases.some((c) => c === "accs" || c === "nomn" || c === "datv");
    if (!counterpartCase) continue;
    for (const pm of a.partnerMentions) {
      if (pm.span[0] < ref.span[0] || pm.span[1] > ref.span[1] || pm.partner.code === HOME_CODE) continue;
      keys.add(pm.partner.code ?? pm.partner.name);
    }
  }
  return keys;
}
