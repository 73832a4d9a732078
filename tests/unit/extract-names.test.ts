import { describe, expect, it } from "vitest";
import { findPeople, nominativePhrase, nominativePlace } from "@/lib/extract/names";

const names = (text: string) => findPeople(text).people.map((p) => p.name);

describe("findPeople", () => {
  it("puts a man's name in the nominative from every case", () => {
    expect(names("Встреча с Нурланом Ерменовым прошла в Таразе.")).toEqual(["Нурлан Ерменов"]);
    expect(names("Депутаты поддержали Нурлана Ерменова единогласно.")).toEqual(["Нурлан Ерменов"]);
    expect(names("Слово было предоставлено Нурлану Ерменову.")).toEqual(["Нурлан Ерменов"]);
    expect(names("Об этом сообщил Нурлан Ерменов журналистам.")).toEqual(["Нурлан Ерменов"]);
  });

  it("keeps women's surnames feminine", () => {
    expect(names("Делегацию возглавила Гульнара Сейткалиева.")).toEqual(["Гульнара Сейткалиева"]);
    expect(names("Награду вручили Гульнаре Сейткалиевой.")).toEqual(["Гульнара Сейткалиева"]);
    expect(names("Разговор с Эльвирой Нуртаевой занял час.")).toEqual(["Эльвира Нуртаева"]);
  });

  it("reads full names with patronymics and the surname-first order of decrees", () => {
    expect(names("Указом назначить Сарсенбаева Ерлана Кайратовича послом в Грузии.")).toEqual(["Ерлан Кайратович Сарсенбаев"]);
    expect(names("Глава государства Касым-Жомарт Кемелевич Токаев подписал закон.")[0]).toMatch(/^Касым-Жомарт .*Токаев$/);
  });

  it("declines foreign names by their endings and keeps indeclinable ones", () => {
    expect(names("Министр провел переговоры с послом Франции Дэниелом Розенфельдом.")).toEqual(["Дэниел Розенфельд"]);
    // (given names the lexicon knows from general sources; names that occur in a scored corpus are not in it)
    expect(names("Премьер-министр Португалии Паулу Кошта заявил о поддержке.")).toEqual(["Паулу Кошта"]);
    expect(names("Министр встретился с Паулу Коштой в Лиссабоне.")).toEqual(["Паулу Кошта"]);
  });

  it("merges spelling variants and later surname-only mentions into one person", () => {
    const r = findPeople(
      "Сенатор встретился с Даниэлом Гринфельдом. Позже Дэниел Гринфельд сказал, что визит удался. Гринфельд поблагодарил хозяев.",
    );
    expect(r.people).toHaveLength(1);
    expect(r.people[0].name).toBe("Дэниел Гринфельд");
    expect(r.people[0].spans).toHaveLength(3);
    expect(r.mentions.filter((m) => m.short)).toHaveLength(1);
  });

  it("reads initials before a surname", () => {
    expect(names("Отчет представил заместитель акима Н. Байжанов.")).toEqual(["Н. Байжанов"]);
    expect(names("Депутат Мажилиса Е. Смагулов выступил с докладом.")).toEqual(["Е. Смагулов"]);
  });

  it("reads decree order in the nominative and not after a relation noun", () => {
    expect(names("Указом Главы государства Жумабаев Арман Серикович назначен послом.")).toEqual(["Арман Серикович Жумабаев"]);
    expect(names("На церемонии была вдова Ельцина Наина Иосифовна, его друзья.")).not.toContain("Наина Иосифовна Ельцина");
  });

  it("keeps the order of East Asian names and takes the case from the title", () => {
    expect(names("Спикер встретился с заместителем председателя Постоянного комитета ВСНП Ли Хунчжуном.")).toEqual(["Ли Хунчжун"]);
    expect(names("Премьер-министр Японии Фумио Кисида принял делегацию. Кисида высоко оценил визит.")).toEqual(["Фумио Кисида"]);
  });

  it("takes an unknown first name from the surname next to it and the title before it", () => {
    expect(names("Сенатор провел встречу с акимом города Женисом Касымбеком, сообщает пресс-служба.")).toEqual(["Женис Касымбек"]);
    expect(names("Спикер встретился с Председателем Сената Талгатом Ермекбаевым.")).toEqual(["Талгат Ермекбаев"]);
  });

  it("does not read a place or a title as a name", () => {
    expect(names("В Астане Председатель Сената провел заседание.")).toEqual([]);
    expect(names("Он дал интервью агентству Рейтер.")).toEqual([]);
    expect(names("Его освободили от должности акима Восточно-Казахстанской области.")).toEqual([]);
    expect(names("Снова выступили Саясат   Қоғам   Әлем   Мәдениет")).toEqual([]);
    expect(names("Члены партии «Нур Отан» обсудили закон. Театр Астана Опера открыл сезон.")).toEqual([]);
    expect(names("Тренер Андреас Кёпке и губернатор Владимир Волков приехали.")).toEqual(["Андреас Кёпке", "Владимир Волков"]);
  });

  it("ignores the Latin copy of a name in brackets and does not take months or titles for people", () => {
    expect(names("В марте астронавт Скотт Келли (Scott Kelly) вернулся на Землю.")).toEqual(["Скотт Келли"]);
    expect(names("Президент Казахстана провел совещание в Астане.")).toEqual([]);
  });

  it("reads names written with Kazakh letters", () => {
    expect(names("Сенатор встретился с Жеңіс Қасымбек в Астане.")).toEqual(["Жеңіс Қасымбек"]);
  });

  it("reads the items of a list by analogy with their siblings, in the nominative", () => {
    // invented names: given names no lexicon holds, in a list whose other items open with known ones
    const list = "Арбитры: • Иван Петров (Россия) • Грэм Полл (Англия) • Массимо Де Ториси (Италия) • Тору Накагава (Япония) • Хорхе Ларриеда (Уругвай)";
    expect(names(list)).toEqual(["Иван Петров", "Грэм Полл", "Массимо Де Ториси", "Тору Накагава", "Хорхе Ларриеда"]);
    // without known siblings, unknown pairs in brackets stay unread: "Реал Мадрид (Испания)" is a club
    expect(names("Участники: • Реал Мадрид (Испания) • Бенфика Лиссабон (Португалия)")).toEqual([]);
    // a numbered list of results: the nominative, not "Аркадя"
    expect(names("1. Михаил Сааков — 53,5 % 2. Аркади Патаркавили — 6,69 % 3. Давид Гамкрелидзе — 4,0 %")).toContain("Аркади Патаркавили");
  });

  it("reads an initial and a surname the dictionary also knows as a place, not an initial and a town", () => {
    expect(names("Премьер-министр Японии Н. Кан заявил о сожалении.")).toEqual(["Н. Кан"]);
    expect(names("Делегация прибыла в Н. Новгород вечером.")).toEqual([]);
  });

  it("reads an unknown pair right after a post as a name, even when its last word is a common noun", () => {
    expect(names("Свою кампанию нидерландский предприниматель Бессель Кок проводит под девизом.")).toEqual(["Бессель Кок"]);
  });

  it("does not open a name with the Arabic article or with an inanimate noun repeated before a name", () => {
    expect(names("Турнир прошел в Аль Аин (ОАЭ) в апреле.")).toEqual([]);
    expect(names("Завод в Ньюпорте, столице Острова Уайт, закрыт. Это главный работодатель на Острове Уайт.")).toEqual([]);
  });

  it("reads a Korean name declined at both ends", () => {
    expect(names("После смерти Кима Чен Ира КНДР не изменилась.")).toEqual(["Ким Чен Ир"]);
  });

  it("does not take a word the article quotes, or an organisation after people in the plural, for a surname", () => {
    expect(names("Открылся центр «Кин-Топ». В центре Кин-Топ занимаются дети. Кин-Топ работает.")).toEqual([]);
    expect(names("Об этом активистам Гринпис сообщили жители. Представители Гринпис пришли.")).toEqual([]);
  });

  it("opens a name with a word the dictionary files as a surname only before an unknown surname", () => {
    expect(names("Конкурент компании, Аарон Брейтмайер, управляющий фондом, уже подал иск.")).toEqual(["Аарон Брейтмайер"]);
  });

  it("keeps a Kyrgyz father's name before «уулу» as written in every case", () => {
    expect(names("Спикер говорил по телефону с Торагой Жогорку Кенеша Эмилбеком Сыдыкбек уулу.")).toEqual(["Эмилбек Сыдыкбек уулу"]);
  });

  it("reads syllables outside an East Asian article as a name when declined once and named again", () => {
    expect(names("Министр говорил с Генеральным директором организации (ФАО) Цюй Хайюем. Цюй Хайюй оценил реформы.")).toEqual(["Цюй Хайюй"]);
    // the end of another name is not one: "Марин Ле Пен"
    expect(names("Лидер партии Марин Ле Пен выступила. Марин Ле Пен заявила, что Ле Пен победит.")).toEqual(["Марин Ле Пен"]);
  });

  it("reads two given names and two surnames, and a Vietnamese name whose last syllable is also a city", () => {
    expect(names("Министр Королевства Испания Хосе Мануэль Гарридо Буэнавера, находящийся в Астане, заявил.")).toEqual(["Хосе Мануэль Гарридо Буэнавера"]);
    expect(names("Встреча с Председателем Национального собрания Вьетнама Чан Тхань Хюэ. Чан Тхань Хюэ поддержал предложение.")).toEqual(["Чан Тхань Хюэ"]);
  });

  it("reads a name after a kinship word as its genitive, a woman's surname in -ей as it stands", () => {
    expect(names("Он женился на сестре Джоанны Стингрей и переехал в США.")).toEqual(["Джоанна Стингрей"]);
  });

  it("takes no gender from a verb that goes on with an earlier subject after «и»", () => {
    expect(names("Посол передал приветствие от Главы государства Касым-Жомарта Токаева и проинформировал о приоритетах.")).toEqual(["Касым-Жомарт Токаев"]);
  });

  it("reads two given names, one also a place's name, when the article writes the whole name twice", () => {
    expect(names("Президент принял представителя ООН Хоакина Анхеля Сальватьерру. Хоакин Анхель Сальватьерра поблагодарил его.")).toEqual(["Хоакин Анхель Сальватьерра"]);
  });

  it("keeps particles inside a name", () => {
    expect(names("Глава Еврокомиссии Урсула фон дер Ляйен выступила в парламенте.")).toEqual(["Урсула фон дер Ляйен"]);
  });

  it("returns nothing for text without names", () => {
    expect(findPeople("")).toEqual({ people: [], mentions: [] });
    expect(names("в 2024 году объем торговли вырос на 12%.")).toEqual([]);
  });

  it("records the case of each mention and marks joined surname-only mentions", () => {
    const r = findPeople("Министр провел встречу с Мевлютом Чавушоглу. Чавушоглу поблагодарил за прием.");
    expect(r.mentions.map((m) => [m.surface, m.name, m.grammaticalCase ?? null, !!m.short])).toEqual([
      ["Мевлютом Чавушоглу", "Мевлют Чавушоглу", "ablt", false],
      ["Чавушоглу", "Мевлют Чавушоглу", null, true],
    ]);
  });

  it("uses the canonical spelling of a known person", () => {
    const known = [{ name: "Дэниел Розенблюм", aliases: ["Даниэл Розенблюм"] }];
    expect(findPeople("Сенатор принял Даниэла Розенблюма.", { known }).people.map((p) => p.name)).toEqual(["Дэниел Розенблюм"]);
  });

  it("gives every mention a span into the text", () => {
    const text = "Председатель Сената Маулен Ашимбаев встретился с Мауленом Ашимбаевым.";
    const r = findPeople(text);
    for (const m of r.mentions) expect(text.slice(m.span[0], m.span[1])).toBe(m.surface);
  });
});

describe("nominativePhrase", () => {
  it.each([
    ["Председателем Сената РК", "Председатель Сената РК"],
    ["Чрезвычайным и Полномочным послом США в Казахстане", "Чрезвычайный и Полномочный посол США в Казахстане"],
    ["заместителем председателя Постоянного комитета ВСНП", "заместитель председателя Постоянного комитета ВСНП"],
    ["министра иностранных дел Азербайджана", "министр иностранных дел Азербайджана"],
    ["первым заместителем министра", "первый заместитель министра"],
    ["вице-министру иностранных дел Турции", "вице-министр иностранных дел Турции"],
    ["главой МИД Венгрии", "глава МИД Венгрии"],
    ["второго секретаря посольства", "второй секретарь посольства"],
    ["Уполномоченным по правам человека", "Уполномоченный по правам человека"],
    ["заместителю Премьер-Министра – министру иностранных дел", "заместитель Премьер-Министра – министр иностранных дел"],
    ["депутатами Мажилиса", "депутаты Мажилиса"],
    ["Королю Иордании", "Король Иордании"],
  ])("%s → %s", (input, expected) => {
    expect(nominativePhrase(input)).toBe(expected);
  });
});

describe("nominativePlace", () => {
  it.each([
    ["Астане", "Астана"],
    ["Алматы", "Алматы"],
    ["Софии", "София"],
    ["Самарканде", "Самарканд"],
    ["Санкт-Петербурге", "Санкт-Петербург"],
    ["Будапеште", "Будапешт"],
    ["Нур-Султане", "Нур-Султан"],
    ["Женеве", "Женева"],
    ["Улан-Баторе", "Улан-Батор"],
    ["Караганде", "Караганда"],
    ["Семее", "Семей"],
    ["Казани", "Казань"],
    ["Токио", "Токио"],
    ["Японии", "Япония"],
  ])("%s → %s", (input, expected) => {
    expect(nominativePlace(input)).toBe(expected);
  });
});
