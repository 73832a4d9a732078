// The small rules the event stage is built from: dates relative to the article's date,
// sentences that never break inside speech, and the speech regions themselves.
import { describe, expect, it } from "vitest";
import { dateInSentence } from "@/lib/extract/contacts/dates";
import { findQuotes, maskQuotes, splitParagraphs, splitSentencesOf } from "@/lib/extract/contacts/units";
import { isPastVerb } from "@/lib/extract/contacts/lexicon";

const dateOf = (s: string, pub: string | null) => dateInSentence(s, 0, pub)?.iso ?? null;

describe("dateInSentence", () => {
  it("reads day and month, with or without a year", () => {
    expect(dateOf("Министр 10 мая 2024 года встретил гостей", "2024-05-11")).toBe("2024-05-10");
    expect(dateOf("Посол 14 августа провел встречу", "2024-08-15")).toBe("2024-08-14");
    expect(dateOf("Накануне, 3 апреля, он провел встречи", "2025-04-04")).toBe("2025-04-03");
  });

  it("puts a day-month after the article's date into the previous year", () => {
    expect(dateOf("28 декабря состоялись переговоры", "2025-01-05")).toBe("2024-12-28");
  });

  it("resolves вчера, накануне, сегодня and weekdays against the article's date", () => {
    expect(dateOf("Вице-премьер вчера провел встречу", "2025-03-21")).toBe("2025-03-20");
    expect(dateOf("Накануне министр провел переговоры", "2025-03-21")).toBe("2025-03-20");
    expect(dateOf("Сегодня состоялся телефонный разговор", "2024-02-26")).toBe("2024-02-26");
    // 2024-02-26 was a Monday; "в пятницу" is the Friday before
    expect(dateOf("Министр в пятницу принял посла", "2024-02-26")).toBe("2024-02-23");
  });

  it("gives no date where nothing dates the sentence", () => {
    expect(dateOf("Стороны обсудили вопросы защиты окружающей среды", "2024-06-01")).toBeNull();
    expect(dateOf("Вчера состоялась встреча", null)).toBeNull();
    // "накануне визита" is "on the eve of the visit", not yesterday
    expect(dateOf("Накануне визита министр дал интервью", "2024-06-01")).toBeNull();
    // a deadline is not the day of the event
    expect(dateOf("Стороны договорились подготовить документ до 15 марта", "2024-03-01")).toBeNull();
  });
});

describe("sentences and speech", () => {
  const text = `Председатель Мажилиса провел встречу с послом. Стороны обсудили торговлю.
«Мы рады гостям. Наши страны – давние партнеры», – сказал он. Г. Иванов также выступил.
– Несмотря на трудности, связи растут, – отметила она.`;
  const paragraphs = splitParagraphs(text);
  const sentences = splitSentencesOf(text, paragraphs);

  it("splits paragraphs into sentences but never inside «…» nor after an initial", () => {
    const texts = sentences.map((s) => text.slice(s.start, s.end));
    expect(texts).toContain("«Мы рады гостям. Наши страны – давние партнеры», – сказал он.");
    expect(texts).toContain("Г. Иванов также выступил.");
    expect(texts[0]).toBe("Председатель Мажилиса провел встречу с послом.");
  });

  it("finds «…» speech and dash paragraphs without their attribution, and masks them", () => {
    const quotes = findQuotes(text, paragraphs).map((q) => text.slice(q.inner[0], q.inner[1]));
    expect(quotes).toEqual(["Мы рады гостям. Наши страны – давние партнеры", "Несмотря на трудности, связи растут"]);
    const masked = maskQuotes(text, findQuotes(text, paragraphs));
    expect(masked).toHaveLength(text.length);
    expect(masked).not.toContain("рады гостям");
    expect(masked).toContain("сказал он");
  });

  it("keeps „…“ nested inside «…» in one quote", () => {
    const t = "«Казахстан поддерживает инициативу „ООН-80“ и выступает за реформу», – сказал министр.";
    const [q] = findQuotes(t, splitParagraphs(t));
    expect(t.slice(q!.inner[0], q!.inner[1])).toBe("Казахстан поддерживает инициативу „ООН-80“ и выступает за реформу");
  });
});

describe("isPastVerb", () => {
  it("knows past verbs from nouns and adjectives that end alike", () => {
    for (const w of ["провел", "встретилась", "обсудили", "прошла", "подчеркнул"]) expect(isPastVerb(w)).toBe(true);
    for (const w of ["посол", "постоянного", "совет", "председатель", "диалог"]) expect(isPastVerb(w)).toBe(false);
  });
});

describe("extractEvents on thin input", () => {
  it("returns no events, without throwing, when other stages found nothing", async () => {
    const { extractEvents } = await import("@/lib/extract/contacts");
    const empty = { find: () => [], byCode: () => undefined };
    const noThemes = { find: () => [], classify: () => [] };
    const base = { title: null, publishedOn: null, mentions: [], partnerMentions: [], partners: empty, themes: noThemes };
    expect(extractEvents({ ...base, text: "" })).toEqual([]);
    expect(extractEvents({ ...base, text: "Председатель Сената провел встречу с послом. Стороны обсудили сотрудничество." })).toEqual([]);
  });
});

describe("places and weekdays in other wordings", () => {
  it("reads 'в минувшую пятницу' and 'в г. Алматы'", async () => {
    expect(dateOf("Министр в минувшую пятницу принял посла", "2024-02-26")).toBe("2024-02-23");
    const { placeIn } = await import("@/lib/extract/contacts/places");
    const t = "Министр провел в г. Алматы встречу с послом.";
    expect(placeIn(t, [0, t.length], [], [])?.name).toBe("Алматы");
  });
});
