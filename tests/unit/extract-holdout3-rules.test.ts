// The general rules behind the fixes for the third held-out set (tests/fixtures/corpus/holdout3), checked on
// other invented people, places and organisations than the articles that exposed them.
import { describe, expect, it } from "vitest";
import { createExtractor } from "@/lib/extract";
import { findPeople } from "@/lib/extract/names";
import type { ExtractedArticle } from "@/lib/extract/types";

const extractor = createExtractor();
const article = (text: string): ExtractedArticle => extractor.extractText(text).articles[0]!;
const names = (text: string) => findPeople(text).people.map((p) => p.name);
const side = (a: ExtractedArticle, s: "home" | "partner") => a.events.flatMap((e) => e.participants.filter((p) => p.side === s).map((p) => p.name));

describe("East Asian and Mongolian names", () => {
  it("a run opening with a frequent family name is read as an East Asian name even where no East Asian country is named", () => {
    expect(names("Министр финансов встретился с вице-президентом Всемирного банка Чжоу Хайпином.")).toEqual(["Чжоу Хайпин"]);
    expect(names("Вице-министр провела переговоры с директором ЮНЕСКО Пак Мин Чолом в Париже.")).toEqual(["Пак Мин Чол"]);
  });

  it("a Mongolian genitive patronymic keeps the given name after it, which declines like a masculine noun", () => {
    const text = "Министр встретился с министром иностранных дел Монголии Батмунхийн Энхтувшином. Батмунхийн Энхтувшин отметил рост торговли.";
    expect(names(text)).toEqual(["Батмунхийн Энхтувшин"]);
  });

  it("an East Asian-shaped name with no Kazakh title stands on the partner side", () => {
    const a = article(`Сенатор провел встречу с делегацией Японии

12 марта 2025 года. Депутат Сената Казахстана Нурлан Сейтказиев встретился в Астане с депутатом парламента Японии Хироси Накамурой. В переговорах участвовала также советник посольства Ким Со Ён.

Стороны обсудили межпарламентское сотрудничество.`);
    expect(side(a, "partner")).toContain("Ким Со Ён");
    expect(side(a, "home")).toEqual(["Нурлан Сейтказиев"]);
  });

  it("'с турецкой стороны' and 'в состав ... делегации' put the people after them on the foreign side", () => {
    const a = article(`Депутаты Мажилиса встретились с турецкими коллегами

5 апреля 2025 года. Депутат Мажилиса Казахстана Айгуль Тлеуова провела встречу в Астане с депутатом Великого национального собрания Турции Мустафой Демиром, а с турецкой стороны также участвовал советник Эмре Йылдыз.

Стороны обсудили межпарламентское сотрудничество.`);
    expect(side(a, "partner")).toEqual(expect.arrayContaining(["Эмре Йылдыз"]));
    expect(side(a, "home")).toEqual(["Айгуль Тлеуова"]);
  });
});
