// The event stage on articles written for these tests: other countries, officials, outlets and
// wordings than the corpus, so that the rules are shown to be rules and not memories.
import { describe, expect, it } from "vitest";
import { extractEvents } from "@/lib/extract/contacts";
import { findPeople } from "@/lib/extract/names";
import { compilePartners, compileThemes, defaultRegistry } from "@/lib/extract/registry";
import type { ExtractedEvent } from "@/lib/extract/types";

const registry = defaultRegistry();
const partners = compilePartners(registry);
const themes = compileThemes(registry);

function eventsOf(text: string, publishedOn: string | null = null): ExtractedEvent[] {
  const { mentions } = findPeople(text);
  return extractEvents({ text, title: null, publishedOn, mentions, partnerMentions: partners.find(text), partners, themes });
}

const codes = (e: ExtractedEvent) => e.partners.map((p) => p.code ?? p.name).sort();
const side = (e: ExtractedEvent, s: "home" | "partner") => e.participants.filter((p) => p.side === s).map((p) => p.name);
const hasName = (names: string[], surname: string) => names.some((n) => n.includes(surname));

describe("extractEvents on invented articles", () => {
  it("a Mazhilis deputy meeting a Korean delegation: one meeting, sides by title, quotes by name and by pronoun", () => {
    const text = `Депутат Мажилиса встретился с делегацией Национального собрания Кореи

Астана, 12 марта. Депутат Мажилиса Парламента Республики Казахстан Айдос Сарым провел встречу с делегацией Национального собрания Республики Корея во главе с депутатом Паком Мин Су, сообщает пресс-служба Мажилиса.

Стороны обсудили развитие межпарламентского сотрудничества, а также взаимодействие в сфере образования и цифровых технологий.

«Корея является одним из ключевых партнеров Казахстана в Азии. Мы заинтересованы в расширении обмена опытом между нашими парламентами», – отметил Айдос Сарым.

Пак Мин Су в свою очередь подчеркнул, что корейские компании готовы инвестировать в казахстанскую экономику.

«Мы видим большой потенциал для совместных проектов в энергетике и логистике», – сказал он.`;
    const events = eventsOf(text, "2025-03-12");
    expect(events).toHaveLength(1);
    const [e] = events;
    expect(e!.kind).toBe("meeting");
    expect(e!.date).toBe("2025-03-12");
    expect(e!.location).toBe("Астана");
    expect(codes(e!)).toEqual(["KR"]);
    expect(side(e!, "home")).toEqual(["Айдос Сарым"]);
    expect(hasName(side(e!, "partner"), "Пак")).toBe(true);
    const q1 = e!.quotes.find((q) => q.text.startsWith("Корея является"));
    const q2 = e!.quotes.find((q) => q.text.startsWith("Мы видим"));
    expect(q1?.speaker).toBe("Айдос Сарым");
    expect(q2?.speaker).toContain("Пак");
    expect(e!.themes.map((t) => t.code)).toContain("interparliamentary");
    expect(e!.confidence).toBeGreaterThan(0);
    expect(e!.kindEvidence.spans.length).toBeGreaterThan(0);
  });

  it("a phone call of the Foreign Minister with his Hungarian counterpart: no place, yesterday's date, quote by title", () => {
    const text = `АСТАНА, 5 сентября 2025 года. /Kazinform/. Министр иностранных дел Республики Казахстан Ермек Кошербаев вчера провел телефонный разговор с министром иностранных дел и внешней торговли Венгрии Петером Сийярто.

В ходе беседы министры обсудили торгово-экономическое сотрудничество и транзит грузов по Транскаспийскому маршруту.

Петер Сийярто поблагодарил казахстанскую сторону за поддержку венгерских компаний.

– Венгрия рассматривает Казахстан как стратегического партнера в Центральной Азии, – заявил венгерский министр.`;
    const [e, ...rest] = eventsOf(text, "2025-09-05");
    expect(rest).toHaveLength(0);
    expect(e!.kind).toBe("phone_call");
    expect(e!.date).toBe("2025-09-04");
    expect(e!.location).toBeNull();
    expect(codes(e!)).toEqual(["HU"]);
    expect(side(e!, "home")).toEqual(["Ермек Кошербаев"]);
    expect(side(e!, "partner")).toEqual(["Петер Сийярто"]);
    expect(e!.quotes).toEqual([expect.objectContaining({ speaker: "Петер Сийярто", text: expect.stringMatching(/^Венгрия рассматривает Казахстан/) })]);
    expect(e!.quotes[0]!.text).not.toMatch(/заявил/);
  });

  it("an announcement of a future visit gives no event", () => {
    const text = `Президент Франции посетит Казахстан в ноябре

Президент Франции Эмманюэль Макрон посетит Казахстан с официальным визитом 1–2 ноября. Об этом сообщили в Министерстве иностранных дел Казахстана.

В Астане французского лидера примет Президент Касым-Жомарт Токаев. Стороны планируют обсудить сотрудничество в энергетике и подписать ряд соглашений.

Ожидается, что переговоры пройдут в расширенном составе.`;
    expect(eventsOf(text, "2025-10-10")).toEqual([]);
  });

  it("a decree, the weather and a contact between two foreign ministers give no event", () => {
    const decree = `Указом Главы государства Касым-Жомарта Токаева Ерлан Байжанов назначен Чрезвычайным и Полномочным Послом Республики Казахстан в Японии. Ранее он занимал должность заместителя министра иностранных дел.`;
    const weather = `Синоптики прогнозируют сильный снег и метель в Астане в среду. Температура воздуха опустится до −25 градусов. Жителей просят соблюдать осторожность на дорогах, сообщает Казгидромет.`;
    const foreign = `МОСКВА, 8 апреля. Министр иностранных дел России Сергей Лавров провел переговоры с министром иностранных дел Китая Ван И. Стороны обсудили ситуацию в Центральной Азии, в том числе сотрудничество с Казахстаном.

«Мы высоко ценим партнерство с Пекином», – сказал Сергей Лавров.`;
    expect(eventsOf(decree, "2025-05-20")).toEqual([]);
    expect(eventsOf(weather, "2025-12-03")).toEqual([]);
    expect(eventsOf(foreign, "2025-04-08")).toEqual([]);
  });

  it("a briefing statement: the speaker alone, the subject of the statement as partner", () => {
    const text = `Официальный представитель МИД Казахстана Айбек Смадияров на брифинге для журналистов прокомментировал ситуацию в Афганистане.

«Казахстан выступает за стабильный и мирный Афганистан и продолжит оказывать гуманитарную помощь афганскому народу», – сказал дипломат.

По его словам, казахстанская сторона поддерживает диалог с временным правительством Афганистана по вопросам торговли и транзита.`;
    const [e, ...rest] = eventsOf(text, "2025-07-15");
    expect(rest).toHaveLength(0);
    expect(e!.kind).toBe("statement");
    expect(e!.participants.map((p) => [p.name, p.side])).toEqual([["Айбек Смадияров", "home"]]);
    expect(codes(e!)).toEqual(["AF"]);
    expect(e!.quotes[0]?.speaker).toBe("Айбек Смадияров");
  });

  it("a summit with bilateral meetings the day before: one conference and one meeting per counterpart", () => {
    const text = `Тяньцзинь, 1 сентября 2025 года

Президент Касым-Жомарт Токаев принял участие в заседании Совета глав государств – членов Шанхайской организации сотрудничества, сообщает пресс-служба Акорды.

«ШОС должна стать платформой для практического сотрудничества в сфере транспорта, энергетики и цифровизации», – сказал Касым-Жомарт Токаев.

Накануне, 31 августа, Касым-Жомарт Токаев провел ряд двусторонних встреч.

В ходе встречи с Председателем КНР Си Цзиньпином обсуждались вопросы торгово-экономического сотрудничества и реализации совместных инвестиционных проектов.

На переговорах с премьер-министром Индии Нарендрой Моди стороны обсудили развитие сотрудничества в фармацевтике и цифровых технологиях.`;
    const events = eventsOf(text, "2025-09-01");
    expect(events.map((e) => [e.kind, e.date, codes(e).join()])).toEqual([
      ["conference", "2025-09-01", "SCO"],
      ["meeting", "2025-08-31", "CN"],
      ["meeting", "2025-08-31", "IN"],
    ]);
    for (const e of events) {
      expect(side(e, "home")).toEqual(["Касым-Жомарт Токаев"]);
      expect(e.location).toBe("Тяньцзинь");
    }
    expect(hasName(side(events[2]!, "partner"), "Моди")).toBe(true);
    expect(events[0]!.quotes[0]?.speaker).toBe("Касым-Жомарт Токаев");
  });

  it("an ambassador abroad: the city of the meeting, the host country from the counterpart's side of the text", () => {
    const text = `Берлин, 14 ноября 2025 года. Посол Казахстана в Германии Нурлан Онжанов 13 ноября провел в Мюнхене встречу с государственным министром экономики Баварии Хубертом Айвангером.

Собеседники обсудили перспективы сотрудничества в сфере возобновляемой энергетики и машиностроения.

«Немецкий бизнес проявляет большой интерес к Казахстану», – отметил немецкий министр.`;
    const [e] = eventsOf(text, "2025-11-14");
    expect(e!.date).toBe("2025-11-13");
    expect(e!.location).toBe("Мюнхен");
    expect(side(e!, "home")).toEqual(["Нурлан Онжанов"]);
    expect(side(e!, "partner")).toEqual(["Хуберт Айвангер"]);
    expect(codes(e!)).toEqual(["DE"]);
    expect(e!.quotes[0]?.speaker).toBe("Хуберт Айвангер");
  });

  it("one visitor received by several officials in turn: one meeting each, the guest referred to by a word", () => {
    const text = `Генеральный секретарь Организации Договора о коллективной безопасности Имангали Тасмагамбетов, прибывший в Казахстан с рабочим визитом, 2 июня провел в Астане серию встреч.

В Акорде гостя принял Президент Касым-Жомарт Токаев. Стороны обсудили вопросы региональной безопасности.

Затем генсек ОДКБ встретился с Председателем Мажилиса Ерланом Кошановым. Собеседники обсудили межпарламентское взаимодействие.

В Министерстве обороны гостя принял министр обороны Руслан Жаксылыков.`;
    const events = eventsOf(text, "2025-06-02");
    expect(events.map((e) => side(e, "home")[0])).toEqual(["Касым-Жомарт Токаев", "Ерлан Кошанов", "Руслан Жаксылыков"]);
    for (const e of events) {
      expect(e.kind).toBe("meeting");
      expect(e.date).toBe("2025-06-02");
      expect(e.location).toBe("Астана");
      expect(side(e, "partner")).toEqual(["Имангали Тасмагамбетов"]);
      expect(codes(e)).toEqual(["CSTO"]);
    }
  });

  it("people only mentioned are not participants", () => {
    const text = `Председатель Сената Маулен Ашимбаев встретился с Послом Италии в Казахстане Марко Аллегри. Спикер Сената рассказал о реформах, проводимых по инициативе Президента Касым-Жомарта Токаева.

«Глава государства Касым-Жомарт Токаев уделяет особое внимание развитию связей с Европой», – сказал Маулен Ашимбаев.

Напомним, ранее Президент Сербии Александр Вучич провел переговоры с Касым-Жомартом Токаевым.`;
    const [e, ...rest] = eventsOf(text, "2025-02-10");
    expect(rest).toHaveLength(0);
    expect(side(e!, "home")).toEqual(["Маулен Ашимбаев"]);
    expect(hasName(side(e!, "partner"), "Аллегри")).toBe(true);
    expect(side(e!, "partner")).toHaveLength(1);
    expect(codes(e!)).toEqual(["IT"]);
    expect(e!.quotes[0]?.speaker).toBe("Маулен Ашимбаев");
  });

  it("a multilateral session abroad: conference, the organisation, the city named with the session", () => {
    const text = `Председатель Сената Маулен Ашимбаев 27 ноября 2025 года принял участие в пленарном заседании Парламентской ассамблеи ОБСЕ. Заседание прошло в Вене.

«Диалог парламентариев важен для доверия в регионе», – подчеркнул спикер.`;
    const [e] = eventsOf(text, "2025-11-28");
    expect(e!.kind).toBe("conference");
    expect(e!.date).toBe("2025-11-27");
    expect(e!.location).toBe("Вена");
    expect(codes(e!)).toEqual(["OSCE_PA"]);
    expect(e!.quotes[0]?.speaker).toBe("Маулен Ашимбаев");
  });

  it("a Kazakh official named by title only still makes a record, with the counterpart's country", () => {
    const text = `Астана, 4 марта 2026 года. Вице-министр иностранных дел РК провел политические консультации с заместителем министра иностранных дел Японии Ивао Хориэ. Стороны обсудили подготовку визита на высшем уровне и сотрудничество в энергетике.`;
    const [e, ...rest] = eventsOf(text, "2026-03-04");
    expect(rest).toHaveLength(0);
    expect(e!.kind).toBe("meeting");
    expect(codes(e!)).toEqual(["JP"]);
    expect(side(e!, "home")).toEqual([]);
    expect(side(e!, "partner")).toHaveLength(1);
  });
});
