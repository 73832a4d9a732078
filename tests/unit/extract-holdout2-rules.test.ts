// The general rules behind the fixes for the second held-out set (tests/fixtures/corpus/holdout2), checked on
// other invented people, places and organisations than the articles that exposed them.
import { describe, expect, it } from "vitest";
import { createExtractor } from "@/lib/extract";
import { findPeople } from "@/lib/extract/names";
import { findOutlet } from "@/lib/extract/text/outlet";
import type { ExtractedArticle } from "@/lib/extract/types";

const extractor = createExtractor();
const article = (text: string): ExtractedArticle => extractor.extractText(text).articles[0]!;
const names = (text: string) => findPeople(text).people.map((p) => p.name);
const side = (a: ExtractedArticle, s: "home" | "partner") => a.events.flatMap((e) => e.participants.filter((p) => p.side === s).map((p) => p.name));

describe("names", () => {
  it("an unknown given name in -ь keeps its soft sign, in the nominative and in the -ем instrumental", () => {
    expect(names("Министр встретился с послом Марокко в Казахстане Жамилем Беннуной.")).toEqual(["Жамиль Беннуна"]);
    expect(names("Посол Жамиль Беннуна поблагодарил хозяев.")).toEqual(["Жамиль Беннуна"]);
  });

  it("a given name the dictionary knows only as a town is a given name after a title (Ольвия, Салем)", () => {
    expect(names("Министр встретился с Послом Швейцарии Ольвией Ханни.")).toEqual(["Ольвия Ханни"]);
    expect(names("Министр встретился с Послом ОАЭ Мухаммедом Салемом Аль-Рашиди.")).toEqual(["Мухаммед Салем Аль-Рашиди"]);
  });

  it("an -а surname in the instrumental is not read as an adjectival one", () => {
    expect(names("Министр встретился с Исполнительным секретарем ЭСКАТО Армидой Салсией Алисьяхбаной.")).toEqual(["Армида Салсия Алисьяхбана"]);
  });

  it("a title before a name reaches over the place of the post (в Казахстане)", () => {
    expect(names("Сенатор встретился с Послом Бразилии в Казахстане Родригом Мартинсом.")).toEqual(["Родриг Мартинс"]);
  });

  it("an Arabic name joined by particles is one person, however much of it a later mention repeats", () => {
    const people = names("Президент провел переговоры с министром иностранных дел ОАЭ Абдаллой бин Заидом Аль Нахайяном. Абдалла бин Заид поблагодарил за прием.");
    expect(people).toHaveLength(1);
    expect(people[0]).toMatch(/^Абдалла бин Заид/);
  });
});

describe("events", () => {
  it("whoever chairs a session the home side attended belongs to the conference, which stays the organisation's", () => {
    const a = article(`Министр принял участие в совещании ОДКБ

14 мая 2025 года, Ташкент. Министр иностранных дел Казахстана Ермек Кошербаев принял участие в заседании Совета министров иностранных дел ОДКБ.

Заседание провел министр иностранных дел Республики Беларусь Максим Рыженков.

«Коллективная безопасность требует доверия», – сказал Ермек Кошербаев.`);
    expect(a.events).toHaveLength(1);
    expect(a.events[0]!.kind).toBe("conference");
    expect(side(a, "partner")).toEqual(["Максим Рыженков"]);
    expect(a.events[0]!.partners.map((p) => p.code)).toEqual(["CSTO"]);
    expect(a.events[0]!.location).toBe("Ташкент");
  });

  it("a Eurasian intergovernmental council is a session of the EAEU, not a bilateral commission", () => {
    const a = article(`Премьер-министр Казахстана Олжас Бектенов принял участие в заседании Евразийского межправительственного совета, которое прошло 3 октября в Ереване.

Стороны обсудили промышленную кооперацию.`);
    expect(a.events.map((e) => [e.kind, e.date, e.location, e.partners.map((p) => p.code).join()])).toEqual([["conference", null, "Ереван", "EAEU"]]);
  });

  it("a city in the accusative is where someone goes, not where the talks were", () => {
    const a = article(`Посол Казахстана в Чили Ержан Кистафин провел встречу с министром экономики Чили Николасом Грау.

Собеседники обсудили подготовку визита чилийской делегации в Астану.`);
    expect(a.events).toHaveLength(1);
    expect(a.events[0]!.location).not.toBe("Астана");
  });

  it("names met only as the subject of talks ('стороны обсудили … визит Эмира') are not participants", () => {
    const a = article(`Председатель Мажилиса Ерлан Кошанов провел встречу с Послом Кувейта в Казахстане Хамадом Аль-Марри.

Стороны обсудили реализацию договоренностей, достигнутых во время визита Эмира Кувейта Мишаля Аль-Ахмада в Астану.`);
    expect(side(a, "partner")).toEqual(["Хамад Аль-Марри"]);
  });

  it("a committee whose name lists topics gives its member a whole title, and the topics are no themes", () => {
    const a = article(`Председатель Комитета по международным делам, обороне и безопасности Мажилиса Айгуль Нурланова встретилась с Послом Чехии Петром Новаком.

Стороны обсудили развитие межпарламентских связей и обмен делегациями депутатов.`);
    const home = a.events[0]!.participants.find((p) => p.side === "home");
    expect(home?.position).toBe("Председатель Комитета по международным делам, обороне и безопасности Мажилиса");
    expect(a.events[0]!.themes.map((t) => t.code)).not.toContain("security");
  });
});

describe("sides, places and dates seen on further probes", () => {
  it("a chamber of commerce is no parliament chamber: its president met by a Kazakh official is the counterpart", () => {
    const a = article(`Стамбул, 11 февраля 2025 года. Генеральный консул Казахстана в Стамбуле Алмас Жумабеков провел встречу с президентом Торгово-промышленной палаты Стамбула Шекибом Авдаджиком.

Стороны обсудили расширение товарооборота между Казахстаном и Турцией.`);
    expect(side(a, "partner")).toEqual(["Шекиб Авдаджик"]);
    expect(a.events[0]!.location).toBe("Стамбул");
  });

  it("a consonant-final city after 'в' is a destination; an ISO-dated dateline still places the talks", () => {
    const a = article(`Ханой, 2025-06-05. Вице-министр иностранных дел РК Алибек Бакаев провел консультации с заместителем министра иностранных дел Вьетнама Нгуеном Минь Ву.

Стороны обсудили подготовку визита делегации Вьетнама в Алматы и в Туркестан.`);
    expect(a.events[0]!.location).toBe("Ханой");
  });

  it("a dateline whose date ends with 'г.' dates the article", () => {
    const [r] = extractor.extractText(`Депутаты обсудили сотрудничество с коллегами из Армении на полях ассамблеи в Ташкенте

Ташкент, 7 апреля 2025 г. Депутат Сената Нурлан Бекназаров принял участие в Ассамблее Межпарламентского союза.`).articles;
    expect(r!.publishedOn).toBe("2025-04-07");
  });
});

describe("partners", () => {
  it("a country name with an apostrophe declines like any other (Кот-д'Ивуара)", () => {
    const a = article("Астана, 10 июня 2025 года. Министр иностранных дел Казахстана Ермек Кошербаев провел встречу с Послом Кот-д'Ивуара Жаном Куаку.");
    expect(a.events[0]!.partners.map((p) => p.code)).toEqual(["CI"]);
  });
});

describe("titles and speakers", () => {
  it("an abbreviation in brackets stays inside the title", () => {
    const a = article(`Астана, 22 октября 2025 года. Министр здравоохранения РК Акмарал Альназарова встретилась с Представителем Всемирной организации здравоохранения (ВОЗ) в Казахстане Скоттом Пендергастом.

Стороны обсудили подготовку медицинских кадров.`);
    const partner = a.events[0]!.participants.find((p) => p.side === "partner");
    expect(partner?.position).toBe("Представитель Всемирной организации здравоохранения (ВОЗ) в Казахстане");
  });

  it("'сказал Глава государства' is the home president, not the last foreign president named", () => {
    const a = article(`Президент Казахстана Касым-Жомарт Токаев выступил на пленарном заседании форума, в котором приняли участие Генеральный секретарь ООН Антониу Гутерриш и Президент Азиатского банка развития Масато Канда.

«Нам нужна реформа глобальной финансовой архитектуры», – заявил Глава государства.`);
    expect(a.events.flatMap((e) => e.quotes.map((q) => q.speaker))).toEqual(["Касым-Жомарт Токаев"]);
  });
});

describe("outlet", () => {
  it("a masthead with a tagline after a dash gives the site's name", () => {
    expect(findOutlet("Senate.kz — официальный портал Сената\n\nНовость дня\n\nТекст новости.")).toBe("Senate.kz");
  });

  it("a state body given as the source is no outlet", () => {
    expect(findOutlet("Текст новости.\n\nИсточник: МИД РК")).toBeNull();
  });
});
