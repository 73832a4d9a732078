// Articles written for this test, with people, countries, outlets and wordings that the seeds and dev corpora
// do not have: each case checks that a general rule (not a fitted list) carries over to them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createExtractor } from "@/lib/extract";
import { findPeople } from "@/lib/extract/names";
import { lastPartNominative } from "@/lib/extract/names/east-asian";
import type { ExtractedArticle } from "@/lib/extract/types";

const DIR = join(import.meta.dirname, "..", "fixtures", "generalisation");
const extractor = createExtractor();

function articles(file: string): ExtractedArticle[] {
  return extractor.extractText(readFileSync(join(DIR, file), "utf8")).articles;
}

const names = (a: ExtractedArticle) => a.people.map((p) => p.name);
const partnerSide = (a: ExtractedArticle) => a.events.flatMap((e) => e.participants.filter((p) => p.side === "partner").map((p) => p.name));
const speakers = (a: ExtractedArticle) => a.events.flatMap((e) => e.quotes.map((q) => q.speaker));

describe("East Asian names", () => {
  it("declines only the last word of a Korean name and finds him as the partner and the speaker", () => {
    const [a] = articles("korea-senate.txt");
    expect(names(a)).toContain("Ку Хон Сок");
    expect(partnerSide(a)).toEqual(["Ку Хон Сок"]);
    expect(speakers(a)).toEqual(["Ку Хон Сок"]);
  });

  it("keeps a vowel-final Chinese given name as written (Ван И)", () => {
    const [a] = articles("china-mfa.txt");
    expect(names(a)).toContain("Ван И");
    expect(partnerSide(a)).toEqual(["Ван И"]);
    expect(speakers(a)).toEqual(["Ван И"]);
  });

  it("puts a soft-stem Vietnamese name back in the nominative (Бинем → Бинь) and a Japanese one whole", () => {
    const [a] = articles("japan-vietnam.txt");
    expect(names(a)).toEqual(expect.arrayContaining(["Такэси Ивая", "Фам Тхань Бинь"]));
    expect(names(a).some((n) => /аь|яь/.test(n))).toBe(false);
    expect(speakers(a)).toContain("Такэси Ивая");
  });

  it("reads other people and cases the same way", () => {
    const text = "Сеул, 2 мая. Министр торговли Казахстана Арман Шаккалиев встретился с министром промышленности Республики Корея Ан Док Гыном. Также он провел переговоры с Премьером Госсовета КНР Ли Цяном и послом Вьетнама Нгуен Ван Хунгом.";
    const people = findPeople(text).people.map((p) => p.name);
    expect(people).toEqual(expect.arrayContaining(["Ан Док Гын", "Ли Цян", "Нгуен Ван Хунг"]));
  });

  it("strips a case ending only where a consonant-final syllable remains", () => {
    expect(lastPartNominative("Соком")).toBe("Сок");
    expect(lastPartNominative("Бинем")).toBe("Бинь");
    expect(lastPartNominative("Цяна")).toBe("Цян");
    expect(lastPartNominative("И")).toBe("И");
    expect(lastPartNominative("Хва")).toBe("Хва");
    expect(lastPartNominative("Республики")).toBeNull();
  });

  it("does not read short Russian words as a name in an article about Asia", () => {
    const text = "Токио, 5 мая. Как Сон Дом и другие новые проекты показали, сотрудничество с Японией растет. Ли Ким?";
    expect(findPeople(text).people.map((p) => p.name)).not.toContain("Как Сон Дом");
  });
});

describe("foreign women's names in oblique cases", () => {
  it("declines the given name and keeps the foreign surname (Тулией Аксон → Тулия Аксон)", () => {
    const [a] = articles("ipu-mazhilis.txt");
    expect(names(a)).toContain("Тулия Аксон");
    expect(partnerSide(a)).toEqual(["Тулия Аксон"]);
    expect(speakers(a)).toEqual(["Тулия Аксон"]);
  });

  it("keeps a fully indeclinable name and declines a German one", () => {
    expect(partnerSide(articles("unesco-deputy.txt")[0])).toEqual(["Одиль Рено-Бассо"]);
    expect(partnerSide(articles("germany-france-digest.txt")[0])).toEqual(["Катарина Кайзер"]);
    const text = "Депутат Мажилиса Айгуль Нурмаганбетова встретилась с Послом Ирландии Мартиной Фергюсон и с Генеральным секретарем Совета Европы Марией Пейчинович.";
    expect(findPeople(text).people.map((p) => p.name)).toEqual(expect.arrayContaining(["Мартина Фергюсон", "Мария Пейчинович"]));
  });
});

describe("other unknown names in the instrumental", () => {
  it("reads an unknown given name and a surname that is also a common word when both are in the instrumental", () => {
    const [a] = articles("mongolia-mazhilis-topics.txt");
    expect(names(a)).toContain("Ганбат Дамба");
    expect(partnerSide(a)).toEqual(["Ганбат Дамба"]);
  });
});

describe("double given names and names opening a sentence", () => {
  it("declines both parts of a hyphenated given name", () => {
    const text = "Председатель Сената провел встречу с Послом Бельгии в Казахстане Жаном-Люком Бодсоном. Депутат встретилась с Анной-Марией Шмидт и Жан-Пьером Лакруа.";
    expect(findPeople(text).people.map((p) => p.name)).toEqual(["Жан-Люк Бодсон", "Анна-Мария Шмидт", "Жан-Пьер Лакруа"]);
  });
  it("takes an unknown given name and a surname opening a sentence when a verb follows them", () => {
    expect(findPeople("Заголовок\n\nМаулен Ашимбаев провел встречу с Послом.").people.map((p) => p.name)).toEqual(["Маулен Ашимбаев"]);
    expect(findPeople("Стороны встретились. Жан-Люк Меланшон заявил, что всё хорошо.").people.map((p) => p.name)).toEqual(["Жан-Люк Меланшон"]);
    // an ordinary sentence start is not a name
    expect(findPeople("Стороны встретились. Новая Программа предусматривает обмены.").people).toEqual([]);
  });
});

describe("partners come from the counterpart, not from the topics", () => {
  it.each([
    ["uzbekistan-mfa-topics.txt", ["UZ"]],
    ["mongolia-mazhilis-topics.txt", ["MN"]],
    ["china-mfa.txt", ["CN"]],
    // a second guest with no affiliation of his own, the frame in the same sentence
    ["china-two-guests-sco.txt", ["CN"]],
    // the counterpart named by an adjective ("турецким коллегой"), two organisations listed after "в рамках"
    ["turkey-colleague-ots.txt", ["TR"]],
  ])("%s → %j", (file, codes) => {
    expect(articles(file)[0].events[0].partners.map((p) => p.code)).toEqual(codes);
  });
});

describe("outlet signed at the foot of the article", () => {
  it.each([
    ["korea-senate.txt", "Пресс-служба Сената"],
    ["ipu-mazhilis.txt", "Пресс-служба Мажилиса"],
    ["china-mfa.txt", "Akorda.kz"],
    ["unesco-deputy.txt", "Сайт Министерства иностранных дел Республики Казахстан"],
  ])("%s → %s", (file, outlet) => {
    expect(articles(file)[0].outlet).toBe(outlet);
  });

  it("prefers an outlet the text names elsewhere, and takes the host of a page address", () => {
    const named = extractor.extractText("Минск, 3 мая. Стороны обсудили торговлю, сообщает БЕЛТА.\n\nПресс-служба Сената").articles[0];
    expect(named.outlet).toBe("БЕЛТА");
    const url = extractor.extractText("Ташкент, 3 мая. Стороны обсудили торговлю.\n\nhttps://www.gov.uz/ru/news/123").articles[0];
    expect(url.outlet).toBe("gov.uz");
    const body = extractor.extractText("Ташкент, 3 мая. Стороны обсудили торговлю.\n\nВстреча прошла в теплой атмосфере.").articles[0];
    expect(body.outlet).toBeNull();
  });
});

describe("several articles in one file", () => {
  it("dates and places the second article by its own dateline", () => {
    const parts = articles("germany-france-digest.txt");
    expect(parts).toHaveLength(2);
    expect(parts[0].events[0]).toMatchObject({ date: "2024-09-10", location: "Берлин" });
    expect(parts[1].events[0]).toMatchObject({ date: "2024-07-12", location: "Париж" });
  });

  it.each([
    // *** and a rule of underscores; a dateline without "года", one with "г." and a dash
    ["italy-oecd-digest.txt", [["2024-07-05", "Астана"], ["2024-07-12", "Париж"], ["2024-07-15", "Рим"]]],
    // an agency dateline first, then "* * *"
    ["belgium-france-digest.txt", [[null, "Астана"], ["2024-07-12", "Париж"]]],
    // the first article placed by "в Астане", the second after a rule of dashes
    ["lithuania-eu-digest.txt", [["2024-07-09", "Астана"], ["2024-07-11", "Брюссель"]]],
  ])("%s: every article by its own dateline", (file, expected) => {
    const got = articles(file).map((a) => [a.events[0]?.date ?? null, a.events[0]?.location ?? null]);
    expect(got).toEqual(expected);
  });
});

describe("titles in the nominative", () => {
  it("keeps a nominative participle title and puts each title of a comma list in the nominative", async () => {
    const { nominativePhrase } = await import("@/lib/extract/names");
    expect(nominativePhrase("Временным поверенным в делах Японии")).toBe("Временный поверенный в делах Японии");
    expect(nominativePhrase("Временный поверенный в делах Казахстана в Италии")).toBe("Временный поверенный в делах Казахстана в Италии");
    expect(nominativePhrase("членом Политбюро ЦК КПК, министром иностранных дел КНР")).toBe("член Политбюро ЦК КПК, министр иностранных дел КНР");
    expect(nominativePhrase("Посол Казахстана в Германии, Австрии")).toBe("Посол Казахстана в Германии, Австрии");
    const [a] = articles("china-mfa.txt");
    expect(a.events[0].participants.find((p) => p.name === "Ван И")?.position).toBe("член Политбюро ЦК КПК, министр иностранных дел КНР");
  });
});

describe("themes in new wordings", () => {
  it("women's rights and gender equality are human rights", () => {
    expect(articles("ipu-mazhilis.txt")[0].events[0].themes.map((t) => t.code)).toContain("human_rights");
  });
  it("students, academic exchanges and humanitarian aid are humanitarian", () => {
    expect(articles("unesco-deputy.txt")[0].events[0].themes.map((t) => t.code)).toContain("humanitarian");
  });
  it("a political settlement, a stable and peaceful state, an inclusive dialogue are conflicts", () => {
    expect(articles("germany-france-digest.txt")[0].events[0].themes.map((t) => t.code)).toContain("conflicts");
  });
});

describe("who stands for whom", () => {
  const one = (text: string) => extractor.extractText(text).articles[0]!;
  const sides = (a: ExtractedArticle) => a.events.map((e) => e.participants.map((p) => `${p.side}:${p.name}:${p.position ?? ""}`));

  it("gives each of two people under a plural title the country named in the same place", () => {
    const a = one(
      "АСТАНА, 3 марта 2026 – Kazinform. Президенты Казахстана и Словении Касым-Жомарт Токаев и Марко Зупанец провели телефонный разговор. Стороны обсудили торговлю.",
    );
    expect(sides(a)).toEqual([["home:Касым-Жомарт Токаев:Президент Казахстана", "partner:Марко Зупанец:Президент Словении"]]);
    expect(a.events[0]!.partners.map((p) => p.code)).toEqual(["SI"]);
  });

  it("reads a foreign subject discussing something with a home official as their meeting", () => {
    const a = one(
      "АСТАНА, 3 марта 2026 – Kazinform. Министр экономики Словении Марко Зупанец, прибывший в Астану, обсудил с казахстанским коллегой Ерланом Жумабековым условия соглашения об инвестициях.",
    );
    expect(a.events.map((e) => e.kind)).toEqual(["meeting"]);
    expect(sides(a)[0]!.map((s) => s.split(":").slice(0, 2).join(":"))).toEqual(["home:Ерлан Жумабеков", "partner:Марко Зупанец"]);
  });

  it("takes a contact 'a few days ago', reported after today's, for background", () => {
    const a = one(
      "АСТАНА, 16 мая 2026 – Kazinform. Президент Касым-Жомарт Токаев провел переговоры с Президентом Словении Марко Зупанецом в Любляне. Всего несколько дней назад лидеры уже обсуждали эти вопросы по телефону.",
    );
    expect(a.events.map((e) => [e.kind, e.date, e.location])).toEqual([["meeting", "2026-05-16", "Любляна"]]);
  });
});

describe("places and partners around names", () => {
  const one = (text: string) => extractor.extractText(text).articles[0]!;

  it("puts an unknown city after a feminine adjective or in the accusative in the nominative", () => {
    const a = one("АСТАНА, 3 марта 2026 – Kazinform. Спикер Сената Арман Жумабеков принял участие в заседании Парламентской ассамблеи тюркоязычных государств (ТюркПА), которое проходит в азербайджанской Закатале. Накануне, по прибытии в Закаталу, казахстанский спикер встретился с Председателем парламента Турции Мехметом Юджелем.");
    expect(a.events.map((e) => e.location)).toEqual(["Закатала", "Закатала"]);
  });

  it("keeps a country in a title when a given name that looks like a surname follows it", () => {
    const a = one("АСТАНА, 3 марта 2026 – Kazinform. Министр иностранных дел Казахстана Арман Жумабеков провел переговоры с министром иностранных дел Словении Ниной Ковач.");
    expect(a.events.map((e) => [e.partners.map((p) => p.code), e.participants.map((p) => `${p.side}:${p.name}`)])).toEqual([[["SI"], ["home:Арман Жумабеков", "partner:Нина Ковач"]]]);
  });

  it("reads the name after a country in a title on its own", () => {
    expect(one("Глава правительства Израиля Биньямин Кацнельсон провел заседание. Кацнельсон заявил о планах.").people.map((p) => p.name)).toEqual(["Биньямин Кацнельсон"]);
  });
});

describe("what is not part of the contact", () => {
  const one = (text: string) => extractor.extractText(text).articles[0]!;

  it("a hero at whose monument flowers were laid takes no part, a place still to come is no venue, a delegation's roster joins it", () => {
    const a = one(
      "АСТАНА, 14 ноября 2025 – Kazinform. В Астане с визитом находится делегация Европейского парламента во главе с председателем делегации Луизой Бергер. В ее состав входит также заместитель председателя делегации Томаш Вуйчик. В четверг депутатов Европарламента принял заместитель председателя Мажилиса Ерлан Абилов. Речь шла о работе комитета сотрудничества, заседание которого планируется провести весной в Брюсселе. Гости возложили цветы к памятнику Абылай хану и Бернардо О'Хиггинсу.",
    );
    expect(a.events.map((e) => [e.location, e.participants.map((p) => `${p.side}:${p.name}`).sort()])).toEqual([
      ["Астана", ["home:Ерлан Абилов", "partner:Луиза Бергер", "partner:Томаш Вуйчик"]],
    ]);
  });
});

describe("positions as the text gives them", () => {
  const one = (text: string) => extractor.extractText(text).articles[0]!;
  const positions = (a: ExtractedArticle) => a.events.flatMap((e) => e.participants.map((p) => `${p.name}: ${p.position}`));

  it("stops at a passive's verb and skips a venue before the title", () => {
    const a = one("АСТАНА, 23 января 2025 – Kazinform. В четверг в Национальном дворце в Аддис-Абебе Чрезвычайный и Полномочный Посол Казахстана в Эфиопии Ержан Тулегенов вручил верительные грамоты Президенту Эфиопии Тесфайе Алему.");
    expect(positions(a)).toContain("Ержан Тулегенов: Чрезвычайный и Полномочный Посол Казахстана в Эфиопии");
    const b = one("АСТАНА, 23 января 2025 – Kazinform. Министр иностранных дел Чили Альберто Пинто, прибывший с официальным визитом, был принят сегодня в Акорде Президентом Казахстана Касым-Жомартом Токаевым.");
    expect(positions(b)).toContain("Касым-Жомарт Токаев: Президент Казахстана");
  });
});

describe("city-states", () => {
  it("names the Vatican, Singapore or Monaco as the place as well as the partner", () => {
    const a = extractor.extractText("АСТАНА, 10 декабря 2025 – Kazinform. Председатель Сената Ерлан Абилов в Ватикане встретился с государственным секретарем Святого Престола кардиналом Пьетро Монтанари.").articles[0]!;
    expect(a.events.map((e) => e.location)).toEqual(["Ватикан"]);
  });
});

describe("titles in every case", () => {
  it("reads «Торагой Жогорку Кенеша Кыргызстана» as the title that puts its holder on the partner side", () => {
    const a = extractor.extractText("АСТАНА, 18 мая 2025 – Kazinform. Председатель Мажилиса Ерлан Абилов провел беседу с Торагой Жогорку Кенеша Кыргызстана Алмазбеком Турдукуловым.").articles[0]!;
    expect(a.events.map((e) => e.participants.map((p) => `${p.side}:${p.name}`))).toEqual([["home:Ерлан Абилов", "partner:Алмазбек Турдукулов"]]);
    expect(a.events[0]!.partners.map((p) => p.code)).toEqual(["KG"]);
  });
});

describe("sidelines", () => {
  it("dates a meeting 'на полях саммита' by the summit, not by the talks reported just before it", () => {
    const a = extractor.extractText(
      "ТЯНЬЦЗИНЬ, 1 сентября 2025 – Kazinform. Президент Казахстана Касым-Жомарт Токаев выступил на заседании Совета глав государств – членов ШОС. Накануне, 31 августа, прошли переговоры Касым-Жомарта Токаева и Председателя КНР Си Цзиньпина. На полях саммита Токаев также побеседовал с Президентом Монголии Ухнаагийном Хурэлсухом.",
    ).articles[0]!;
    expect(a.events.map((e) => [e.kind, e.date, e.partners.map((p) => p.code).join()])).toEqual([
      ["conference", "2025-09-01", "SCO"],
      ["meeting", "2025-08-31", "CN"],
      ["meeting", "2025-09-01", "MN"],
    ]);
  });
});

describe("a day of meetings", () => {
  it("reads 'провел двусторонние встречи' as the heading of the meetings that follow, and 'Затем' as the same day", () => {
    const a = extractor.extractText(
      "НЬЮ-ЙОРК, 24 сентября 2025 – Tengrinews. Президент Казахстана Касым-Жомарт Токаев 22 сентября встретился с Генеральным секретарем ООН Антониу Гутеррешем. Сегодня на полях сессии Глава государства провел двусторонние встречи. С Президентом Парагвая Рамоном Эстигаррибией обсуждались перспективы торговли. Затем Касым-Жомарт Токаев встретился с Премьер-министром Фиджи Иноке Васуту.",
    ).articles[0]!;
    expect(a.events.map((e) => [e.date, e.partners.map((p) => p.code).join()])).toEqual([
      ["2025-09-22", "UN"],
      ["2025-09-24", "PY"],
      ["2025-09-24", "FJ"],
    ]);
  });

  it("knows the Sovereign Order of Malta from Malta", () => {
    const a = extractor.extractText("РИМ, 11 декабря 2025 – Kazinform. Председатель Сената Ерлан Абилов встретился с Великим магистром Мальтийского ордена Джоном Данлопом.").articles[0]!;
    expect(a.events[0]!.partners.map((p) => p.name)).toEqual(["Мальтийский орден"]);
  });
});

describe("agency datelines and conventions", () => {
  const one = (text: string) => extractor.extractText(text).articles[0]!;

  it("reads '05/11/25 15:42, Бишкек - AKIpress' and 'Бишкек (АКИpress) -' as the date and the city", () => {
    const a = one("AKIpress News Agency\n\n05/11/25 15:42, Бишкек - AKIpress\n\nБишкек (АКИpress) - Посол Казахстана в Кыргызстане Ерлан Досмаганбетов 4 ноября провел встречу с министром экономики Кыргызстана Айбеком Токтогуловым. Стороны обсудили торговлю.");
    expect([a.publishedOn, a.events[0]?.date, a.events[0]?.location]).toEqual(["2025-11-05", "2025-11-04", "Бишкек"]);
  });

  it("takes the year of a date line without one from the copyright notice", () => {
    const a = one("Trend News Agency\n\nБаку, 11 июня. Trend:\n\nПредседатель Мажилиса Казахстана Ерлан Абилов вчера встретился с Председателем Милли Меджлиса Азербайджана Ильгаром Мамедзаде.\n\n© 2025 Trend News Agency.");
    expect([a.publishedOn, a.events[0]?.date]).toEqual(["2025-06-11", "2025-06-10"]);
  });

  it("reads '--' as a dash, a weekday over the dateline's day, and the guest of a report filed abroad as the Kazakh side", () => {
    const a = one(
      "Синьхуа\n\n2026-02-13 09:15:42\n\nПекин, 13 февраля /Синьхуа/ -- Делегация Сената Парламента Республики Казахстан во главе с заместителем председателя Сената Айгуль Жакупбековой была принята в четверг заместителем председателя Постоянного комитета ВСНП Чжан Лимином.\n\n«Казахстан был и остается надежным партнером Китая», -- заявила гостья.",
    );
    const e = a.events[0]!;
    expect([e.date, e.participants.map((p) => `${p.side}:${p.name}`).sort(), e.quotes.map((q) => q.speaker)]).toEqual([
      "2026-02-12",
      ["home:Айгуль Жакупбекова", "partner:Чжан Лимин"],
      ["Айгуль Жакупбекова"],
    ]);
  });
});

describe("a delegation met beside an envoy", () => {
  const text = (group: string) =>
    `Астана, 12 марта 2025 года. Председатель Сената Маулен Ашимбаев встретился с ${group} и послом Японии Ёсиюки Камори. Стороны обсудили развитие сотрудничества.`;

  it("keeps the organisation whose delegation was met as well as the envoy's country", () => {
    const [a] = extractor.extractText(text("делегацией Всемирного банка")).articles;
    expect(a.events).toHaveLength(1);
    expect(a.events[0].partners.map((p) => p.name).sort()).toEqual(["Всемирный банк", "Япония"]);
  });

  it("does not add an organisation whose delegation is only talked about", () => {
    const [a] = extractor.extractText(
      "Астана, 12 марта 2025 года. Председатель Сената Маулен Ашимбаев встретился с послом Японии Ёсиюки Камори и обсудил с ним итоги визита делегации Всемирного банка.",
    ).articles;
    expect(a.events[0].partners.map((p) => p.name)).toEqual(["Япония"]);
  });
});
