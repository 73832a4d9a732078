// Which language an article is written in: ru, kk, en or whatever franc says; "und" when there is no text.
import { franc } from "franc-min";

/** Letters of the Kazakh Cyrillic alphabet that Russian does not have. */
const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/g;
/** Frequent Kazakh function words; Russian texts quoting a Kazakh name do not use them. */
const KAZAKH_WORDS = /(?<![\p{L}])(?:және|мен|үшін|деп|бойынша|туралы|бұл|осы|бар|жоқ|болып|болды|дейін|кейін|сондай-ақ|арқылы|жылы|елдің|қазақ|барысында)(?![\p{L}])/giu;

/** franc speaks ISO 639-3; the contract speaks ISO 639-1. */
const ISO_639_1: Record<string, string> = {
  rus: "ru", kaz: "kk", eng: "en", ukr: "uk", bel: "be", uzb: "uz", uzn: "uz", kir: "ky", tgk: "tg", tur: "tr", deu: "de",
  fra: "fr", spa: "es", ita: "it", por: "pt", pol: "pl", bul: "bg", srp: "sr", azj: "az", aze: "az", cmn: "zh", arb: "ar",
  pes: "fa", jpn: "ja", kor: "ko", hin: "hi", nld: "nl", ces: "cs", ron: "ro", hun: "hu", ell: "el", swe: "sv", mkd: "mk",
};

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

function letterCounts(text: string): { cyrillic: number; latin: number } {
  let cyrillic = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x400 && c <= 0x4ff) cyrillic++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
  }
  return { cyrillic, latin };
}

export function detectLanguage(text: string): string {
  const sample = text.slice(0, 3000);
  const { cyrillic, latin } = letterCounts(sample);
  if (cyrillic + latin < 20) return cyrillic + latin === 0 ? "und" : cyrillic >= latin ? "ru" : "und";

  if (cyrillic >= latin) {
    const kazakhLetters = count(sample, KAZAKH_LETTERS);
    if (kazakhLetters / cyrillic > 0.02) return "kk";
    // Few special letters: a Russian text spelling Kazakh names, or Kazakh typed sparingly; the function words decide.
    if (kazakhLetters > 0) {
      const totalWords = sample.split(/\s+/).length;
      if (count(sample, KAZAKH_WORDS) / totalWords > 0.02) return "kk";
    }
    // Ukrainian and Belarusian have letters of their own; everything else Cyrillic here is Russian.
    if (count(sample, /[їєґЇЄҐ]/g) / cyrillic > 0.005) return "uk";
    if (count(sample, /[ўЎ]/g) / cyrillic > 0.005 && count(sample, /[іІ]/g) / cyrillic > 0.01) return "be";
    return "ru";
  }
  const code = franc(sample, { minLength: 10 });
  return ISO_639_1[code] ?? (code === "und" ? "und" : code);
}
