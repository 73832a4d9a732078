import { describe, expect, it } from "vitest";
import { cleanArticle } from "@/lib/extract/text/clean";
import { findDates } from "@/lib/extract/text/dates";
import { splitArticles } from "@/lib/extract/text/split";

const LEAD =
  "Министр иностранных дел Казахстана Ержан Ашикбаев провел в Ташкенте переговоры с министром иностранных дел Узбекистана Бахтиёром Саидовым, передает Vlast.kz.";
const BODY_1 =
  "Стороны обсудили ход реализации договоренностей, достигнутых на высшем уровне, а также вопросы водно-энергетического сотрудничества и транзита.";
const QUOTE = "«Наши страны связывают узы дружбы и добрососедства, и мы намерены их укреплять», – отметил Ержан Ашикбаев.";
const BODY_2 =
  "По итогам встречи министры подписали программу сотрудничества между внешнеполитическими ведомствами на 2025–2026 годы.";

const PAGE = [
  "VLAST.KZ   Новости   Аналитика   Расследования   Мнения",
  "Астана −3°   Алматы +5°   USD 512.40 ▲ 1.20   EUR 548.90",
  "",
  "Главная › Новости › Политика",
  "",
  "Ашикбаев и Саидов обсудили водно-энергетическое сотрудничество",
  "",
  "12 марта 2025, 09:41       Просмотров: 2 518",
  "",
  "Фото: пресс-служба МИД РК",
  "",
  LEAD,
  "",
  BODY_1,
  "",
  "Реклама",
  "",
  QUOTE,
  "",
  BODY_2,
  "",
  "#МИД #Узбекистан #Ашикбаев",
  "Теги: МИД, Узбекистан",
  "",
  "Читайте также:",
  "— В Астане потеплеет до +10 градусов",
  "— Тенге укрепился к доллару",
  "",
  "Поделиться:   Telegram   WhatsApp   Facebook",
  "Подпишитесь на наш канал в Telegram",
  "",
  "Заметили ошибку? Выделите её и нажмите Ctrl+Enter",
  "",
  "Комментарии (3)",
  "Айдос: Хорошая новость.",
  "Гость: Давно пора.",
  "",
  "© 2025 Vlast.kz. Все права защищены. Перепечатка материалов без ссылки запрещена.",
  "Адрес: 050000, г. Алматы, ул. Абая, 10. Тел.: +7 (727) 300-00-00, e-mail: info@vlast.example",
  "Сайт использует файлы cookie.",
].join("\n");

describe("cleanArticle", () => {
  const cleaned = cleanArticle(PAGE);

  it("keeps the headline, the date line and every paragraph, in order", () => {
    expect(cleaned.text).toBe(
      ["Ашикбаев и Саидов обсудили водно-энергетическое сотрудничество", "12 марта 2025, 09:41", LEAD, BODY_1, QUOTE, BODY_2].join("\n\n"),
    );
  });

  it("finds the headline and the date line", () => {
    expect(cleaned.title).toBe("Ашикбаев и Саидов обсудили водно-энергетическое сотрудничество");
    expect(cleaned.publishedOn).toBe("2025-03-12");
  });

  it("drops a vertical weather and currency widget", () => {
    const page = ["Караганда", "Сейчас", "-14", "Завтра", "-9", "USD", "505", "0.00", "EUR", "540", "", "Премьер принял посла Японии", "", BODY_1].join("\n");
    const result = cleanArticle(page);
    expect(result.text).toBe(`Премьер принял посла Японии\n\n${BODY_1}`);
    expect(result.title).toBe("Премьер принял посла Японии");
  });

  it("drops a masthead above the menu and a rubric above the headline", () => {
    const page = [
      "Вечерний Бишкек",
      "vb.kg   Политика   Экономика   Общество",
      "",
      "ПОЛИТИКА",
      "",
      "Жапаров встретился с послом Германии",
      "",
      "05.02.2025 · 14:20 · 👁 1 204",
      "",
      BODY_1,
    ].join("\n");
    const result = cleanArticle(page);
    expect(result.text).toBe(`Жапаров встретился с послом Германии\n\n05.02.2025\n\n${BODY_1}`);
    expect(result.publishedOn).toBe("2025-02-05");
  });

  it("reads a dateline that opens the lead when there is no date line", () => {
    const result = cleanArticle(`Переговоры в Баку\n\nБаку, 7 ноября 2024 года. ${BODY_1}\n\n${BODY_2}`);
    expect(result.publishedOn).toBe("2024-11-07");
    expect(result.text).toContain("Баку, 7 ноября 2024 года.");
  });

  it("does not take a date from the body for the date line", () => {
    const text = `${LEAD}\n\n15 января 2025 года министр встретился с послом Франции. ${BODY_1}\n\n${BODY_2}`;
    expect(cleanArticle(text).publishedOn).toBeNull();
  });

  it("accepts the date formats news pages use", () => {
    for (const [line, iso] of [
      ["25 Июнь 2024, 19:40", "2024-06-25"],
      ["16 окт 2024, 12:25", "2024-10-16"],
      ["10.05.2024, 15:37", "2024-05-10"],
      [" date 2026-03-04 Фото: пресс-служба Сената", "2026-03-04"],
      ["Астана, 25 января 2024 года.", "2024-01-25"],
      ["3 дек. 2023", "2023-12-03"],
      ["22 мамыр 2024", "2024-05-22"],
      ["Дата: 2024.03.12", "2024-03-12"],
      ["12-03-2024 14:20", "2024-03-12"],
      ["Вторник, 12 марта 2024", "2024-03-12"],
      ["Опубликовано 5 апреля 2024 в 14:20", "2024-04-05"],
      ["March 12, 2024", "2024-03-12"],
    ]) {
      expect(cleanArticle(`${line}\n\nЗаголовок новости дня\n\n${BODY_1}`).publishedOn, line).toBe(iso);
    }
  });

  it("has no headline when the text opens with the lead", () => {
    expect(cleanArticle(`${LEAD}\n\n${BODY_1}`).title).toBeNull();
  });

  it("keeps a list the article itself gives", () => {
    const text = `${BODY_1}\n\nВ состав делегации вошли:\n\n• Иван Петров (Россия) • Ахмед Юсуф (Египет) • Анна Новак (Польша)`;
    expect(cleanArticle(text).text).toContain("Ахмед Юсуф (Египет)");
  });

  it("keeps prose that mentions a phone number or the word «фото»", () => {
    const text = `${BODY_1}\n\nГорячая линия посольства работает круглосуточно, по телефону +7 (7172) 55-55-55 граждане могут получить консультацию о порядке возвращения на родину и оформлении документов.`;
    expect(cleanArticle(text).text).toContain("+7 (7172) 55-55-55");
  });
});

describe("findDates", () => {
  it("rejects impossible dates and words that only start like months", () => {
    expect(findDates("31.02.2024")).toEqual([]);
    expect(findDates("15 мартовских иду")).toEqual([]);
    expect(findDates("12 мая")[0]).toMatchObject({ iso: null, month: 5, day: 12 });
  });
});

describe("splitArticles", () => {
  it("splits on rules of underscores, dashes and asterisks", () => {
    const text = `Первая статья\n\n${BODY_1}\n\n______________\n\nВторая статья\n\n${BODY_2}\n\n***\n\nТретья статья\n\n${QUOTE}\n-----\n`;
    const parts = splitArticles(text);
    expect(parts).toHaveLength(3);
    expect(parts[1]).toContain("Вторая статья");
    expect(parts[2]).toContain(QUOTE);
  });

  it("leaves a single article and a dash inside the text alone", () => {
    expect(splitArticles(`${LEAD}\n\n— Мы готовы, — сказал он.`)).toHaveLength(1);
  });
});

describe("the date line in other layouts", () => {
  it("takes the publication date, not the update", () => {
    expect(cleanArticle(`Заголовок статьи о визите\n\nОбновлено: 13.03.2024   Опубликовано: 12.03.2024\n\n${BODY_1}`).publishedOn).toBe("2024-03-12");
  });

  it("reads the date line under a headline long enough to look like prose", () => {
    const headline = "Касым-Жомарт Токаев провел телефонный разговор с Президентом Турецкой Республики Реджепом Тайипом Эрдоганом и обсудил с ним двусторонние связи";
    expect(cleanArticle(`${headline}\n\n14:20, 3 июля 2024\n\n${BODY_1}\n\n${BODY_2}`).publishedOn).toBe("2024-07-03");
  });

  it("reads a labelled date at the foot of the article", () => {
    expect(cleanArticle(`${LEAD}\n\n${BODY_1}\n\nОпубликовано: 8 сентября 2023`).publishedOn).toBe("2023-09-08");
  });

  it("keeps a headline that holds a date as the headline", () => {
    const result = cleanArticle(`В Астане 12 марта 2024 года прошли консультации\n\n${BODY_1}`);
    expect(result.title).toBe("В Астане 12 марта 2024 года прошли консультации");
    expect(result.publishedOn).toBeNull();
  });
});

describe("furniture of other sites", () => {
  it("drops a vertical menu, relative timestamps, credits, inline read-also and footer links", () => {
    const page = [
      "Главная",
      "Казахстан",
      "Новости Казахстана",
      "",
      "Премьер-министр принял делегацию Всемирного банка",
      "",
      "Сегодня, 14:35",
      "Фото: Правительство РК",
      "Фото Марат Абилов",
      "",
      LEAD,
      "",
      "Читайте также: Тенге укрепился к доллару по итогам торгов",
      "Больше новостей в Telegram-канале. Подпишись, если не хочешь пропустить самое важное",
      "",
      QUOTE,
      "",
      "Текст: Айгерим Сейсенбаева",
      "Распечатать",
      "Политика конфиденциальности",
      "Добавить комментарий",
    ].join("\n");
    const result = cleanArticle(page);
    expect(result.title).toBe("Премьер-министр принял делегацию Всемирного банка");
    expect(result.text).toBe(["Премьер-министр принял делегацию Всемирного банка", LEAD, QUOTE].join("\n\n"));
  });
});

describe("text without blank lines", () => {
  it("still finds menus, the headline, the date and the paragraphs", () => {
    const page = ["Главная", "Политика", "Мир", "Вице-министр провел консультации в Анкаре", "12.06.2025 10:15", LEAD, BODY_1, QUOTE, "Теги: МИД, Турция"].join("\n");
    const result = cleanArticle(page);
    expect(result.title).toBe("Вице-министр провел консультации в Анкаре");
    expect(result.publishedOn).toBe("2025-06-12");
    expect(result.text).toBe(["Вице-министр провел консультации в Анкаре", "12.06.2025 10:15", LEAD, BODY_1, QUOTE].join("\n\n"));
  });
});

describe("mastheads", () => {
  it("drops the site name above its menu when the page has no blank lines", () => {
    const page = ["Деловой Казахстан", "Главная   Политика   Экономика   Общество", "Министр энергетики встретился с послом Норвегии", LEAD, BODY_1].join("\n");
    expect(cleanArticle(page).title).toBe("Министр энергетики встретился с послом Норвегии");
  });

  it("keeps a headline that stands above breadcrumbs in its own paragraph", () => {
    const page = ["Министр энергетики встретился с послом Норвегии", "", "Главная › Новости › Энергетика", "", LEAD, "", BODY_1].join("\n");
    expect(cleanArticle(page).title).toBe("Министр энергетики встретился с послом Норвегии");
  });
});
