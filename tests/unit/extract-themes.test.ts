import { describe, expect, it } from "vitest";
import { compileThemes, defaultRegistry } from "@/lib/extract/registry";
import type { Registry, Span } from "@/lib/extract/types";

const registry = defaultRegistry();
const themes = compileThemes(registry);
const codes = (text: string, ranges?: Span[]) => themes.classify(text, ranges).map((t) => t.code).sort();

describe("defaultRegistry themes", () => {
  it("covers the 13 theme codes with weighted keywords", () => {
    expect(registry.themes.map((t) => t.code).sort()).toEqual(
      ["conflicts", "digital", "economy", "environment", "human_rights", "humanitarian", "integration", "interparliamentary",
        "legislation", "political_reform", "security", "social", "sustainable_development"].sort(),
    );
    for (const t of registry.themes) {
      expect(t.keywords.length, t.code).toBeGreaterThan(3);
      for (const k of t.keywords) expect(t.weights?.[k], `${t.code} ${k}`).toBeTypeOf("number");
    }
  });
});

describe("compileThemes.find", () => {
  it("finds stems in any form with exact spans, the longest keyword first", () => {
    const text = "Стороны обсудили межпарламентские связи и торгово-экономическое сотрудничество.";
    const hits = themes.find(text);
    const seen = hits.map((h) => [h.code, text.slice(h.span[0], h.span[1])]);
    expect(seen).toContainEqual(["interparliamentary", "межпарламентские"]);
    expect(seen).toContainEqual(["economy", "торгово-экономическое"]);
    expect(hits.every((h, i) => i === 0 || h.span[0] >= hits[i - 1].span[0])).toBe(true);
  });

  it("does not take a stem inside a longer word or another word family", () => {
    expect(themes.find("Правительство одобрило правила.").filter((h) => h.code === "human_rights")).toEqual([]);
    expect(themes.find("в целом мировой рынок").filter((h) => h.code === "sustainable_development")).toEqual([]);
  });
});

describe("compileThemes.classify", () => {
  it("takes a strong keyword alone", () => {
    expect(codes("Делегации обсудили развитие межпарламентского диалога.")).toEqual(["interparliamentary"]);
    expect(codes("Министр рассказал о ходе конституционной реформы.")).toEqual(["political_reform"]);
    expect(codes("Речь шла о достижении Целей устойчивого развития к 2030 году.")).toEqual(["sustainable_development"]);
    expect(codes("Особое внимание уделили реализации ЦУР в регионе.")).toEqual(["sustainable_development"]);
  });

  it("needs two weak keywords", () => {
    expect(codes("Посол посетил университет.")).toEqual([]);
    expect(codes("Посол посетил университет и встретился со студентами.")).toEqual(["humanitarian"]);
    expect(codes("Затронули вопросы безопасности.")).toEqual([]);
    expect(codes("Затронули вопросы региональной безопасности и борьбы с терроризмом.")).toEqual(["security"]);
  });

  it("classifies invented paragraphs on other countries precisely", () => {
    const p1 =
      "Министр иностранных дел провёл переговоры с коллегой из Чили. Стороны обсудили рост товарооборота, " +
      "привлечение чилийских инвестиций в горнодобывающую промышленность и сотрудничество в сфере возобновляемых источников энергии.";
    expect(codes(p1)).toEqual(["economy", "environment"]);
    const p2 =
      "Вице-спикер принял делегацию парламента Норвегии. Собеседники отметили важность работы депутатских групп дружбы " +
      "и обменялись опытом законотворческой деятельности.";
    expect(codes(p2)).toEqual(["interparliamentary", "legislation"]);
    const p3 =
      "Президент выразил обеспокоенность эскалацией вооружённого конфликта в Судане и призвал стороны к прекращению огня " +
      "на основе Устава ООН.";
    expect(codes(p3)).toEqual(["conflicts"]);
    const p4 =
      "Омбудсмен рассказала коллеге из Финляндии о защите прав ребёнка и инклюзивном образовании.";
    expect(codes(p4)).toEqual(["human_rights"]);
    const p5 = "Стороны договорились о сотрудничестве в области цифровизации государственных услуг и искусственного интеллекта.";
    expect(codes(p5)).toEqual(["digital"]);
  });

  it("does not read history as a conflict, nor a greeting as health care", () => {
    expect(codes("Участники почтили память героев Великой Отечественной войны и обсудили сохранение исторической памяти.")).toEqual([
      "humanitarian",
    ]);
    expect(codes("Президент пожелал коллеге крепкого здоровья и успехов.")).toEqual([]);
  });

  it("looks only at the given ranges and reports the spans of its evidence", () => {
    const a = "Обсудили межпарламентское сотрудничество. ";
    const b = "Отдельно обсудили мирный договор между соседями.";
    const text = a + b;
    expect(codes(text)).toEqual(["conflicts", "interparliamentary"]);
    expect(codes(text, [[0, a.length]])).toEqual(["interparliamentary"]);
    const [conflicts] = themes.classify(text, [[a.length, text.length]]);
    expect(conflicts.code).toBe("conflicts");
    expect(text.slice(conflicts.spans[0][0], conflicts.spans[0][1])).toBe("мирный договор");
    expect(conflicts.confidence).toBeGreaterThan(0.5);
    expect(conflicts.confidence).toBeLessThanOrEqual(1);
  });

  it("works on a registry from the database, weights missing or given", () => {
    const db: Registry = {
      partners: [],
      themes: [
        { code: "space", keywords: ["космическ*", "спутник"], weights: { "космическ*": 2 } },
        { code: "interparliamentary", keywords: ["межпарламентск*"] },
      ],
    };
    const m = compileThemes(db);
    expect(m.classify("Обсудили космическую программу.").map((t) => t.code)).toEqual(["space"]);
    expect(m.classify("Запустили спутник.").map((t) => t.code)).toEqual([]);
    // A keyword of the bundled lexicon keeps its bundled weight when the database gives none.
    expect(m.classify("межпарламентский диалог").map((t) => t.code)).toEqual(["interparliamentary"]);
  });

  it("accepts keywords written as full words by an editor", () => {
    const m = compileThemes({ partners: [], themes: [{ code: "environment", keywords: ["водные ресурсы"], weights: { "водные ресурсы": 2 } }] });
    expect(m.classify("управление трансграничными водными ресурсами").map((t) => t.code)).toEqual(["environment"]);
  });
});

describe("compileThemes on other diplomatic wordings", () => {
  it("reads compound and hyphenated vocabulary", () => {
    expect(codes("Обсуждены вопросы водно-энергетического сотрудничества в регионе.")).toEqual(["environment"]);
    expect(codes("Стороны подчеркнули важность антитеррористического взаимодействия.")).toEqual(["security"]);
    expect(codes("Речь шла о развитии Среднего коридора.")).toEqual(["economy"]);
    expect(codes("Обсуждены вопросы нормативно-правовой базы и законодательного обеспечения.")).toEqual(["legislation"]);
  });

  it("gives a qualified «безопасность» to its own theme", () => {
    expect(codes("Министры обсудили продовольственную безопасность и поставки зерна.")).toEqual(["economy"]);
    expect(codes("Министры обсудили экологическую безопасность.")).toEqual(["environment"]);
  });

  it("finds nothing in protocol-only news", () => {
    const text =
      "Министр иностранных дел принял копии верительных грамот новоназначенного посла Португалии. " +
      "Стороны обменялись мнениями по актуальным вопросам двусторонней повестки и обсудили график предстоящих визитов на высшем уровне.";
    expect(codes(text)).toEqual([]);
  });

  it("lets a repeated weak word count, a repeated marginal one not", () => {
    expect(codes("Речь шла о безопасности. Безопасность важна. Безопасность — приоритет.")).toEqual(["security"]);
    expect(codes("Реформы идут. Реформы продолжатся. Реформы необходимы. Реформы важны.")).toEqual([]);
  });

  it("keeps an observer's status out of human rights", () => {
    expect(codes("Венгрия имеет статус наблюдателя в организации.")).toEqual([]);
  });
});
