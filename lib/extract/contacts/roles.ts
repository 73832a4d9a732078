// Stage 3 of the contact pipeline: what each sentence does in the report — reports a contact
// (its trigger: kind, strength, span), gives background, repeats the headline — and where the
// article's body ends (the first boilerplate line after the first report).
import type { Span } from "../types";
import { ANY_TRIGGER, PRESS_COUNTERPART, TRIGGER_RULES, type TriggerKind } from "../rules/triggers";
import { dateInSentence } from "./dates";
import { BACKGROUND_OPENER, FUTURE } from "./lexicon";
import type { ArticleMentions } from "./mentions";

export interface Trigger {
  kind: TriggerKind | "header";
  strength: number;
  span: Span;
  /** A statement that is an event of its own (rules/triggers.ts). */
  standalone?: boolean;
}

export interface SentenceRole {
  readonly trigger: Trigger | null;
  readonly background: boolean;
  readonly headline: boolean;
}

export interface ReadArticle extends ArticleMentions {
  readonly roles: readonly SentenceRole[];
  /** Sentences from here on are the page's boilerplate, not the article (exclusive index). */
  readonly bodyEnd: number;
}

const BOILERPLATE_END = /^(?:Читайте\s+также|Читайте\s+нас|Теги|Тегтер|Tags|Подпис|Поделиться|Рассказать|Материалы\s+по\s+теме|Похожие|Ұқсас|Популярное|Комментари|©|#\S|Реклама(?![\p{L}\d])|ИСТОЧНИК:|Источник:|Пресс-служба\s|Все\s+права|Нашли\s+ошибку|Заметили\s+ошибку|Мы\s+используем|Фото:\s.*©|Автор:)/iu;
const SKIP_LINE = /^(?:Фото:|Фото\s|Видео:|Реклама$|Справка[.:])/iu;
/** "я попросил": first-person speech the quote finder missed, not the report itself. */
const FIRST_PERSON = /(?:^|[\s,(])(?:я|мною|мне)(?=[\s,.])/u;

const key = (s: string) => s.toLowerCase().replace(/ё/g, "е");

export function readSentences(m: ArticleMentions): ReadArticle {
  const title = m.title ? key(m.title.trim()) : null;
  const perParagraph = new Map<number, number>();
  for (const s of m.sentences) perParagraph.set(s.paragraph, (perParagraph.get(s.paragraph) ?? 0) + 1);
  let reported = false;
  const roles: SentenceRole[] = m.sentences.map((s) => {
    const raw = m.text.slice(s.start, s.end).trim();
    const alone = perParagraph.get(s.paragraph) === 1;
    const headline = (alone && !/[.!?…»"]$/u.test(raw)) || (title !== null && key(raw) === title);
    const masked = m.masked.slice(s.start, s.end);
    // Headlines are tested too: a lead without a full stop looks like one, and a headline
    // that reports the same contact merges with the lead's block.
    const trigger = BACKGROUND_OPENER.test(raw) || SKIP_LINE.test(raw) ? null : triggerOf(masked.toLowerCase(), s.start);
    // "Предыдущий раунд консультаций прошел в Астане в 2022 году": a contact dated long before the article is its background
    // "Несколько дней назад лидеры уже обсуждали это по телефону", after the contact reported: an earlier one
    const past = !!trigger && !headline && (reportsPastContact(masked, s.start, m.publishedOn) || (reported && AGO.test(masked)));
    if (trigger && !headline && !past) reported = true;
    const background = BACKGROUND_OPENER.test(raw) || SKIP_LINE.test(raw) || past;
    return { trigger: past ? null : trigger, background, headline };
  });
  return { ...m, roles: continuedBackground(m, roles), bodyEnd: bodyEndOf(m, roles) };
}

/** "несколько дней назад", "неделю назад", "месяцем ранее": a time before the contact being reported. */
const AGO = /(?:^|[\s,(])(?:дн(?:я|ей)|недел[юиь]|месяц(?:а|ев)?|год(?:а)?|лет)\s+назад(?=$|[\s,.;)])|(?:^|[\s,(])(?:неделей|месяцем|годом)\s+(?:ранее|раньше)(?=$|[\s,.;)])/u;

/** "Предыдущий раунд прошел в 2019 году. Тогда делегацию возглавлял …": the next sentence goes on with the background. */
const STILL_BACKGROUND = /^(?:тогда|в\s+тот\s+раз|в\s+том\s+году|тогда\s+же)(?=[\s,])/iu;

function continuedBackground(m: ArticleMentions, roles: SentenceRole[]): SentenceRole[] {
  return roles.map((r, i) => {
    if (i === 0 || r.background || !roles[i - 1]!.background) return r;
    const s = m.sentences[i]!;
    return STILL_BACKGROUND.test(m.text.slice(s.start, s.end).trim()) ? { trigger: null, background: true, headline: r.headline } : r;
  });
}

/** The first rule that reports a contact in the (lower-cased, speech-masked) sentence. */
export function triggerOf(lower: string, offset: number): Trigger | null {
  if (!ANY_TRIGGER.test(lower)) return null;
  for (const rule of TRIGGER_RULES) {
    if (!rule.quick.test(lower)) continue;
    const hit = rule.pattern.exec(lower);
    if (!hit) continue;
    if (announces(lower, hit.index, hit.index + hit[0].length)) continue;
    if (rule.kind === "meeting" && PRESS_COUNTERPART.test(lower)) continue;
    if (FIRST_PERSON.test(lower)) continue;
    return { kind: rule.kind, strength: rule.strength, span: [offset + hit.index, offset + hit.index + hit[0].length], standalone: rule.standalone };
  }
  return null;
}

/** Days before the article's date after which a reported contact is history, not news. */
const NEWS_WINDOW_DAYS = 31;
const PAST_MARKER = /(?:^|[\s,(])(?:предыдущ\p{L}*|прошлогодн\p{L}*|в\s+прошлом\s+году|в\s+позапрошлом\s+году|в\s+свое\s+время|в\s+своё\s+время)(?=[\s,.])/iu;

function reportsPastContact(masked: string, offset: number, publishedOn: string | null): boolean {
  if (PAST_MARKER.test(masked)) return true;
  if (!publishedOn) return false;
  const date = dateInSentence(masked, offset, publishedOn);
  if (date) return daysBetween(date.iso, publishedOn) > NEWS_WINDOW_DAYS;
  // "в 2022 году" with no day: a year before the article's
  const year = /(?:^|\s)в\s+(\d{4})\s+году/u.exec(masked);
  return !!year && Number(year[1]) < Number(publishedOn.slice(0, 4));
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
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

function bodyEndOf(m: ArticleMentions, roles: readonly SentenceRole[]): number {
  const firstTrigger = roles.findIndex((r) => r.trigger && r.trigger.kind !== "header");
  if (firstTrigger < 0) return m.sentences.length;
  for (let i = firstTrigger + 1; i < m.sentences.length; i++) {
    const s = m.sentences[i]!;
    if (s.first && BOILERPLATE_END.test(m.text.slice(s.start, s.end).trim())) return i;
  }
  return m.sentences.length;
}
