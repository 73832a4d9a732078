// East Asian names in Russian transcription: Korean "Ку Хон Сок", Chinese "Ван И", "Ли Цян", Vietnamese
// "Фам Тхань Бинь". They are written family name first, as separate one-syllable words, and Russian declines
// only the last word, and only when it ends in a consonant ("с Послом Ку Хон Соком", "с вице-министром Фам
// Тхань Бинем"); a vowel-final name stays as it is ("с министром Ван И"). The general name rules do not know
// these syllables, so they are recognised by shape, in articles that speak of an East Asian country.

/** One syllable of the Palladius (Chinese), Kontsevich (Korean) or Vietnamese transcription. */
// ("Ир" of "Ким Ир Сен", "Ким Чен Ир" is the one traditional spelling with a final р; "ъ" parts syllables in
// Palladius: "Дунъюй")
const SYLLABLE = "ъ?(?:цз|чж|чх|тх|кх|пх|кк|тт|пп|сс|чч|нг|[бвгджзйклмнпрстфхцчшщ])?в?[аеёиоуыэюя]{1,2}й?(?:нгь?|нь|н|ль|л|м|к|т|п|ч|х|ь|(?<=и)р)?";
const ONE = new RegExp(`^${SYLLABLE}$`);
const ONE_OR_TWO = new RegExp(`^${SYLLABLE}(?:${SYLLABLE})?$`);

/** The article speaks of a country whose names are written this way. */
const REGION = /Коре|КНР|КНДР|Кита|Япони|Вьетнам|Тайван|Гонконг|Макао|Сингапур|Лаос|Камбодж|Мьянм|Монгол/;

export function speaksOfEastAsia(text: string): boolean {
  return REGION.test(text);
}

/**
 * Frequent Chinese, Korean and Vietnamese family names. An article about an international bank or a forum
 * may name no East Asian country, yet "с вице-президентом банка Чэнь Шаоцзюнем" is such a name: a run that
 * opens with one of these is read the same way. Words that are also Russian words ("О", "Со", "До") are left out.
 */
const FAMILY_NAMES = new Set(
  ("ван ли чжан лю чэнь ян чжао хуан чжоу сюй сунь ху чжу гао линь го ло лян сун чжэн се хань тан фэн юй дун сяо " +
    "чэн цао юань дэн фу шэнь цзэн пэн цзинь цзян цай цуй ци цинь вэй лу мэн ду сюэ тянь дин жэнь цзя ся " +
    "ким пак чхве чон кан чо юн лим хван квон сон хон шин нгуен фам хоанг нго буй зыонг").split(" "),
);

export function isFamilyName(word: string): boolean {
  return FAMILY_NAMES.has(word.toLowerCase().replace(/ё/g, "е"));
}

/** A person's name written the East Asian way: two to four one-syllable words ("Ли Хе Рин", "Чэнь Шаоцзюнь"). */
export function eastAsianShaped(name: string): boolean {
  const parts = name.split(/\s+/u);
  if (parts.length < 2 || parts.length > 4) return false;
  return parts.slice(0, -1).every(isSyllable) && ONE_OR_TWO.test(parts[parts.length - 1]!.toLowerCase());
}

/**
 * Mongolian names are written patronymic first, in the genitive ("Ухнаагийн Хурэлсух"); Russian declines
 * only the given name, like a masculine noun ("с Президентом Ухнаагийн Хурэлсухом").
 */
export const MONGOLIAN_PATRONYMIC = /^[А-ЯЁ][а-яё]{2,}(?:ийн|ын|гийн|ны)$/u;
export function speaksOfMongolia(text: string): boolean {
  return /Монгол|Хурал/u.test(text);
}

/** The nominative of a Mongolian given name after its patronymic: "Хурэлсухом" → "Хурэлсух". */
export function mongolianGivenNominative(word: string, seen: (w: string) => boolean): string {
  const m = /^(.*[бвгджзклмнпрстфхцчшщ])(?:ом|ем)$/u.exec(word);
  if (m && m[1]!.length >= 3) return m[1]!;
  // "Энхболда", "Энхболду": only when the bare form is written elsewhere, since names such as "Лхагва" end in -а
  const v = /^(.*[бвгджзклмнпрстфхцчшщ])(?:а|у|е)$/u.exec(word);
  if (v && v[1]!.length >= 3 && seen(v[1]!)) return v[1]!;
  return word;
}

/** Case endings of a masculine noun declined like "Сок" or "Бинь", longest first. */
const ENDINGS: { ending: string; soft: boolean }[] = [
  { ending: "ом", soft: false },
  { ending: "ем", soft: true },
  { ending: "ём", soft: true },
  { ending: "а", soft: false },
  { ending: "я", soft: true },
  { ending: "у", soft: false },
  { ending: "ю", soft: true },
  { ending: "е", soft: false },
];
const HUSHING = /[жшчщц]$/;

export function isSyllable(word: string): boolean {
  // "Тхаем" fits the shape, but a vowel before -ем is the instrumental of "Тхай"
  return ONE.test(word.toLowerCase()) && !/[аоуэ][её]м$/i.test(word);
}

/**
 * The nominative of the last word of an East Asian name, or null when the word is no such name.
 * A case ending comes off only where the rest is a consonant-final syllable (or two): "Соком" → "Сок",
 * "Бинем" → "Бинь", "Цяна" → "Цян"; "И", "Хва", "Цзиньпин" stay.
 */
export function lastPartNominative(word: string): string | null {
  const low = word.toLowerCase();
  for (const { ending, soft } of ENDINGS) {
    if (!low.endsWith(ending) || low.length <= ending.length + 1) continue;
    const base = word.slice(0, word.length - ending.length);
    // "Тхаем" → "Тхай": the instrumental of a name ending in -й
    if ((ending === "ем" || ending === "ём") && /[аеиоуэюя]$/i.test(base) && ONE_OR_TWO.test(`${base}й`.toLowerCase())) return `${base}й`;
    if (!/[бвгджзклмнпрстфхцчшщ]$/i.test(base)) continue;
    const lemma = soft && !HUSHING.test(base) && !/[кгх]$/i.test(base) ? base + "ь" : base;
    if (ONE_OR_TWO.test(lemma.toLowerCase())) return lemma;
  }
  return ONE_OR_TWO.test(low) ? word : null;
}
