// Case forms of a Russian word from its dictionary form, by its ending: enough to match a
// registry alias written in the nominative ("Офис ОБСЕ") in any case ("с Офисом ОБСЕ").
// The paradigms deliberately over-generate (both hard and soft endings, both genders):
// a form that does not exist never occurs in a text, so it costs nothing.

const ADJ_ENDINGS = [
  "ий", "ый", "ой", "ого", "его", "ому", "ему", "им", "ым", "ом", "ем",
  "ая", "яя", "ую", "юю", "ое", "ее", "ые", "ие", "ых", "их", "ыми", "ими", "ей",
];
const NOUN_A = ["а", "ы", "и", "е", "у", "ой", "ою", "ам", "ами", "ах", ""];
const NOUN_YA = ["я", "и", "е", "ю", "ей", "ею", "й", "ям", "ями", "ях"];
const NOUN_IYA = ["ия", "ии", "ию", "ией", "иею", "ий", "иям", "иями", "иях"];
const NOUN_SOFT = ["ь", "я", "ю", "ем", "е", "и", "ей", "ью", "ям", "ями", "ях"];
const NOUN_J = ["й", "я", "ю", "ем", "е", "и", "ев", "ям", "ями", "ях"];
const NOUN_IJ = ["ий", "ия", "ию", "ием", "ии", "иев"];
const NOUN_CONS = ["", "а", "у", "ом", "ем", "е", "ы", "и", "ов", "ев", "ам", "ами", "ах", "ей"];
const NOUN_PLURAL = ["ы", "ов", "ев", "ам", "ами", "ах", ""];
const NOUN_NEUTER_IE = ["ие", "ия", "ию", "ием", "ии", "ий", "иям", "иями", "иях"];
const NOUN_NEUTER_O = ["о", "а", "у", "ом", "е", "", "ам", "ами", "ах"];

const CONSONANT = /[бвгджзклмнпрстфхцчшщ]$/;
const ADJECTIVE = /(ий|ый|ой|ая|яя|ое|ее|ые|ие)$/;

function withEndings(stem: string, endings: string[], into: Set<string>): void {
  for (const e of endings) into.add(stem + e);
}

/** Every form to accept for a normalised (lower-case, ё→е) word. */
export function wordForms(word: string): Set<string> {
  const forms = new Set<string>([word]);
  // hyphens and apostrophes inside a name decline with its last part: Кот-д'Ивуара, Гвинеи-Бисау
  if (word.length < 3 || /[^а-яе'’-]/.test(word)) return forms;
  if (ADJECTIVE.test(word)) {
    const stem = word.slice(0, -2);
    withEndings(stem, ADJ_ENDINGS, forms);
    // The combining form of compound adjectives: казахстанско-японский.
    if (/(ск|цк)$/.test(stem)) forms.add(stem + "о");
  }
  if (word.endsWith("ия")) withEndings(word.slice(0, -2), NOUN_IYA, forms);
  else if (word.endsWith("я")) withEndings(word.slice(0, -1), NOUN_YA, forms);
  else if (/[аеиоуыэюя]а$/.test(word)) return forms; // Самоа, Никарагуа: foreign, indeclinable
  else if (word.endsWith("а")) withEndings(word.slice(0, -1), word.length > 4 ? NOUN_A : NOUN_A.filter(Boolean), forms);
  else if (word.endsWith("ий")) withEndings(word.slice(0, -2), NOUN_IJ, forms);
  else if (word.endsWith("ие")) withEndings(word.slice(0, -2), NOUN_NEUTER_IE, forms);
  else if (word.endsWith("й")) withEndings(word.slice(0, -1), NOUN_J, forms);
  else if (word.endsWith("ь")) withEndings(word.slice(0, -1), NOUN_SOFT, forms);
  else if (word.endsWith("ы") || /[кгхжшчщ]и$/.test(word)) withEndings(word.slice(0, -1), NOUN_PLURAL, forms);
  else if (word.endsWith("ство")) withEndings(word.slice(0, -1), NOUN_NEUTER_O, forms);
  else if (CONSONANT.test(word)) {
    withEndings(word, NOUN_CONS, forms);
    // A fleeting vowel in the last syllable: Египет → Египта.
    const fleeting = word.match(/^(.{3,})[ео]([бвгджзклмнпрстфхцчшщ])$/);
    if (fleeting) withEndings(fleeting[1] + fleeting[2], NOUN_CONS.filter(Boolean), forms);
  }
  // Words ending in -о, -е, -и, -у, -ю, -э (Перу, Того, Чили, Бюро) do not decline.
  return forms;
}

/** The stem of a normalised word form: the word without an inflectional ending, at least 4 letters kept. */
export function stemOf(word: string): string {
  for (let len = 4; len >= 1; len--) {
    if (word.length - len < 4) continue;
    const ending = word.slice(-len);
    if (STEM_ENDINGS.has(ending)) return word.slice(0, -len);
  }
  return word;
}

export const STEM_ENDINGS = new Set([
  ...ADJ_ENDINGS, ...NOUN_A, ...NOUN_YA, ...NOUN_IYA, ...NOUN_SOFT, ...NOUN_J, ...NOUN_CONS, ...NOUN_PLURAL, ...NOUN_NEUTER_IE,
  "о", "ию", "ью", "иями",
].filter(Boolean));
