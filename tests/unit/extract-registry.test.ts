import { describe, expect, it } from "vitest";
import { compilePartners, defaultRegistry, normalizeAlias } from "@/lib/extract/registry";
import type { PartnerMention, Registry } from "@/lib/extract/types";

const registry = defaultRegistry();
const matcher = compilePartners(registry);

function codes(text: string): (string | null)[] {
  return matcher.find(text).map((m) => m.partner.code);
}
function only(text: string): PartnerMention {
  const found = matcher.find(text);
  expect(found, text).toHaveLength(1);
  return found[0];
}

describe("defaultRegistry", () => {
  it("holds every ISO 3166-1 country with a Russian and an English name and a region", () => {
    const countries = registry.partners.filter((p) => p.type === "country" && p.code);
    expect(countries.length).toBeGreaterThanOrEqual(249);
    for (const c of countries) {
      expect(c.code, c.name).toMatch(/^[A-Z]{2}$/);
      expect(c.name).toMatch(/[А-Яа-яЁё]/);
      expect(c.nameEn).toBeTruthy();
      expect(c.region).toBeTruthy();
    }
    const byCode = (code: string) => countries.find((c) => c.code === code)!;
    expect(byCode("US").name).toBe("США");
    expect(byCode("GB").name).toBe("Великобритания");
    expect(byCode("KZ").region).toBe("Central Asia");
    expect(byCode("BR").region).toBe("Latin America");
    expect(byCode("AZ").aliasKinds?.["Баку"]).toBe("capital");
  });

  it("holds the organisations of organizations.tsv, their parents and well-known ones without a code", () => {
    const org = (code: string) => registry.partners.find((p) => p.code === code)!;
    expect(org("OSCE_PA").parent).toBe("OSCE");
    expect(org("IPA_CIS").parent).toBe("CIS");
    expect(org("UNICEF").parent).toBe("UN");
    expect(org("TURKPA").fullNameRu).toBe("Парламентская ассамблея тюркоязычных государств");
    const brics = registry.partners.find((p) => p.name === "БРИКС")!;
    expect(brics.code).toBeNull();
    expect(brics.type).toBe("organization");
  });

  it("gives every normalised alias to one partner only (partner_aliases.normalized is unique)", () => {
    const owner = new Map<string, string>();
    for (const p of registry.partners) {
      for (const a of p.aliases) {
        const n = normalizeAlias(a);
        const key = p.code ?? p.name;
        expect(owner.get(n) ?? key, `${a}: ${owner.get(n)} and ${key}`).toBe(key);
        owner.set(n, key);
      }
    }
  });

  it("returns a copy the caller may change", () => {
    const copy = defaultRegistry();
    copy.partners.length = 0;
    expect(defaultRegistry().partners.length).toBeGreaterThan(250);
  });
});

describe("normalizeAlias", () => {
  it("lower-cases, folds ё, strips quotes and collapses spaces", () => {
    expect(normalizeAlias("  «Офис   ОБСЕ» ")).toBe("офис обсе");
    expect(normalizeAlias("Соединённые\u00a0Штаты")).toBe("соединенные штаты");
    expect(normalizeAlias('"Большая двадцатка"')).toBe("большая двадцатка");
  });
});

describe("compilePartners: countries", () => {
  it("finds a name in every case", () => {
    const forms = ["Бразилия", "Бразилии", "Бразилию", "Бразилией"];
    for (const f of forms) expect(codes(`Делегация посетила ${f} на прошлой неделе.`), f).toEqual(["BR"]);
    for (const f of ["Норвегия", "Норвегии", "Норвегию", "Норвегией"]) expect(codes(`Речь шла о ${f}.`)).toEqual(["NO"]);
    for (const f of ["Канада", "Канады", "Канаде", "Канаду", "Канадой"]) expect(codes(`Переговоры с ${f} продолжатся.`)).toEqual(["CA"]);
    for (const f of ["Вьетнам", "Вьетнама", "Вьетнаму", "Вьетнамом", "Вьетнаме"]) expect(codes(`Товарооборот с ${f} вырос.`)).toEqual(["VN"]);
    for (const f of ["Парагвай", "Парагвая", "Парагваю", "Парагваем", "Парагвае"]) expect(codes(`О ${f}.`)).toEqual(["PY"]);
    for (const f of ["Израиль", "Израиля", "Израилю", "Израилем", "Израиле"]) expect(codes(`О ${f}.`)).toEqual(["IL"]);
  });

  it("handles a fleeting vowel and indeclinable names", () => {
    expect(codes("Министр прибыл из Египта, а затем вернулся в Египет.")).toEqual(["EG", "EG"]);
    expect(codes("Посол Перу и посол Чили встретились с представителями США.")).toEqual(["PE", "CL", "US"]);
  });

  it("finds official and multi-word names in any case, longest first", () => {
    const m = only("Визит в Соединённые Штаты Америки завершён.");
    expect(m.partner.code).toBe("US");
    expect(m.surface).toBe("Соединённые Штаты Америки");
    expect(only("встреча с представителями Соединенных Штатов Америки").surface).toBe("Соединенных Штатов Америки");
    expect(only("с Королевством Нидерландов").partner.code).toBe("NL");
    expect(only("посол Кыргызской Республики").partner.code).toBe("KG");
    expect(only("соглашение с Республикой Молдова").partner.code).toBe("MD");
    expect(only("в Новой Зеландии").partner.code).toBe("NZ");
    expect(only("переговоры с Объединёнными Арабскими Эмиратами").partner.code).toBe("AE");
    expect(only("в Боснии и Герцеговине").partner.code).toBe("BA");
    expect(only("посол Турецкой Республики").partner.code).toBe("TR");
    expect(only("делегация Корейской Народно-Демократической Республики").partner.code).toBe("KP");
    expect(only("в Республике Корея").partner.code).toBe("KR");
    expect(only("в Северной Ирландии").partner.code).toBe("GB");
    expect(only("делегация Северной Кореи").partner.code).toBe("KP");
    expect(only("посол Демократической Республики Конго").partner.code).toBe("CD");
    expect(only("ПРЕЗИДЕНТ ТУРЦИИ ПРИБЫЛ").partner.code).toBe("TR");
  });

  it("finds adjectives in every form, marked as such", () => {
    for (const f of ["бразильская", "бразильской", "бразильскую", "бразильские", "бразильских", "бразильскими", "бразильского"]) {
      const m = only(`Прибыла ${f} делегация.`);
      expect(m.partner.code, f).toBe("BR");
      expect(m.via).toBe("adjective");
    }
    expect(codes("норвежские компании и кубинский посол")).toEqual(["NO", "CU"]);
  });

  it("splits a compound adjective into its partners and flags the home country", () => {
    const found = matcher.find("развитие казахстанско-вьетнамских отношений");
    expect(found.map((m) => m.partner.code)).toEqual(["KZ", "VN"]);
    expect(found[0].home).toBe(true);
    expect(found[1].home).toBeUndefined();
    expect(codes("российско-китайского партнёрства")).toEqual(["RU", "CN"]);
    expect(codes("франко-германский тандем")).toEqual(["FR", "DE"]);
  });

  it("finds demonyms in small letters but not surnames made from them", () => {
    expect(codes("встреча с американцами и поляками, визит узбеков")).toEqual(["US", "PL", "UZ"]);
    expect(matcher.find("с американцами")[0].via).toBe("demonym");
    expect(codes("выступил профессор Поляков, цитировали Чехова")).toEqual([]);
    expect(codes("Поляки приняли решение.")).toEqual(["PL"]);
    expect(codes("АМЕРИКАНЦЫ И ТУРКИ ДОГОВОРИЛИСЬ")).toEqual(["US", "TR"]);
  });

  it("marks capitals used as metonyms", () => {
    const m = only("Пекином было предложено продолжить диалог.");
    expect(m.partner.code).toBe("CN");
    expect(m.via).toBe("capital");
    expect(only("позиция Брюсселя").partner.code).toBe("EU");
    expect(only("Анкарой").via).toBe("capital");
  });

  it("does not match inside words, common nouns, geographic phrases or people's names", () => {
    expect(codes("режиссёр Китайгородский и его коллеги")).toEqual([]);
    expect(codes("Союз писателей и профсоюз заключили союз.")).toEqual([]);
    expect(codes("Того же мнения придерживаются эксперты.")).toEqual([]);
    expect(codes("страны Латинской Америки и Центральной Азии")).toEqual([]);
    expect(codes("учения в Южно-Китайском море")).toEqual([]);
    expect(codes("аким Восточно-Казахстанской области")).toEqual([]);
    expect(codes("встреча с депутатом Данией Сериковой")).toEqual([]);
    expect(codes("изучает китайский язык")).toEqual([]);
    expect(codes("Самое главное — прилёт в Сан-Франциско.")).toEqual([]);
    expect(codes("рейс Москва-Пекин")).toEqual(["RU", "CN"]);
  });

  it("gives spans exact in the text it was given", () => {
    const text = "Глава МИД принял посла Аргентины и — позднее — представителей «Евросоюза».";
    for (const m of matcher.find(text)) expect(text.slice(m.span[0], m.span[1])).toBe(m.surface);
    expect(codes(text)).toEqual(["AR", "EU"]);
  });
});

describe("compilePartners: organisations", () => {
  it("prefers the longest alias", () => {
    expect(codes("на сессии Парламентской ассамблеи Совета Европы")).toEqual(["PACE"]);
    expect(codes("в Совете Европы")).toEqual(["COE"]);
    expect(codes("делегация ПА ОБСЕ")).toEqual(["OSCE_PA"]);
    expect(codes("заседание Межпарламентской ассамблеи государств – участников СНГ")).toEqual(["IPA_CIS"]);
    expect(codes("Парламентская ассамблея тюркоязычных государств")).toEqual(["TURKPA"]);
    expect(codes("Программой развития ООН")).toEqual(["UNDP"]);
    expect(codes("Международного агентства по атомной энергии")).toEqual([null]);
    expect(matcher.find("с ЕЭК ООН")[0].partner.name).toBe("ЕЭК ООН");
    expect(codes("с ЕЭК и ЕАЭС")).toEqual(["EAEU", "EAEU"]);
  });

  it("finds full names, abbreviations and bodies in any case", () => {
    expect(codes("с Организацией по безопасности и сотрудничеству в Европе")).toEqual(["OSCE"]);
    const office = only("встреча с руководителем Офиса программ ОБСЕ в Бишкеке".replace(" в Бишкеке", ""));
    expect(office.partner.code).toBe("OSCE");
    expect(office.via).toBe("office");
    expect(codes("Еврокомиссией и Европейским советом")).toEqual(["EU", "EU"]);
    expect(codes("кредит Международной финансовой корпорации")).toEqual(["WB"]);
    expect(codes("ВОЗ, ЮНЕСКО и МВФ")).toEqual(["WHO", "UNESCO", "IMF"]);
    expect(codes("на полях «Большой двадцатки»").length).toBe(1);
    expect(matcher.find("саммит АСЕАН")[0].partner.name).toBe("АСЕАН");
  });

  it("accepts a mixed-case abbreviation written slightly differently but not a short one in lower case", () => {
    expect(codes("генсек ТюркПа")).toEqual(["TURKPA"]);
    expect(codes("если ес не примет")).toEqual([]);
    expect(codes("решение ЕС")).toEqual(["EU"]);
  });

  it("flags another home country when told", () => {
    const uz = compilePartners(registry, { homeCode: "UZ" });
    const found = uz.find("узбекско-казахстанские отношения");
    expect(found.map((m) => [m.partner.code, m.home ?? false])).toEqual([
      ["UZ", true],
      ["KZ", false],
    ]);
  });

  it("looks partners up by code", () => {
    expect(matcher.byCode("JP")?.name).toBe("Япония");
    expect(matcher.byCode("NOPE")).toBeUndefined();
  });
});

describe("compilePartners on a registry from the database", () => {
  const dbRegistry: Registry = {
    partners: [
      { code: "OSCE", name: "ОБСЕ", type: "organization", aliases: ["Офис ОБСЕ"] },
      { code: null, name: "Евразийский банк развития", type: "organization", aliases: ["ЕАБР"] },
      { code: "NO", name: "Норвегия", type: "country", aliases: ["норвежский", "Осло"] },
    ],
    themes: [],
  };
  const m = compilePartners(dbRegistry);

  it("matches aliases an editor typed in the nominative in every case", () => {
    const found = m.find("Договорились с Офисом ОБСЕ и Евразийским банком развития, позиция Осло.");
    expect(found.map((f) => f.surface)).toEqual(["Офисом ОБСЕ", "Евразийским банком развития", "Осло"]);
    expect(found[2].via).toBe("capital");
    expect(m.find("норвежскими партнёрами")[0].via).toBe("adjective");
    expect(m.find("Китай")).toEqual([]);
  });

  it("compiles quickly", () => {
    const t0 = performance.now();
    for (let i = 0; i < 3; i++) compilePartners(registry);
    expect((performance.now() - t0) / 3).toBeLessThan(500);
  });
});
