// Title phrases and place names in the nominative, for the event stage.
import { capitaliseLike } from "./lexicon";
import { inflect, parse, type WordParse } from "./morph";

const WORD = /^[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*$/;

function likeSurface(surface: string, form: string): string {
  if (surface === surface.toUpperCase() && surface.length > 1) return form.toUpperCase();
  return capitaliseLike(surface, form);
}

/** The nominative of an adjective agreeing with its head, by dictionary inflection or by ending. */
function adjectiveNominative(word: string, gender: string, number: string): string | null {
  const parses = parse(word.toLowerCase()).filter((p) => p.pos === "ADJF" || p.pos === "PRTF");
  const known = parses.filter((p) => p.known);
  // already nominative ("поверенный"): a participle's dictionary form is its verb's, so keep the word
  if (known.some((p) => p.case === "nomn" && (number === "plur" ? p.number === "plur" : p.number !== "plur" && (!p.gender || p.gender === gender)))) return word;
  // by ending, checked against the dictionary, first: "первым" → "первый", "вторым" → "второй", and
  // "временным" → "временный" rather than the rarer "временной" the dictionary inflection may pick
  const low = word.toLowerCase();
  const endings: [RegExp, string[]][] =
    number === "plur"
      ? [[/(ыми|ых|ым)$/, ["ые"]], [/(ими|их|им)$/, ["ие"]]]
      : gender === "femn"
        ? [[/(ой|ую)$/, ["ая"]], [/(ей|юю)$/, ["яя"]]]
        : [[/(ым|ого|ому|ом)$/, ["ый", "ой", "ий"]], [/(им|его|ему|ем)$/, ["ий"]]];
  for (const [re, reps] of endings) {
    if (!re.test(low)) continue;
    for (const rep of reps) {
      const cand = low.replace(re, rep);
      if (parse(cand).some((p) => p.known && (p.pos === "ADJF" || p.pos === "PRTF") && p.case === "nomn")) return likeSurface(word, cand);
    }
  }
  for (const p of known.length ? known : parses) {
    const gram = number === "plur" ? ["nomn", "plur"] : ["nomn", gender, "sing"];
    const form = inflect(p, gram);
    // az's ordinal lexemes can jump to another word ("первым" → "один"): keep only forms of the same stem
    // (and a participle to its verb: "поверенным" → "поверивший"), so the form must keep all but the ending
    const keep = Math.max(3, word.length - 3);
    if (form && form.slice(0, keep) === word.toLowerCase().slice(0, keep)) return likeSurface(word, form);
  }
  return null;
}

function headNoun(word: string): WordParse | null {
  const parses = parse(word.toLowerCase()).filter((p) => p.pos === "NOUN" && !p.marks.has("Name") && !p.marks.has("Surn"));
  const known = parses.filter((p) => p.known);
  const pool = known.length ? known : parses;
  return pool.find((p) => p.number === "sing") ?? pool[0] ?? null;
}

/**
 * A title or position in the nominative, its complement as written:
 * "Председателем Сената РК" → "Председатель Сената РК",
 * "Чрезвычайным и Полномочным послом США" → "Чрезвычайный и Полномочный посол США".
 */
export function nominativePhrase(phrase: string): string {
  // "заместителю Премьер-Министра – министру иностранных дел": each title of a dashed pair
  const parts = phrase.trim().split(/(\s+[–—]\s+)/);
  if (parts.length > 1) return parts.map((p, i) => (i % 2 ? p : nominativeTitles(p))).join("");
  return nominativeTitles(phrase);
}

/** "членом Политбюро ЦК КПК, министром иностранных дел КНР": a title after a comma is a second title; a place is not. */
function nominativeTitles(phrase: string): string {
  const parts = phrase.split(/(,\s+)/);
  return parts
    .map((p, i) => {
      if (i === 0) return nominativeTitle(p);
      if (i % 2) return p;
      const first = p.trim().split(/\s+/)[0]?.replace(/^.*-/, "").toLowerCase() ?? "";
      const title = parse(first).some((w) => w.known && w.pos === "NOUN" && w.marks.has("anim") && !w.marks.has("Name") && !w.marks.has("Surn"));
      return title ? nominativeTitle(p) : p;
    })
    .join("");
}

function nominativeTitle(phrase: string): string {
  const words = phrase.trim().split(/\s+/);
  if (words.length === 0 || !words[0]) return phrase.trim();
  // the head is the first noun; everything before it is agreeing adjectives (and "и")
  let head = -1;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!WORD.test(w)) break;
    if (w.toLowerCase() === "и") continue;
    const topKnown = parse(w.toLowerCase()).find((p) => p.known);
    // "поверенный в делах": the head never lies past a preposition ("в" is also read as the noun "век")
    if (topKnown && (topKnown.pos === "PREP" || topKnown.pos === "CONJ" || topKnown.pos === "PRCL")) break;
    const adj = !!topKnown && (topKnown.pos === "ADJF" || topKnown.pos === "PRTF");
    const noun = headNoun(w);
    if (noun && (!adj || i === words.length - 1 || !parse(words[i + 1]?.toLowerCase() ?? "").some((p) => p.pos === "NOUN"))) {
      head = i;
      break;
    }
    if (!adj) break;
  }
  if (head < 0) {
    // an adjective standing for a noun: "Уполномоченным по правам человека" → "Уполномоченный ..."
    // ("Временным поверенным в делах" → "Временный поверенный в делах": every leading adjective agrees)
    const out = [...words];
    for (let i = 0; i < words.length && WORD.test(words[i]); i++) {
      const adj = parse(words[i].toLowerCase()).find((p) => p.known && (p.pos === "ADJF" || p.pos === "PRTF"));
      if (!adj) break;
      const number = /(ыми|ими|ые|ие|ых|их)$/i.test(words[i]) ? "plur" : "sing";
      const gender = /(ая|яя|ую|юю)$/i.test(words[i]) ? "femn" : "masc";
      out[i] = adjectiveNominative(words[i], gender, number) ?? words[i];
    }
    return out.join(" ");
  }
  const noun = headNoun(words[head])!;
  const number = noun.number === "plur" ? "plur" : "sing";
  const gender = noun.gender ?? "masc";
  const nounForm = inflect(noun, ["nomn", number]) ?? noun.lemma;
  const out = [...words];
  let headForm = likeSurface(words[head], nounForm);
  // "вице-министру" → "вице-министр": az drops a known prefix from the form
  const dash = words[head].lastIndexOf("-");
  if (dash > 0 && !headForm.includes("-")) headForm = words[head].slice(0, dash + 1) + headForm.toLowerCase();
  out[head] = headForm;
  for (let i = 0; i < head; i++) {
    if (words[i].toLowerCase() === "и") continue;
    out[i] = adjectiveNominative(words[i], gender, number) ?? words[i];
  }
  return out.join(" ");
}

const LOCATIVE_RULES: [RegExp, string][] = [
  [/ии$/, "ия"],
  // "в Габалу", "по прибытии в Кандалакшу": after "в" an accusative in -у/-ю is a feminine name's
  [/([^аеёиоуыэюя])у$/, "$1а"],
  [/([^аеёиоуыэюя])ю$/, "$1я"],
  [/ье$/, "ье"],
  [/([аеёиоуыэюя])е$/, "$1е"],
  [/е$/, ""],
  [/и$/, "и"],
  [/ы$/, "ы"],
];

/** A city or country in the nominative from any case form: "Астане" → "Астана", "Алматы" → "Алматы". */
export function nominativePlace(word: string): string {
  const w = word.trim();
  if (!w) return w;
  const parts = w.split("-");
  // "Нур-Султане", "Санкт-Петербурге": only the last part declines
  const candidates = [w, parts[parts.length - 1]];
  for (const [idx, cand] of candidates.entries()) {
    const geo = parse(cand).filter((p) => p.marks.has("Geox") && p.number !== "plur");
    const known = geo.filter((p) => p.known);
    const best = (known.length ? known : idx === 0 ? [] : geo).find((p) => p.case === "nomn" && p.lemma === cand.toLowerCase()) ?? (known.length ? known : idx === 0 ? [] : geo)[0];
    if (best) {
      const lemma = idx === 0 ? best.lemma : [...parts.slice(0, -1).map((s) => s.toLowerCase()), best.lemma].join("-");
      return capitaliseLike(w, lemma);
    }
  }
  // not in the dictionary: try the usual nominatives and keep one the dictionary calls a place
  const tries: string[] = [];
  if (/ии$/.test(w)) tries.push(w.replace(/ии$/, "ия"));
  if (/ее$/.test(w)) return w.replace(/ее$/, "ей");
  if (/е$/.test(w)) tries.push(w.replace(/е$/, ""), w.replace(/е$/, "а"), w.replace(/е$/, "я"));
  if (/[ыи]$/.test(w)) tries.push(w.replace(/[ыи]$/, "а"));
  for (const t of tries) if (parse(t).some((p) => p.marks.has("Geox") && p.case === "nomn")) return t;
  for (const [re, rep] of LOCATIVE_RULES) if (re.test(w)) return w.replace(re, rep);
  return w;
}
