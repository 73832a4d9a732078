// Direct speech and who said it: "«…», – сказал Маулен Ашимбаев", "– отметила она",
// "заявил глава армянского МИД", "сказал Президент Казахстана", or a dash paragraph that
// continues the speaker of the paragraph before.
import type { PartnerMatcher, PartnerMention, Span } from "../types";
import { isPastVerb, SPEECH_VERB } from "./lexicon";
import type { MentionInfo, Profile } from "./people";
import { HOME_CODE } from "./people";
import type { QuoteRegion } from "./units";

export interface Attribution {
  /** Resolved speaker's canonical name, or null. */
  speaker: string | null;
  confidence: number;
  /** Where the speaker is named or referred to. */
  span: Span | null;
}

export interface SpeakerContext {
  text: string;
  masked: string;
  profiles: ReadonlyMap<string, Profile>;
  infos: readonly MentionInfo[];
  partners: PartnerMatcher;
  /** Every partner mention of the article, to read "глава армянского МИД" without matching again. */
  partnerMentions: readonly PartnerMention[];
  /** Names allowed as speakers (participants), nearest-first preference is by text position. */
  candidates: ReadonlySet<string>;
}

const stem = (w: string) => w.toLowerCase().replace(/ё/g, "е").slice(0, 5);
const SYNONYMS: [RegExp, string][] = [
  [/^вице-спикер/u, "заместитель председатель"],
  [/^спикер/u, "председатель"],
  [/^генсек/u, "генеральный секретарь"],
  [/^замглав/u, "заместитель"],
  [/^замминистр/u, "заместитель министр"],
  [/^спецпредставител/u, "специальный представитель"],
  [/^вице-премьер/u, "заместитель премьер-министр"],
  [/^глав/u, "глава председатель руководитель министр"],
  [/^дипломат/u, "посол министр иностранных дипломат представитель"],
  [/^мид$/u, "министр иностранных"],
  [/^лидер/u, "президент глава"],
  // "сказал Глава государства": the president
  [/^государств/u, "президент государства"],
];

function expand(words: string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    const syn = SYNONYMS.find(([re]) => re.test(w));
    if (syn) out.push(...syn[1].split(" "));
    else out.push(w);
  }
  return out;
}

const wordsOf = (s: string) => s.toLowerCase().replace(/ё/g, "е").split(/[^a-zа-я0-9-]+/u).filter((w) => w.length >= 3);

function nearestBefore(ctx: SpeakerContext, pos: number, feminine: boolean | null): { name: string; span: Span } | null {
  for (let i = ctx.infos.length - 1; i >= 0; i--) {
    const info = ctx.infos[i]!;
    if (info.mention.span[0] >= pos || info.inQuote || info.referenceOnly) continue;
    if (!ctx.candidates.has(info.name)) continue;
    const p = ctx.profiles.get(info.name);
    if (feminine !== null && p && p.feminine !== null && p.feminine !== feminine) continue;
    return { name: info.name, span: info.mention.span };
  }
  return null;
}

/** A participant referred to by title: "Председатель Палаты", "глава армянского МИД", "президент АБР". */
function byTitle(ctx: SpeakerContext, phrase: string, at: Span, pos: number, feminine: boolean | null): string | null {
  const ws = expand(wordsOf(phrase));
  if (!ws.length) return null;
  const mentioned = ctx.partnerMentions.filter((m) => m.span[0] >= at[0] && m.span[1] <= at[1]).map((m) => m.partner.code ?? m.partner.name);
  // in this press "Глава государства" without a country is Kazakhstan's
  const homeCue = /казахстан|палат|сенат|мажилис|(?<![\p{L}\d])рк(?![\p{L}\d])|казахск|глав\p{L}*\s+государств/iu.test(phrase) || mentioned.includes(HOME_CODE);
  let best: string | null = null;
  let bestScore = 0;
  let bestPos = -1;
  for (const name of ctx.candidates) {
    const p = ctx.profiles.get(name);
    if (!p) continue;
    if (feminine !== null && p.feminine !== null && p.feminine !== feminine) continue;
    // "казахстанский дипломат" is nobody of the other side, however well the words fit their title
    if (homeCue && p.side === "partner") continue;
    let score = 0;
    const titleStems = new Set(wordsOf(p.titleText ?? "").map(stem));
    for (const w of ws) if (titleStems.has(stem(w))) score += 2;
    const aff = p.affiliations.map((a) => a.partner.code ?? a.partner.name);
    for (const code of mentioned) {
      if (code === HOME_CODE) continue;
      if (aff.includes(code)) score += 4;
      else if (p.side === "partner") score -= 1;
    }
    if (homeCue && p.side === "home") score += 2;
    if (homeCue && p.side === "partner") score -= 2;
    const lastPos = Math.max(-1, ...p.mentions.filter((m) => m.mention.span[0] < pos).map((m) => m.mention.span[0]));
    if (score > bestScore || (score === bestScore && score > 0 && lastPos > bestPos)) {
      best = name;
      bestScore = score;
      bestPos = lastPos;
    }
  }
  return bestScore >= 2 ? best : null;
}

function mentionIn(ctx: SpeakerContext, from: number, to: number): MentionInfo | null {
  for (const info of ctx.infos) if (info.mention.span[0] >= from && info.mention.span[0] < to) return info;
  return null;
}

/** Who said the quote. */
export function attribute(ctx: SpeakerContext, q: QuoteRegion, paragraphEnd: number, paragraphStart: number): Attribution | null {
  const { text } = ctx;
  // after: «…», – сказал X  |  …, – отметила она
  const afterStart = q.dash ? q.inner[1] : q.outer[1];
  const tail = text.slice(afterStart, Math.min(paragraphEnd, afterStart + 200));
  // ("«…», -- заявила она": some agencies write the dash as two hyphens)
  const m = /^\s*[,.!?…]?\s*(?:--|[–—-])\s*([а-яё]+)\s+([^.;:!?]*)/u.exec(tail);
  if (m && (SPEECH_VERB.test(m[1]!) || isPastVerb(m[1]!))) {
    const feminine = /(?:ла|лась|на)$/u.test(m[1]!) ? true : /(?:л|лся|н)$/u.test(m[1]!) ? false : null;
    let subjStart = afterStart + m.index + m[0].indexOf(m[2]!, m[0].indexOf(m[1]!) + m[1]!.length);
    // "– приводит Акорда слова Президента": whose words they are follows "слова"
    const citing = /^приводит$/iu.test(m[1]!) ? /^(?:\S+\s+){0,3}?слова\s+/u.exec(m[2]!) : null;
    if (citing) subjStart += citing[0].length;
    const subject = (citing ? m[2]!.slice(citing[0].length) : m[2]!).split(/,|\s+и\s+[а-яё]+(?:л|ла|ли)(?![\p{L}\d])|\s+в\s+(?:разговоре|беседе|ходе|своем|своём)(?![\p{L}\d])/u)[0]!;
    const subjEnd = subjStart + subject.length;
    const named = mentionIn(ctx, subjStart, subjEnd);
    if (named) return { speaker: named.name, confidence: 0.95, span: named.mention.span };
    if (/^(?:он|она)(?![\p{L}\d])/u.test(subject.trim())) {
      const near = nearestBefore(ctx, q.outer[0], feminine);
      return near ? { speaker: near.name, confidence: 0.8, span: [subjStart, subjStart + 3] } : null;
    }
    const titled = byTitle(ctx, subject, [subjStart, subjEnd], q.outer[0], feminine);
    if (titled) return { speaker: titled, confidence: 0.75, span: [subjStart, subjEnd] };
    const near = nearestBefore(ctx, q.outer[0], feminine);
    return near ? { speaker: near.name, confidence: 0.5, span: [subjStart, subjEnd] } : null;
  }
  // before: X заявил: «…»  |  По словам X, «…»
  const head = text.slice(Math.max(paragraphStart, q.outer[0] - 200), q.outer[0]);
  if (/[:,]\s*$/u.test(head)) {
    const sentenceHead = head.split(/[.!?]\s+/u).pop() ?? head;
    const from = q.outer[0] - sentenceHead.length;
    let last: MentionInfo | null = null;
    for (const info of ctx.infos) if (info.mention.span[0] >= from && info.mention.span[0] < q.outer[0] && !info.inQuote) last = info;
    if (last && ctx.candidates.has(last.name)) return { speaker: last.name, confidence: 0.85, span: last.mention.span };
    const titled = byTitle(ctx, sentenceHead, [from, q.outer[0]], q.outer[0], null);
    if (titled) return { speaker: titled, confidence: 0.7, span: [from, q.outer[0]] };
  }
  // A paragraph that is all speech continues the speaker introduced just before.
  const wholeParagraph = q.dash || (q.outer[0] - paragraphStart < 3 && paragraphEnd - q.outer[1] < 3);
  if (wholeParagraph) {
    const near = nearestBefore(ctx, q.outer[0], null);
    if (near) return { speaker: near.name, confidence: 0.6, span: null };
  }
  return null;
}

/** Direct speech worth recording: a few words at least, not a title in quotation marks. */
export function isSpeech(text: string, q: QuoteRegion): boolean {
  const inner = text.slice(q.inner[0], q.inner[1]).trim();
  const n = inner.split(/\s+/u).length;
  if (n < 4) return false;
  return true;
}

export function quoteText(text: string, q: QuoteRegion): string {
  return text
    .slice(q.inner[0], q.inner[1])
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[,\s–—-]+$/u, "");
}
