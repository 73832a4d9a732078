// The event stage: which diplomatic contacts an article reports as having happened, and for
// each its kind, date, place, participants by side, partners, themes and quotes, with the
// spans and confidences editors need to check them.
import type {
  EventInput,
  ExtractedEvent,
  ExtractedParticipant,
  ExtractedPartner,
  ExtractedQuote,
  MeetingKind,
  PartnerMention,
  Provenance,
  RegistryPartner,
  Side,
  Span,
} from "../types";
import { dateInSentence, type DateHit } from "./dates";
import { HOME_TITLE, INSTITUTION_STATEMENT, ROLE_START, ANY_TRIGGER, PRESS_COUNTERPART, BACKGROUND_OPENER, BILATERAL_BODY, FUTURE, GUEST_WORD, LIST_VERB, MULTILATERAL, TRIGGERS, isPastVerb, type TriggerKind } from "./lexicon";
import { titleToNominative } from "./morphology";
import { analysePeople, HOME_CODE, type MentionInfo } from "./people";
import { datelinePlaces, placeIn, visitPlace, type PlaceHit } from "./places";
import { attribute, isSpeech, quoteText, type SpeakerContext } from "./quotes";
import { findQuotes, maskQuotes, splitParagraphs, splitSentencesOf, type Sentence } from "./text-units";

const CHAIRS_SESSION = /^(?:заседание|совещание|сессию|мероприятие)\s+(?:\S+\s+){0,6}?провел\p{L}*$|^пров(?:ел|ёл|ела|ели)\s+(?:\S+\s+){0,3}?(?:заседание|совещание)$/u;

interface SentenceRole {
  trigger: { kind: TriggerKind | "header"; strength: number; span: Span } | null;
  background: boolean;
  headline: boolean;
}

interface Block {
  kind: TriggerKind;
  strength: number;
  triggers: { sentence: number; span: Span }[];
  first: number;
  /** exclusive */
  end: number;
  home: Set<string>;
  partner: Set<string>;
  header: Header | null;
}

interface Header {
  sentence: number;
  date: DateHit | null;
  place: PlaceHit | null;
  home: string[];
}

const BOILERPLATE_END = /^(?:Читайте\s+также|Читайте\s+нас|Теги|Тегтер|Tags|Подпис|Поделиться|Рассказать|Материалы\s+по\s+теме|Похожие|Ұқсас|Популярное|Комментари|©|#\S|Реклама(?![\p{L}\d])|ИСТОЧНИК:|Источник:|Пресс-служба\s|Все\s+права|Нашли\s+ошибку|Заметили\s+ошибку|Мы\s+используем|Фото:\s.*©|Автор:)/iu;
const SKIP_LINE = /^(?:Фото:|Фото\s|Видео:|Реклама$|Справка[.:])/iu;
const KAZAKH_LETTERS = /[әғқңөұүһі]/giu;

const key = (s: string) => s.toLowerCase().replace(/ё/g, "е");

function clamp(x: number): number {
  return Math.max(0, Math.min(1, Math.round(x * 100) / 100));
}

function dedupeNested(mentions: PartnerMention[]): PartnerMention[] {
  const sorted = [...mentions].sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  const out: PartnerMention[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (last && m.span[0] >= last.span[0] && m.span[1] <= last.span[1]) continue;
    out.push(m);
  }
  return out;
}

export function extractEvents(input: EventInput): ExtractedEvent[] {
  try {
    return eventsOf(input);
  } catch {
    // A rule tripping over an unusual article must not cost the file its people and metadata.
    return [];
  }
}

function eventsOf(input: EventInput): ExtractedEvent[] {
  const { text } = input;
  if (!text || text.length < 40) return [];
  // Kazakh-language text: only Russian is extracted.
  const kk = text.match(KAZAKH_LETTERS);
  if (kk && kk.length > 30 && kk.length > text.length / 150) return [];

  const paragraphs = splitParagraphs(text);
  const sentences = splitSentencesOf(text, paragraphs);
  if (!sentences.length) return [];
  const quotes = findQuotes(text, paragraphs);
  const quoteSpans = quotes.map((q) => q.inner);
  const masked = maskQuotes(text, quotes);
  const starts = sentences.map((s) => s.start);
  const sentenceAt = (pos: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const partnerMentions = dedupeNested(input.partnerMentions ?? []);
  const topics = topicMentions(masked, partnerMentions);
  const { profiles, infos } = analysePeople(text, masked, sentences, sentenceAt, input.mentions ?? [], quoteSpans, partnerMentions);
  const infosBySentence = new Map<number, MentionInfo[]>();
  for (const info of infos) {
    const list = infosBySentence.get(info.sentence) ?? [];
    list.push(info);
    infosBySentence.set(info.sentence, list);
  }
  const titleSpans: Span[] = [];
  for (const info of infos) if (info.title) titleSpans.push(info.title);

  const datelines = datelinePlaces(text, paragraphs, partnerMentions);
  /** The dateline of the article a position belongs to: the last one before it, else the first. */
  const datelineFor = (pos: number): PlaceHit | null => {
    let found: PlaceHit | null = datelines[0] ?? null;
    for (const d of datelines) if (d.span[0] <= pos) found = d;
    return found;
  };

  // ------------------------------------------------------------ sentence roles
  const title = input.title ? key(input.title.trim()) : null;
  const paragraphSentences = new Map<number, number>();
  for (const s of sentences) paragraphSentences.set(s.paragraph, (paragraphSentences.get(s.paragraph) ?? 0) + 1);
  let bodyEnd = sentences.length;
  const roles: SentenceRole[] = sentences.map((s) => {
    const raw = text.slice(s.start, s.end);
    const m = masked.slice(s.start, s.end);
    const alone = paragraphSentences.get(s.paragraph) === 1;
    const headline = (alone && !/[.!?…»"]$/u.test(raw.trim())) || (title !== null && key(raw.trim()) === title);
    const background = BACKGROUND_OPENER.test(raw.trim()) || SKIP_LINE.test(raw.trim());
    let trigger: SentenceRole["trigger"] = null;
    // Headlines are tested too: a lead without a full stop looks like one, and a headline
    // that reports the same contact merges with the lead's block.
    const lower = background ? "" : m.toLowerCase();
    if (!background && ANY_TRIGGER.test(lower)) {
      for (const rule of TRIGGERS) {
        if (!rule.quick.test(lower)) continue;
        const hit = rule.re.exec(lower);
        if (!hit) continue;
        if (announces(lower, hit.index, hit.index + hit[0].length)) continue;
        if (rule.kind === "meeting" && PRESS_COUNTERPART.test(lower)) continue;
        // "я попросил": first-person speech the quote finder missed, not the report itself
        if (/(?:^|[\s,(])(?:я|мною|мне)(?=[\s,.])/u.test(lower)) continue;
        trigger = { kind: rule.kind, strength: rule.strength, span: [s.start + hit.index, s.start + hit.index + hit[0].length] };
        break;
      }
    }
    return { trigger, background, headline };
  });
  // The article body ends at the first boilerplate line after its first report.
  const firstTrigger = roles.findIndex((r) => r.trigger && r.trigger.kind !== "header");
  if (firstTrigger >= 0) {
    for (let i = firstTrigger + 1; i < sentences.length; i++) {
      const s = sentences[i]!;
      if (s.first && BOILERPLATE_END.test(text.slice(s.start, s.end).trim())) {
        bodyEnd = i;
        break;
      }
    }
  }

  // ------------------------------------------------------------ sides
  const sideOf = new Map<string, { side: Side; certainty: number }>();
  for (const p of profiles.values()) if (p.side) sideOf.set(p.name, { side: p.side, certainty: p.sideCertainty });
  inferSidesFromStructure(sentences, roles, infosBySentence, sideOf, masked, bodyEnd);

  const isActor = (info: MentionInfo) => !info.inQuote && !info.referenceOnly;
  const sentenceActors = (i: number, onlyNominative = false) =>
    (infosBySentence.get(i) ?? []).filter((info) => isActor(info) && (!onlyNominative || info.nominative));

  // ------------------------------------------------------------ blocks
  const blocks: Block[] = [];
  let current: Block | null = null;
  let header: Header | null = null;
  for (let i = 0; i < bodyEnd; i++) {
    const role = roles[i]!;
    const trig = role.trigger;
    if (!trig) continue;
    const s = sentences[i]!;
    if (trig.kind === "header") {
      const actors = sentenceActors(i);
      header = {
        sentence: i,
        date: dateInSentence(masked.slice(s.start, s.end), s.start, input.publishedOn),
        place: placeIn(masked, [s.start, s.end], titleSpans, partnerMentions) ?? visitPlace(masked, [s.start, s.end], titleSpans, partnerMentions),
        home: actors.filter((a) => sideOf.get(a.name)?.side === "home").map((a) => a.name),
      };
      if (current) current.end = i;
      current = null;
      continue;
    }
    // "Стороны обсудили … подписанные во время визита Эмира": the sides are the subject, a name in another case is only mentioned
    const actors = sentenceActors(i, trig.kind === "statement" || trig.strength <= 0.5);
    const home = new Set(actors.filter((a) => sideOf.get(a.name)?.side === "home").map((a) => a.name));
    const partner = new Set(actors.filter((a) => sideOf.get(a.name)?.side === "partner").map((a) => a.name));
    // "Заседание провел председатель …": whoever chairs the session the home side attended is part of that conference
    const chairsSession = current?.kind === "conference" && trig.kind === "meeting" && CHAIRS_SESSION.test(masked.slice(trig.span[0], trig.span[1]).toLowerCase()) && !/встреч|переговор|бесед/u.test(masked.slice(s.start, s.end).toLowerCase());
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
    const first = blocks.length === 0 && !s.first ? sentences.findIndex((x) => x.paragraph === s.paragraph) : i;
    current = { kind: trig.kind, strength: trig.strength, triggers: [{ sentence: i, span: trig.span }], first, end: bodyEnd, home, partner, header };
    blocks.push(current);
  }
  if (!blocks.length) return [];
  // A weak "стороны обсудили" only stands for an event when nothing stronger is reported.
  const strong = blocks.filter((b) => b.strength > 0.5);
  const used = strong.length ? strong : blocks;

  // ------------------------------------------------------------ participants
  const visitorBefore = (pos: number): string | null => {
    let found: string | null = null;
    for (const info of infos) {
      if (info.mention.span[0] >= pos) break;
      if (!isActor(info) || roles[info.sentence]?.background) continue;
      if (sideOf.get(info.name)?.side === "partner") found = info.name;
    }
    return found;
  };
  // Kazakhstan (its name, adjective, capital or Akorda) named in the article's body
  const bodyLimit = sentences[Math.max(0, bodyEnd - 1)]!.end;
  const kazakhArticle = partnerMentions.some((pm) => pm.partner.code === HOME_CODE && pm.span[1] <= bodyLimit);
  const pastCache = new Map<number, boolean>();
  const hasPastVerb = (i: number, sm: string): boolean => {
    let v = pastCache.get(i);
    if (v === undefined) {
      v = sm.toLowerCase().split(/[^а-яё-]+/u).some((w) => w.length > 3 && w.charCodeAt(w.length - 1) !== 0x043c && isPastVerb(w));
      pastCache.set(i, v);
    }
    return v;
  };
  const events: ExtractedEvent[] = [];
  let previousHome = new Set<string>();
  for (const b of used) {
    const kind: MeetingKind = refineKind(b, sentences, masked);
    const foreignOnlyTrigger = b.home.size === 0 && b.partner.size > 0;
    const strongForeign = (blk: Block) => b.home.size === 0 && [...blk.partner].some((n) => (sideOf.get(n)?.certainty ?? 0) >= 0.85);
    if (kind !== "statement") {
      for (let i = b.first; i < b.end; i++) {
        if (roles[i]!.background || roles[i]!.headline) continue;
        const s = sentences[i]!;
        const sm = masked.slice(s.start, s.end);
        const listing = LIST_VERB.test(sm);
        const hasPast = hasPastVerb(i, sm);
        if (!hasPast && !listing) continue;
        if (FUTURE.test(sm.toLowerCase()) && !listing) continue;
        for (const info of sentenceActors(i)) {
          if (!info.nominative && !listing) continue;
          const known = sideOf.get(info.name);
          const side = known?.side ?? "home";
          // a report of two foreigners meeting does not gain a home side from a commentator of unknown side
          if (side === "home" && (known?.certainty ?? 0) < 0.5 && (foreignOnlyTrigger || strongForeign(b))) continue;
          (side === "home" ? b.home : b.partner).add(info.name);
        }
      }
      if (b.header && !b.home.size) for (const h of b.header.home) b.home.add(h);
      if (!b.partner.size && (kind === "meeting" || kind === "phone_call")) {
        const v = visitorBefore(sentences[b.triggers[0]!.sentence]!.end);
        if (v && !b.home.has(v)) b.partner.add(v);
      }
    }
    // "Вице-министр иностранных дел РК провел консультации с …": a Kazakh official named by title only
    const unnamedHome = !b.home.size && b.triggers.some((t) => {
      const st = sentences[t.sentence]!;
      // "Министр иностранных дел Японии провел телефонный разговор с казахстанским коллегой"
      if (b.partner.size && kind !== "statement" && HOME_COUNTERPART.test(masked.slice(t.span[0], st.end))) return true;
      const head = masked.slice(st.start, t.span[0]);
      const foreignHead = partnerMentions.some((pm) => pm.partner.code !== HOME_CODE && pm.span[0] >= st.start && pm.span[1] <= t.span[0]);
      return !foreignHead && HOME_TITLE.test(head) && ROLE_START.test(head.trim().toLowerCase());
    });
    // "МИД Казахстана выразил соболезнования …": the home ministry speaks with no one named
    const ministryStatement = kind === "statement" && !b.home.size && !b.partner.size && b.triggers.some((t) => {
      const st = masked.slice(sentences[t.sentence]!.start, sentences[t.sentence]!.end);
      return INSTITUTION_STATEMENT.test(st.toLowerCase()) && HOME_TITLE.test(st);
    });
    // "Также состоялась встреча с вице-министром …": a follow-on meeting with no subject is the same home side's
    if (!b.home.size && !unnamedHome && b.partner.size && previousHome.size && b.triggers.some((t) => CONTINUATION.test(masked.slice(sentences[t.sentence]!.start, sentences[t.sentence]!.end)))) {
      for (const h of previousHome) if (!b.partner.has(h)) b.home.add(h);
    }
    if (!b.home.size && !unnamedHome && !ministryStatement) continue;
    previousHome = new Set(b.home);

    const range: Span = [sentences[b.first]!.start, sentences[Math.max(b.first, b.end - 1)]!.end];
    // The home side is Kazakhstan: without a Kazakh title or Kazakhstan named around the event,
    // the "home" people are only people of unknown side (a foreign news item).
    if (!kazakhArticle && ![...b.home].some((n) => profiles.get(n)?.kazakhTitle)) continue;
    const event = buildEvent(b, kind, range);
    if (event) events.push(event);
  }
  lendPartners(events);
  return mergeDuplicates(events);

  // ------------------------------------------------------------ one event
  function buildEvent(b: Block, kind: MeetingKind, range: Span): ExtractedEvent | null {
    const trigSentences = b.triggers.map((t) => sentences[t.sentence]!);
    const kindEvidence: Provenance = { spans: b.triggers.map((t) => t.span), confidence: clamp(b.strength * 0.95) };

    // participants
    const participants: ExtractedParticipant[] = [];
    for (const [side, names] of [["home", b.home], ["partner", b.partner]] as const) {
      for (const name of names) {
        const p = profiles.get(name);
        const spans = (p?.mentions ?? []).filter((m) => !m.inQuote).map((m) => m.mention.span);
        const certainty = sideOf.get(name)?.certainty ?? 0.4;
        participants.push({
          name,
          position: p?.titleText ? titleToNominative(p.titleText) : null,
          side,
          spans,
          confidence: clamp(certainty),
        });
      }
    }

    const partners = partnersOf(b, kind, range, trigSentences);
    if (!partners.length && kind !== "statement" && !b.partner.size) return null;

    let date: DateHit | null = null;
    for (const s of trigSentences) {
      date = dateInSentence(masked.slice(s.start, s.end), s.start, input.publishedOn);
      if (date) break;
    }
    if (!date && b.header?.date) date = b.header.date;
    const dateValue = date?.iso ?? input.publishedOn ?? null;
    const dateEvidence: Provenance = date ? { spans: [date.span], confidence: date.confidence } : { spans: [], confidence: input.publishedOn ? 0.65 : 0.4 };

    let place: PlaceHit | null = null;
    let placeConfidence = 0.5;
    const dateline = datelineFor(range[0]);
    if (kind !== "phone_call") {
      for (const s of trigSentences) {
        // "Стороны обсудили открытие филиалов вузов в Ташкенте": a city in what was discussed is no venue
        if (TOPIC_VERB.test(masked.slice(s.start, s.end))) continue;
        place = placeIn(masked, [s.start, s.end], titleSpans, partnerMentions);
        // "МИД приветствует подписание соглашения … в Вашингтоне": far past the verb, a city is in what was said
        const trig = b.triggers.find((t) => sentences[t.sentence] === s);
        if (place && kind === "statement" && trig && place.span[0] > trig.span[1] + 20) place = null;
        if (place) {
          placeConfidence = 0.9;
          break;
        }
      }
      if (!place && kind !== "statement") {
        const trigPara = trigSentences[0]!.paragraph;
        for (let i = b.first; i < b.end && !place; i++) {
          const s = sentences[i]!;
          if (roles[i]!.background) continue;
          const sm = masked.slice(s.start, s.end);
          if (s.paragraph === trigPara || /прош(?:ла|ло|ли|ел|ёл)|состоял\p{L}*|завершил\p{L}*|открыл\p{L}*|стартовал\p{L}*|проходил\p{L}*|участвовал\p{L}*|(?:^|\s)(?:в|во)\s+(?:переговорах|встрече)\s/u.test(sm)) {
            place = placeIn(masked, [s.start, s.end], titleSpans, partnerMentions);
            if (place) placeConfidence = 0.8;
          }
        }
        if (!place && b.header?.place) {
          place = b.header.place;
          placeConfidence = 0.75;
        }
        if (!place) {
          const upTo = sentences[Math.max(b.first, b.end - 1)]!.end;
          // in a file of several articles, only this article's text
          const articleStart = dateline && dateline !== datelines[0] ? dateline.span[0] : 0;
          place = visitPlace(masked, [articleStart, upTo], titleSpans, partnerMentions);
          if (place) placeConfidence = 0.65;
        }
        if (!place) {
          place = dateline;
          if (place) placeConfidence = 0.55;
        }
      }
    }
    // the dateline spells the city in the nominative: prefer its form over one rebuilt from "в Тяньцзине"
    if (place && dateline && place.name !== dateline.name && sameStem(place.name, dateline.name)) place = { ...place, name: dateline.name };
    const locationEvidence: Provenance = place ? { spans: [place.span], confidence: placeConfidence } : { spans: [], confidence: kind === "phone_call" ? 0.9 : 0.5 };

    const themeRanges: Span[] = [];
    for (let i = b.first; i < b.end; i++) {
      if (roles[i]!.background || roles[i]!.headline) continue;
      themeRanges.push([sentences[i]!.start, sentences[i]!.end]);
    }
    const themes = themesOf(themeRanges);

    const names = new Set(participants.map((p) => p.name));
    const quotesOut: ExtractedQuote[] = [];
    const ctx: SpeakerContext = { text, masked, profiles, infos, partners: input.partners, partnerMentions, candidates: names };
    for (const q of quotes) {
      if (q.outer[0] < range[0] || q.outer[0] >= range[1]) continue;
      if (!isSpeech(text, q)) continue;
      const para = paragraphs[sentences[sentenceAt(q.outer[0])]!.paragraph]!;
      const who = attribute(ctx, q, para.end, para.start);
      if (!who?.speaker || !names.has(who.speaker)) continue;
      quotesOut.push({
        speaker: who.speaker,
        text: quoteText(text, q),
        spans: who.span ? [q.inner, who.span] : [q.inner],
        confidence: clamp(who.confidence),
      });
    }

    const participantConfidence = participants.length ? Math.min(...participants.map((p) => p.confidence)) : 0.3;
    const partnerConfidence = partners.length ? Math.min(...partners.map((p) => p.confidence)) : 0.3;
    const confidence = clamp(Math.min(kindEvidence.confidence, dateEvidence.confidence + 0.2, participantConfidence + 0.1, partnerConfidence + 0.1));
    return {
      kind,
      kindEvidence,
      date: dateValue,
      dateEvidence,
      location: place?.name ?? null,
      locationEvidence,
      participants,
      partners,
      themes,
      quotes: quotesOut,
      confidence,
    };
  }

  /** The matcher scans the text it is given: hand it only this event's stretch, then map spans back. */
  function themesOf(ranges: Span[]): ExtractedEvent["themes"] {
    if (!input.themes || !ranges.length) return [];
    const from = ranges[0]![0];
    const to = ranges[ranges.length - 1]![1];
    // a title names a post, not a topic: "Комитета по … обороне и безопасности" discusses no security
    let slice = text.slice(from, to);
    for (const [ts, te] of titleSpans) {
      if (te <= from || ts >= to) continue;
      const a = Math.max(ts, from) - from;
      const z = Math.min(te, to) - from;
      slice = slice.slice(0, a) + " ".repeat(z - a) + slice.slice(z);
    }
    // "Члены Комитета по международным делам, обороне и безопасности": a committee's remit is no topic either
    slice = slice.replace(COMMITTEE_REMIT, (m) => " ".repeat(m.length));
    const local = input.themes.classify(slice, ranges.map(([s, e]) => [s - from, e - from] as Span));
    return local.map((t) => ({ ...t, spans: t.spans.map(([s, e]) => [s + from, e + from] as Span) }));
  }

  function partnersOf(b: Block, kind: MeetingKind, range: Span, trigSentences: Sentence[]): ExtractedPartner[] {
    const picked = new Map<string, { partner: RegistryPartner; spans: Span[]; confidence: number }>();
    const add = (pm: PartnerMention, confidence: number) => {
      const p = pm.partner;
      if (p.code === HOME_CODE) return;
      const k = p.code ?? p.name;
      const prev = picked.get(k);
      if (prev) {
        prev.spans.push(pm.span);
        prev.confidence = Math.max(prev.confidence, confidence);
      } else picked.set(k, { partner: p, spans: [pm.span], confidence });
    };
    const homeTitles: Span[] = [];
    for (const name of b.home) {
      const prof = profiles.get(name);
      for (const m of prof?.mentions ?? []) if (m.title) homeTitles.push(m.title);
    }
    const within = (pm: PartnerMention, spans: Span[]) => spans.some(([s, e]) => pm.span[0] >= s && pm.span[1] <= e);
    const eligible = (pm: PartnerMention) =>
      pm.partner.code !== HOME_CODE && !within(pm, homeTitles) && !within(pm, quoteSpans);

    if (kind === "statement") {
      // the subject of the statement: the partner the block talks about most
      const counts = new Map<string, { pm: PartnerMention; n: number }>();
      const trig = trigSentences.map((s) => [s.start, s.end] as Span);
      for (const pm of partnerMentions) {
        if (pm.span[0] < range[0] || pm.span[1] > range[1] || !eligible(pm)) continue;
        const i = sentenceAt(pm.span[0]);
        if (roles[i]!.background) continue;
        const k = pm.partner.code ?? pm.partner.name;
        const c = counts.get(k) ?? { pm, n: 0 };
        c.n += within(pm, trig) ? 2 : 1;
        counts.set(k, c);
      }
      if (input.title) for (const pm of input.partners.find(input.title)) {
        const c = counts.get(pm.partner.code ?? pm.partner.name);
        if (c) c.n += 2;
      }
      const ranked = [...counts.values()].sort((a, b2) => b2.n - a.n || a.pm.span[0] - b2.pm.span[0]);
      const top = ranked[0];
      if (top) {
        const confidence = clamp(0.4 + Math.min(0.45, top.n * 0.08));
        add(top.pm, confidence);
        // "соглашения между Азербайджаном и Арменией", "достигнутые Азербайджаном и Арменией": a statement about
        // the two sides of one relation names both
        const tied = (o: PartnerMention) => o.partner.type === "country" && top.pm.partner.type === "country" && counts.get(o.partner.code ?? o.partner.name)?.n === top.n;
        for (const other of coordinatedPair(top.pm, tied)) add(other, confidence);
      }
      return finish();
    }

    const trigSpans = trigSentences.map((s) => [s.start, s.end] as Span);
    let sessionOrgs: PartnerMention[] = [];
    if (kind === "conference") {
      // the organisation whose session it was: named in the report sentence or its paragraph
      const para = trigSentences[0]!.paragraph;
      const paraSpan: Span = [paragraphs[para]!.start, paragraphs[para]!.end];
      const orgs = partnerMentions.filter((pm) => eligible(pm) && pm.partner.type === "organization" && within(pm, trigSpans));
      sessionOrgs = orgs.length ? orgs : partnerMentions.filter((pm) => eligible(pm) && pm.partner.type === "organization" && within(pm, [paraSpan]));
    }
    for (const name of b.partner) {
      for (const pm of profiles.get(name)?.affiliations ?? []) {
        // at an organisation's session the chair speaks for it, not for the country that holds the chair
        if (sessionOrgs.length && pm.partner.type === "country") continue;
        add(pm, 0.9);
      }
    }
    for (const pm of sessionOrgs) add(pm, 0.8);
    const hasUnaffiliated = [...b.partner].some((n) => !(profiles.get(n)?.affiliations.length));
    // "сотрудничество в рамках ШОС и СНГ": outside a conference, an organisation named as the frame of the talks is no side of them
    const isTopic = (pm: PartnerMention) => kind !== "conference" && topics.has(pm);
    if (!picked.size || (hasUnaffiliated && kind !== "conference")) {
      for (const pm of partnerMentions) {
        if (!eligible(pm) || !within(pm, trigSpans) || isTopic(pm)) continue;
        const before = masked.slice(Math.max(0, pm.span[0] - 24), pm.span[0]);
        if (/(?:прибыв\p{L}*|прибыл\p{L}*|визитом|визит\p{L}*)\s+(?:\S+\s+)?(?:в|во)\s+$|(?:^|\s)(?:из|по|во|в)\s+$/u.test(before)) continue;
        if (pm.partner.type === "country" && picked.size && [...picked.values()].some((x) => x.partner.type === "organization")) continue;
        add(pm, 0.75);
      }
    }
    if (!picked.size) {
      // "казахстанско-японских отношений"
      for (const pm of partnerMentions) {
        if (!eligible(pm) || pm.span[0] < range[0] || pm.span[1] > range[1]) continue;
        if (/казахстанско-|-казахстанск|казахско-/iu.test(pm.surface) || /казахстанско-$|казахско-$/iu.test(masked.slice(Math.max(0, pm.span[0] - 14), pm.span[0]))) add(pm, 0.6);
      }
    }
    if (!picked.size && b.partner.size) {
      const counts = new Map<string, { pm: PartnerMention; n: number }>();
      for (const pm of partnerMentions) {
        if (!eligible(pm) || pm.span[0] < range[0] || pm.span[1] > range[1] || isTopic(pm)) continue;
        if (roles[sentenceAt(pm.span[0])]!.background) continue;
        const k = pm.partner.code ?? pm.partner.name;
        const c = counts.get(k) ?? { pm, n: 0 };
        c.n++;
        counts.set(k, c);
      }
      const top = [...counts.values()].sort((a, b2) => b2.n - a.n)[0];
      if (top) add(top.pm, 0.4);
    }
    if (!picked.size) {
      // nothing but the frame names a side: better that than none
      for (const pm of partnerMentions) if (eligible(pm) && within(pm, trigSpans) && isTopic(pm)) add(pm, 0.4);
    }
    return finish();

    function coordinatedPair(pm: PartnerMention, tied: (other: PartnerMention) => boolean): PartnerMention[] {
      const inRange = (x: PartnerMention) => x.span[0] >= range[0] && x.span[1] <= range[1] && eligible(x);
      const sorted = partnerMentions.filter(inRange).sort((a, b2) => a.span[0] - b2.span[0]);
      const out: PartnerMention[] = [];
      for (let i = 0; i + 1 < sorted.length; i++) {
        const first = sorted[i]!;
        const second = sorted[i + 1]!;
        if (!sameMention(first, pm) && !sameMention(second, pm)) continue;
        if (!/^\s*и\s+$/u.test(masked.slice(first.span[1], second.span[0]))) continue;
        const other = sameMention(first, pm) ? second : first;
        if (!/(?:^|\s)между\s+$/iu.test(masked.slice(Math.max(0, first.span[0] - 10), first.span[0])) && !tied(other)) continue;
        out.push(other);
      }
      return out;
    }

    function sameMention(a: PartnerMention, b2: PartnerMention): boolean {
      return (a.partner.code ?? a.partner.name) === (b2.partner.code ?? b2.partner.name);
    }

    function finish(): ExtractedPartner[] {
      return [...picked.values()].map(({ partner, spans, confidence }) => ({
        code: partner.code,
        name: partner.name,
        type: partner.type,
        spans,
        confidence: clamp(confidence),
      }));
    }
  }
}

/** Words after which an organisation is the frame or the subject of talks, not a side: "в рамках ШОС", "на площадке ООН". */
const TOPIC_FRAME = /(?:в\s+рамках|по\s+линии|на\s+площадке|на\s+полях|в\s+формате|в\s+контексте|в\s+повестке|в\s+деятельности|в\s+работе|вступлени\p{L}*\s+в|членств\p{L}*\s+в|председательств\p{L}*\s+в)\s+(?:\p{L}+\s+){0,2}$/iu;

/** Organisation mentions in topic position, and those listed right after one ("в рамках ШОС и СНГ"). */
function topicMentions(masked: string, mentions: PartnerMention[]): Set<PartnerMention> {
  const out = new Set<PartnerMention>();
  let prev: PartnerMention | null = null;
  for (const pm of [...mentions].sort((a, b) => a.span[0] - b.span[0])) {
    if (pm.partner.type === "organization") {
      const framed = TOPIC_FRAME.test(masked.slice(Math.max(0, pm.span[0] - 60), pm.span[0]));
      const listed = !!prev && out.has(prev) && /^\s*(?:,|и|а\s+также)\s*$/u.test(masked.slice(prev.span[1], pm.span[0]));
      if (framed || listed) out.add(pm);
    }
    prev = pm;
  }
  return out;
}

function sameStem(a: string, b: string): boolean {
  const x = key(a);
  const y = key(b);
  const n = Math.min(x.length, y.length) - 1;
  return n >= 3 && x.slice(0, n) === y.slice(0, n);
}

/** A future verb or an intention in the same clause as the trigger: an announcement. */
function announces(sentence: string, from: number, to: number): boolean {
  const left = sentence.slice(0, from);
  const clauseStart = Math.max(left.lastIndexOf(","), left.lastIndexOf(";"), left.lastIndexOf(":"));
  const right = sentence.slice(to);
  const stop = right.search(/[,;:]/u);
  const clause = sentence.slice(clauseStart + 1, stop < 0 ? sentence.length : to + stop);
  return FUTURE.test(clause);
}

/** Does a new trigger sentence report the same contact as the current block? */
function continues(b: Block, kind: TriggerKind | "header", strength: number, home: Set<string>, partner: Set<string>): boolean {
  if (strength <= 0.5) return true;
  const newHome = [...home].some((h) => !b.home.has(h)) && b.home.size > 0;
  const newPartner = [...partner].some((p) => !b.partner.has(p)) && b.partner.size > 0;
  if (kind === "statement") return !newHome;
  if (kind !== b.kind && !(b.strength <= 0.5) && !(kind === "phone_call" && b.kind === "meeting") && !(kind === "meeting" && b.kind === "phone_call")) {
    // a different kind of contact with other people is another event; the same people, the same event
    if (home.size + partner.size === 0) return true;
    const same = [...home].every((h) => b.home.has(h)) && [...partner].every((p) => b.partner.has(p));
    return same && b.kind !== "conference" && kind !== "conference";
  }
  return !newHome && !newPartner;
}

function refineKind(b: Block, sentences: Sentence[], masked: string): MeetingKind {
  const trig = b.triggers.map((t) => masked.slice(sentences[t.sentence]!.start, sentences[t.sentence]!.end)).join(" ");
  if (b.kind === "meeting" && /телефон|видеосвяз|видеоконференц|онлайн/iu.test(trig)) return "phone_call";
  if (b.kind === "meeting" && /заседани|совещани|сесси/iu.test(trig) && !BILATERAL_BODY.test(trig) && MULTILATERAL.test(trig)) return "conference";
  if (b.kind === "conference" && BILATERAL_BODY.test(trig) && !MULTILATERAL.test(trig)) return "meeting";
  return b.kind;
}

/** The name of a committee with its remit, up to the next capitalised word or punctuation. */
const COMMITTEE_REMIT = /(?:[Кк]омитет|[Пп]одкомитет|[Кк]омисси)\p{L}*\s+(?:[А-ЯЁ]\p{L}*\s+){0,3}по\s+[а-яё,\s-]+/gu;

/** The home side named by a word instead of a name, after the verb of the contact. */
const HOME_COUNTERPART = /(?:^|\s)(?:с|со)\s+(?:\S+\s+){0,2}?(?:казахстанск\p{L}*\s+(?:коллег|партн[её]р|визави|министр|делегаци|сторон)\p{L}*|коллег\p{L}*\s+из\s+Казахстана)/u;

/** Verbs whose objects are the subjects of talks: a city there is a topic, not the venue. */
const TOPIC_VERB = /(?:^|\s)(?:обсудил|обсуждал|обменял|рассмотрел|договорил|затронул)\p{L}*/u;

/** A sentence that continues the report of the one before: "Также состоялась встреча …", "В тот же день …". */
const CONTINUATION = /^\s*(?:также|кроме\s+того|затем|в\s+тот\s+же\s+день|в\s+рамках\s+(?:визита|поездки))[\s,]/iu;

/** Fill in sides the titles left open, from how a report sentence relates two people. */
function inferSidesFromStructure(
  sentences: Sentence[],
  roles: SentenceRole[],
  infosBySentence: Map<number, MentionInfo[]>,
  sideOf: Map<string, { side: Side; certainty: number }>,
  masked: string,
  bodyEnd: number,
): void {
  const opposite = (s: Side): Side => (s === "home" ? "partner" : "home");
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < bodyEnd; i++) {
      const actors = (infosBySentence.get(i) ?? []).filter((x) => !x.inQuote && !x.referenceOnly);
      if (actors.length < 2) continue;
      const s = sentences[i]!;
      const sm = masked.slice(s.start, s.end);
      const listing = LIST_VERB.test(sm) && !roles[i]!.trigger;
      for (const u of actors) {
        const mine = sideOf.get(u.name);
        // a side taken from a generic title ("министр") yields to what the sentence says
        if (mine && mine.certainty > 0.5) continue;
        const known = actors.find((k) => k.name !== u.name && (sideOf.get(k.name)?.certainty ?? 0) > (mine?.certainty ?? 0) && (sideOf.get(k.name)?.certainty ?? 0) > 0.5);
        if (!known) continue;
        const ks = sideOf.get(known.name)!.side;
        // "X встретился с Y": subject and object stand on opposite sides; listed together, on the same
        const between = masked.slice(Math.min(u.mention.span[1], known.mention.span[1]), Math.max(u.mention.span[0], known.mention.span[0]));
        const relation = /(?:^|\s)(?:с|со)\s/u.test(between) || u.nominative !== known.nominative;
        if (!listing && !relation) continue;
        sideOf.set(u.name, { side: listing ? ks : opposite(ks), certainty: 0.6 });
      }
    }
  }
  // Remaining: cues of the visiting side ("поблагодарил Казахстан", "Приветствуя X"), else home.
  for (const [i, list] of infosBySentence) {
    if (i >= bodyEnd) continue;
    for (const u of list) {
      if (sideOf.has(u.name) || u.inQuote) continue;
      const s = sentences[i]!;
      const sm = masked.slice(s.start, s.end);
      const after = masked.slice(u.mention.span[1], s.end);
      const before = masked.slice(s.start, u.mention.span[0]);
      if (/^\s*(?:[а-яё]+\s+){0,3}?(?:поблагодарил\p{L}*|выразил\p{L}*\s+признательность)\s+(?:\S+\s+){0,2}?(?:Казахстан|казахстанск|Астан)/u.test(after) || /Приветствуя\s+$/u.test(before) || (GUEST_WORD.test(sm) && !u.nominative && /гост/u.test(sm))) {
        sideOf.set(u.name, { side: "partner", certainty: 0.5 });
      }
    }
  }
  for (const list of infosBySentence.values()) {
    for (const u of list) if (!sideOf.has(u.name) && !u.inQuote && !u.referenceOnly) sideOf.set(u.name, { side: "home", certainty: 0.35 });
  }
}

/** A visitor met several officials: what one record knows of whom they represent holds for the others. */
function lendPartners(events: ExtractedEvent[]): void {
  for (const e of events) {
    if (e.partners.length || e.kind === "statement") continue;
    const guests = new Set(e.participants.filter((p) => p.side === "partner").map((p) => p.name));
    const donor = events.find((o) => o !== e && o.partners.length && o.participants.some((p) => p.side === "partner" && guests.has(p.name)));
    if (donor) e.partners = donor.partners.map((p) => ({ ...p, spans: [...p.spans], confidence: clamp(p.confidence * 0.8) }));
  }
}

/** Two records of the same contact (a lead repeated further down) become one. */
function mergeDuplicates(events: ExtractedEvent[]): ExtractedEvent[] {
  const out: ExtractedEvent[] = [];
  for (const e of events) {
    const twin = out.find(
      (o) =>
        o.kind === e.kind &&
        o.date === e.date &&
        o.participants.length === e.participants.length &&
        o.participants.every((p) => e.participants.some((q) => q.name === p.name && q.side === p.side)),
    );
    if (!twin) {
      out.push(e);
      continue;
    }
    for (const q of e.quotes) if (!twin.quotes.some((x) => x.text === q.text)) twin.quotes.push(q);
    for (const t of e.themes) if (!twin.themes.some((x) => x.code === t.code)) twin.themes.push(t);
    for (const p of e.partners) if (!twin.partners.some((x) => (x.code ?? x.name) === (p.code ?? p.name))) twin.partners.push(p);
  }
  return out;
}
