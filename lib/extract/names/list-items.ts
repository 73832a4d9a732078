// People in lists: "• Грэм Полл (Англия) • Франк Де Блекере (Бельгия)", "1. Леван Гацелицадзе — 24,98 %",
// "Ннека Угбома - руководитель проекта …, Гергей Ковач - политик". A list of referees, candidates or speakers names
// many foreigners whose given names no lexicon holds. An item is read as a person by analogy: it has the same
// shape as its siblings (two to four capitalised words opening the item, then a country in brackets or a dash and
// a post), and at least two siblings open with a given name the lexicon knows. Items are written in the nominative.
import { tokenInfo } from "./lexicon";
import { parse } from "./morph";

export interface ListToken {
  text: string;
  start: number;
  end: number;
  cap: boolean;
  cyr: boolean;
  initial: boolean;
  glued: boolean;
}

export interface ListPerson<T extends ListToken> {
  tokens: T[];
  name: string;
}

/** What opens a list item: a bullet, a semicolon, a new line, an item number, a comma. */
const ITEM_OPENING = /(?:^|[•·;\n,]|\d+[.)])\s*$/u;
/** What follows a person in an item: a country in brackets, or a dash and a lower-case word. */
const AFTER_BRACKET = /^\s*\(\s*([A-ZА-ЯЁ][\p{L}-]*)/u;
const AFTER_DASH = /^\s*[—–-]\s+([а-яё][\p{L}-]+|\d)/u;
/** Name particles written with a capital inside a list ("Франк Де Блекере", "Ван Дейк"). */
const SURNAME_ENDING = /(?:ов|ев|ёв|ин|ын|ова|ева|ина|ына|ский|цкий|ская|цкая|енко|швили|дзе|ян)$/u;
const PARTICLE = /^(?:Де|Ди|Да|Дю|Ле|Ла|Ван|Фон|Дер|Дель|Делла|Дос|Эль|Аль)$/u;

function afterIsItemTail(text: string, end: number): boolean {
  const rest = text.slice(end, end + 80);
  const bracket = AFTER_BRACKET.exec(rest);
  if (bracket) {
    const word = bracket[1]!;
    const info = tokenInfo(word);
    return info.place || /^[A-ZА-ЯЁ]{2,4}$/u.test(word);
  }
  const dash = AFTER_DASH.exec(rest);
  // "— политик", "— руководитель проекта": an animate noun, the item's post
  // "— 24,98 %": a figure, as in a list of results
  return !!dash && (/^\d/u.test(dash[1]!) || parse(dash[1]!).some((p) => p.known && p.pos === "NOUN" && p.marks.has("anim")));
}

function nameShaped(run: ListToken[]): boolean {
  if (run.length < 2 || run.length > 4) return false;
  const first = run[0]!;
  const last = run[run.length - 1]!;
  if (PARTICLE.test(first.text) || PARTICLE.test(last.text)) return false;
  if (run.some((t) => t.initial || /^[А-ЯЁ]{2,}$/u.test(t.text))) return false;
  const firstInfo = tokenInfo(first.text);
  const lastInfo = tokenInfo(last.text);
  if (lastInfo.place || lastInfo.organisation || firstInfo.organisation) return false;
  // "Гата Камский": a word the dictionary knows as a place opens a name only before a surname's ending
  if (firstInfo.place && !SURNAME_ENDING.test(last.text)) return false;
  // "Южная Корея", "Новая Зеландия": an adjective opens no name
  return !parse(first.text).some((p) => p.known && p.pos === "ADJF");
}

/** The span from `at` (`len` tokens) is an item of a list, written in the nominative. */
export function isListItem(tokens: ListToken[], at: number, len: number, text: string): boolean {
  const t = tokens[at]!;
  if (at > 0 && t.glued) return false;
  return ITEM_OPENING.test(text.slice(at > 0 ? tokens[at - 1]!.end : 0, t.start)) && afterIsItemTail(text, tokens[at + len - 1]!.end);
}

const opensWithKnownGivenName = (run: ListToken[]) => tokenInfo(run[0]!.text).first.some((h) => h.case === "nomn");

export function listPeople<T extends ListToken>(tokens: T[], text: string): ListPerson<T>[] {
  const items: T[][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.cap || !t.cyr) continue;
    let j = i + 1;
    while (j < tokens.length && tokens[j]!.glued && tokens[j]!.cap && tokens[j]!.cyr) j++;
    const run = tokens.slice(i, j);
    if (nameShaped(run) && isListItem(tokens, i, run.length, text)) items.push(run);
    i = j - 1;
  }
  if (items.filter(opensWithKnownGivenName).length < 2) return [];
  return items.map((run) => ({ tokens: run, name: run.map((t) => t.text).join(" ") }));
}
