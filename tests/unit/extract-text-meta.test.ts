import { describe, expect, it } from "vitest";
import { createExtractor } from "@/lib/extract";
import { ExtractionError } from "@/lib/extract/types";
import { htmlToArticle, looksLikeHtml } from "@/lib/extract/text/html";
import { detectLanguage } from "@/lib/extract/text/language";
import { findOutlet } from "@/lib/extract/text/outlet";
import { prepareFile } from "@/lib/extract/text/prepare";

const BODY =
  "Стороны обсудили вопросы торгово-экономического сотрудничества, транспорта и логистики, а также подготовку заседания межправительственной комиссии в следующем году.";

describe("findOutlet", () => {
  it.each([
    [`Премьер Грузии провел встречу с послом Казахстана, сообщает Tengrinews.kz со ссылкой на пресс-службу правительства.\n\n${BODY}`, "Tengrinews.kz"],
    [`Глава МИД принял делегацию Катара, передает «Хабар 24».\n\n${BODY}`, "Хабар 24"],
    [`Посол Египта вручил копии верительных грамот, передает Sputnik Казахстан.\n\n${BODY}`, "Sputnik Казахстан"],
    [`ТАШКЕНТ, 4 марта. /Корр. ИА «Жахон»/. Президент Узбекистана принял делегацию.\n\n${BODY}`, "ИА «Жахон»"],
    [`МОСКВА, 12 апреля. /РИА Новости/. Переговоры состоялись в Кремле.\n\n${BODY}`, "РИА Новости"],
    [`АЛМАТЫ. KAZTAG — Аким города встретился с генконсулом Китая.\n\n${BODY}`, "KAZTAG"],
    [`${BODY}\n\nИсточник: Известия`, "Известия"],
    [`${BODY}\n\n© 2010–2025 ТОО «Бизнес Медиа». Все права защищены.`, "Бизнес Медиа"],
    [`${BODY}\n\nOrda.kz © Все права защищены`, "Orda.kz"],
    [`Министр сыртқы істер министрі Венгрия елшісін қабылдады, деп хабарлайды «Егемен Қазақстан» газеті.\n\n${BODY}`, "Егемен Қазақстан"],
  ])("finds the outlet in %#", (text, outlet) => {
    expect(findOutlet(text)).toBe(outlet);
  });

  it("takes a press service that published the news for its outlet, but no ministry and no medium it cites", () => {
    // the contract: "сообщает пресс-служба Сената" names the outlet when the text names no medium
    expect(findOutlet(`Посол провел встречу в Софии, сообщает пресс-служба МИД РК.\n\n${BODY}`)).toBe("пресс-служба МИД РК");
    expect(findOutlet(`Посол провел встречу в Софии, сообщает Kazinform со ссылкой на пресс-службу МИД РК.\n\n${BODY}`)).toBe("Kazinform");
    expect(findOutlet(`АСТАНА. KAZAKHSTAN TODAY — Посол провел встречу, сообщает пресс-служба МИД РК.\n\n${BODY}`)).toBe("KAZAKHSTAN TODAY");
    expect(findOutlet(`Президент подписал указ, сообщает Акорда.\n\n${BODY}`)).toBeNull();
  });

  it("prefers the outlet crediting itself over a medium it cites", () => {
    const text = `Как сообщает Reuters, переговоры продолжатся. Министр прибыл в Женеву, передает Kursiv.media.\n\n${BODY}`;
    expect(findOutlet(text)).toBe("Kursiv.media");
  });

  it("falls back to the page's og:site_name before the copyright line", () => {
    expect(findOutlet(`${BODY}\n\n© 2024 Some Holding`, { siteName: "Orda.kz" })).toBe("Orda.kz");
  });

  it("returns null when the text names no source", () => {
    expect(findOutlet(BODY)).toBeNull();
  });
});

describe("detectLanguage", () => {
  it("tells Russian, Kazakh and English apart", () => {
    expect(detectLanguage(BODY)).toBe("ru");
    expect(
      detectLanguage(
        "Сыртқы істер министрі Бейбіт Рысбаев Жапония елшісімен кездесті. Тараптар екі ел арасындағы сауда-экономикалық ынтымақтастықты дамыту мәселелерін талқылады.",
      ),
    ).toBe("kk");
    expect(
      detectLanguage(
        "The Foreign Minister of Kazakhstan met the Ambassador of Japan in Astana on Tuesday to discuss trade and transport cooperation between the two countries.",
      ),
    ).toBe("en");
  });

  it("keeps a Russian text Russian when it spells Kazakh names", () => {
    expect(detectLanguage(`Мәжіліс депутаты Қанат Мұсин встретился с послом. ${BODY} ${BODY}`)).toBe("ru");
  });

  it("gives und for a text without letters", () => {
    expect(detectLanguage("")).toBe("und");
    expect(detectLanguage("12:30 — 14:45")).toBe("und");
  });
});

const PAGE = `<!doctype html><html lang="ru"><head><meta charset="utf-8">
<title>Посол Индии встретился с вице-министром | Orda.kz</title>
<meta property="og:site_name" content="Orda.kz">
<meta property="article:published_time" content="2025-01-14T10:05:00+05:00">
</head><body>
<header><nav><a href="/">Главная</a> <a href="/politics">Политика</a> <a href="/economy">Экономика</a></nav>
<div class="weather">Астана −21° USD 520.10 EUR 540.30</div></header>
<main><article>
<h1>Посол Индии встретился с вице-министром</h1>
<figure><img src="/i/1.jpg" alt="photo"><figcaption>Фото: МИД РК</figcaption></figure>
<p>Вице-министр иностранных дел Казахстана Алибек Бакаев принял посла Индии Шайлеша Шрипада, сообщает <a href="https://orda.kz">Orda.kz</a>.</p>
<p>${BODY}</p>
<p>Посол отметил интерес индийских компаний к проектам в сфере фармацевтики и информационных технологий в Казахстане.</p>
</article>
<aside><h3>Читайте также</h3><ul><li><a href="/1">Морозы до −40 ожидаются в регионах</a></li></ul></aside></main>
<footer><p>© 2025 Orda.kz. Все права защищены.</p></footer>
</body></html>`;

describe("htmlToArticle", () => {
  it("keeps the article's paragraphs without menus, widgets, links or pictures", () => {
    const article = htmlToArticle(PAGE);
    expect(article.text).toContain("Вице-министр иностранных дел Казахстана Алибек Бакаев принял посла Индии Шайлеша Шрипада, сообщает Orda.kz.");
    expect(article.text).toContain(BODY);
    expect(article.text).not.toMatch(/https?:|\.jpg|USD|Морозы/);
    expect(article.text.split("\n\n").length).toBeGreaterThanOrEqual(3);
  });

  it("reads headline, date and site name from the page", () => {
    expect(htmlToArticle(PAGE)).toMatchObject({ title: "Посол Индии встретился с вице-министром", publishedOn: "2025-01-14", siteName: "Orda.kz" });
  });

  it("reads the visible date of a page without date metadata", () => {
    const page = `<html><body><article><h1>Заголовок</h1><div class="news-date">8 ноября 2024, 15:40</div><p>${BODY}</p><p>${BODY}</p></article></body></html>`;
    expect(htmlToArticle(page).publishedOn).toBe("2024-11-08");
  });

  it("falls back to the body text when there is no article", () => {
    const article = htmlToArticle("<html><body><div>Короткая заметка без разметки статьи.</div></body></html>");
    expect(article.text).toContain("Короткая заметка без разметки статьи.");
  });

  it("recognises HTML by its markup", () => {
    expect(looksLikeHtml(PAGE)).toBe(true);
    expect(looksLikeHtml(`${BODY}\n\nЦена < 5 и > 3`)).toBe(false);
  });
});

describe("prepareFile", () => {
  it("splits a file of several articles and shares the page's date and outlet", () => {
    const text = [
      "ИНФОРМАЦИОННОЕ АГЕНТСТВО",
      "",
      "3 марта 2025, 10:00",
      "",
      "Президент Финляндии прибыл в Астану",
      "",
      BODY,
      "",
      "_______________",
      "",
      "Министры обсудили транзит",
      "",
      BODY,
      "",
      "ИСТОЧНИК: KAZINFORM",
    ].join("\n");
    const articles = prepareFile(text);
    expect(articles).toHaveLength(2);
    expect(articles.map((a) => a.title)).toEqual(["Президент Финляндии прибыл в Астану", "Министры обсудили транзит"]);
    expect(articles.map((a) => a.publishedOn)).toEqual(["2025-03-03", "2025-03-03"]);
    expect(articles.map((a) => a.outlet)).toEqual(["KAZINFORM", "KAZINFORM"]);
  });

  it("gives an HTML page without an article an empty text, not a crash", () => {
    const [article] = prepareFile("<html><head><title></title></head><body><nav><a href='/'>Главная</a></nav></body></html>", true);
    expect(article.language).toBe("und");
    expect(article.text.trim()).toBe("");
  });
});

describe("findOutlet on other wordings", () => {
  it.each([
    [`АЛМАТЫ, 5 марта. КазТАГ – Аким города принял посла Кореи.\n\n${BODY}`, "КазТАГ"],
    [`Глава МИД России провел переговоры с коллегой из Казахстана, передает РИА Новости.\n\n${BODY}`, "РИА Новости"],
    [`Министр принял посла, сообщает ТАСС со ссылкой на МИД.\n\n${BODY}`, "ТАСС"],
    [`${BODY}\n\nИсточник: https://www.zakon.kz/politika/12345-novost.html`, "zakon.kz"],
    [`${BODY}\n\nCopyright © 2025 Kursiv Media. All rights reserved.`, "Kursiv Media"],
    [`${BODY}\n\n(c) 2024 Orda.kz`, "Orda.kz"],
    [`МИНСК, 5 марта (БЕЛТА) – Президент Беларуси принял посла Казахстана.\n\n${BODY}`, "БЕЛТА"],
    [`АСТАНА, 12 мар — Sputnik. Президент Казахстана провел переговоры.\n\n${BODY}`, "Sputnik"],
    [`АСТАНА. ҚазАқпарат – Мемлекет басшысы елшіні қабылдады.\n\n${BODY}`, "ҚазАқпарат"],
    [`${BODY}\n\nПо материалам Tengrinews.kz`, "Tengrinews.kz"],
    [`Министр принял посла, сообщает газета «Время».\n\n${BODY}`, "Время"],
  ])("finds the outlet in %#", (text, outlet) => {
    expect(findOutlet(text)).toBe(outlet);
  });

  it("does not take a ministry written in capitals for an outlet", () => {
    expect(findOutlet(`Посол вручил верительные грамоты, сообщает МИД РК.\n\n${BODY}`)).toBeNull();
  });
});

describe("createExtractor", () => {
  const extractor = createExtractor();

  it("extracts nothing from Kazakh and English articles, but still says what they are", () => {
    const kazakh = extractor.extractText(
      "Сыртқы істер министрі Мұрат Нұртілеу Жапония елшісімен кездесті, деп хабарлайды Kazinform.\n\nТараптар екі ел арасындағы сауда-экономикалық ынтымақтастықты дамыту мәселелерін талқылады.",
    );
    expect(kazakh.articles[0]).toMatchObject({ language: "kk", outlet: "Kazinform", people: [], events: [] });
    const english = extractor.extractText(
      "Kazakh Foreign Minister met the Japanese Ambassador in Astana, Kazinform reports.\n\nThe sides discussed trade, transport corridors and the upcoming summit of Central Asia and Japan.",
    );
    expect(english.articles[0]).toMatchObject({ language: "en", people: [], events: [] });
  });

  it("finds the people of a Russian article in its cleaned text", () => {
    const result = extractor.extractText(`Главная   Новости   Политика\n\nПремьер принял посла\n\nПремьер-министр Олжас Бектенов принял посла Франции Сильвиана Гиоже, сообщает Kazinform.\n\n${BODY}`);
    const [article] = result.articles;
    expect(article.text.startsWith("Премьер принял посла")).toBe(true);
    for (const person of article.people) {
      for (const [start, end] of person.spans) expect(article.text.slice(start, end).length).toBeGreaterThan(0);
    }
    expect(article.people.map((p) => p.name)).toContain("Олжас Бектенов");
  });

  it("refuses bytes it cannot read with an ExtractionError", () => {
    expect(() => extractor.extractBytes(new Uint8Array())).toThrow(ExtractionError);
    expect(() => extractor.extractText("   ")).toThrow(ExtractionError);
  });

  it("reports the encoding it read and whether the input was HTML", () => {
    const bytes = new TextEncoder().encode(`<html><body><article><p>${BODY}</p><p>${BODY}</p></article></body></html>`);
    expect(extractor.extractBytes(bytes, { fileName: "a.html" })).toMatchObject({ encoding: "utf-8", isHtml: true });
  });
});
