// Each pure stage of the contact pipeline (lib/extract/contacts/index.ts lists them in order), one
// at a time: every test feeds a stage an input built by hand — a short invented article run through
// the stages before it, clauses / groups / contacts / events written out literally — and asserts
// what that stage alone decides. The people are invented; the countries are real.
import { describe, expect, it } from "vitest";
import { findContactClauses, type ClausedArticle, type ContactClause } from "@/lib/extract/contacts/clauses";
import { buildEvents } from "@/lib/extract/contacts/event";
import { finalizeEvents, lendPartners, mergeDuplicates } from "@/lib/extract/contacts/finalize";
import { groupContacts, type ContactGroup } from "@/lib/extract/contacts/grouping";
import { collectMentions, type ArticleMentions } from "@/lib/extract/contacts/mentions";
import { completeContacts, type Contact } from "@/lib/extract/contacts/participants";
import { addTitleReferences } from "@/lib/extract/contacts/references";
import { readSentences, type ReadArticle } from "@/lib/extract/contacts/roles";
import { assignSides, type SidedArticle } from "@/lib/extract/contacts/sides";
import { segmentArticle, type ArticleUnits } from "@/lib/extract/contacts/units";
import { findPeople } from "@/lib/extract/names";
import { compilePartners, compileThemes, defaultRegistry } from "@/lib/extract/registry";
import type { EventInput, ExtractedEvent, ExtractedParticipant, ExtractedPartner, Side, Span } from "@/lib/extract/types";

// ---------------------------------------------------------------- building inputs

const registry = defaultRegistry();
const partners = compilePartners(registry);
const themes = compileThemes(registry);

/** Paragraphs joined the way cleaned articles are: a blank line between them. */
const article = (...paragraphs: string[]) => paragraphs.join("\n\n");

/** What the pipeline receives for a text: people and partners found the way ingestion finds them. */
function inputOf(text: string, publishedOn: string | null = null, title: string | null = null): EventInput {
  const { mentions } = findPeople(text);
  return { text, title, publishedOn, mentions, partnerMentions: partners.find(text), partners, themes };
}

// The stages before the one under test, chained as in index.ts.
const mentioned = (text: string, publishedOn: string | null = null) => collectMentions(segmentArticle(text), inputOf(text, publishedOn));
const referenced = (text: string, publishedOn: string | null = null) => addTitleReferences(mentioned(text, publishedOn));
const read = (text: string, publishedOn: string | null = null) => readSentences(referenced(text, publishedOn));
const sided = (text: string, publishedOn: string | null = null) => assignSides(read(text, publishedOn));
const claused = (text: string, publishedOn: string | null = null) => findContactClauses(sided(text, publishedOn));

const sentenceText = (a: ArticleUnits, i: number) => a.text.slice(a.sentences[i]!.start, a.sentences[i]!.end);
const spanText = (a: ArticleUnits, [s, e]: Span) => a.text.slice(s, e);

/** The index of the (only) sentence containing `words`: tests name sentences by what they say. */
function sentenceWith(a: ArticleUnits, words: string): number {
  const found = a.sentences.map((_, i) => i).filter((i) => sentenceText(a, i).includes(words));
  if (found.length !== 1) throw new Error(`${found.length} sentences contain «${words}»`);
  return found[0]!;
}

/** Names of the people mentioned in sentence `i`, with how they were found. */
const mentionsIn = (a: ArticleMentions, i: number) => (a.infosBySentence.get(i) ?? []).map((x) => ({ name: x.name, byTitle: !!x.byTitle }));

const sorted = (s: ReadonlySet<string>) => [...s].sort();

// ---------------------------------------------------------------- the invented cast

const KZ_MINISTER = "Арман Жумабеков";
const SI_MINISTER = "Марко Ковачич";
const HR_MINISTER = "Иван Бабич";

/** A talks report: a dateline, the talks, what was discussed, a quote, a title-only reference. */
const TALKS = article(
  "Астана, 14 мая. Министр иностранных дел Казахстана Арман Жумабеков провел переговоры с министром иностранных дел Словении Марко Ковачичем.",
  "Стороны обсудили сотрудничество в рамках ШОС и транзит грузов.",
  "«Словения видит в Казахстане надежного партнера», – отметил Марко Ковачич.",
);

describe("segmentArticle", () => {
  it("splits paragraphs at line breaks and sentences at full stops, but not after an initial or «г.»", () => {
    const text = article("Визит министра в Любляну", "Министр иностранных дел Казахстана А. Жумабеков прибыл в г. Любляну. Его встретил посол.");
    const u = segmentArticle(text);
    expect(u.paragraphs).toHaveLength(2);
    expect(u.sentences.map((_, i) => sentenceText(u, i))).toEqual([
      "Визит министра в Любляну",
      "Министр иностранных дел Казахстана А. Жумабеков прибыл в г. Любляну.",
      "Его встретил посол.",
    ]);
    // each sentence knows its paragraph and whether it opens it
    expect(u.sentences.map((s) => [s.paragraph, s.first])).toEqual([
      [0, true],
      [1, true],
      [1, false],
    ]);
  });

  it("never ends a sentence inside «…», and finds the quote with and without its marks", () => {
    const text = "«Мы готовы к диалогу. Мы ждем предложений», – сказал министр. Затем он уехал.";
    const u = segmentArticle(text);
    expect(u.sentences.map((_, i) => sentenceText(u, i))).toEqual(["«Мы готовы к диалогу. Мы ждем предложений», – сказал министр.", "Затем он уехал."]);
    expect(u.quotes).toHaveLength(1);
    expect(spanText(u, u.quotes[0]!.inner)).toBe("Мы готовы к диалогу. Мы ждем предложений");
    expect(spanText(u, u.quotes[0]!.outer)).toBe("«Мы готовы к диалогу. Мы ждем предложений»");
    expect(u.quotes[0]!.dash).toBe(false);
  });

  it("reads a paragraph opening with a dash as speech up to its attribution, and blanks speech in the masked copy", () => {
    const text = article("Министр провел встречу.", "– Словения открыта для казахстанских компаний, – отметил Марко Ковачич.");
    const u = segmentArticle(text);
    expect(u.quotes).toHaveLength(1);
    expect(u.quotes[0]!.dash).toBe(true);
    expect(spanText(u, u.quotes[0]!.inner)).toBe("Словения открыта для казахстанских компаний");
    // the masked copy keeps every offset, blanks what was said and keeps who said it
    expect(u.masked).toHaveLength(text.length);
    expect(u.masked).not.toContain("Словения открыта");
    expect(u.masked).toContain("– отметил Марко Ковачич.");
    expect(u.quoteSpans).toEqual([u.quotes[0]!.inner]);
  });
});

describe("collectMentions", () => {
  const m = mentioned(TALKS, "2025-05-14");
  const talks = sentenceWith(m, "провел переговоры");

  it("finds both ministers in the talks sentence, the guest in the instrumental, and their titles", () => {
    expect(mentionsIn(m, talks).map((x) => x.name)).toEqual([KZ_MINISTER, SI_MINISTER]);
    const [kz, si] = m.infosBySentence.get(talks)!;
    expect(kz!.nominative).toBe(true);
    expect(si!.nominative).toBe(false);
    expect(si!.mention.grammaticalCase).toBe("ablt");
    expect(m.titleSpans.map((s) => spanText(m, s))).toEqual(["Министр иностранных дел Казахстана", "министром иностранных дел Словении"]);
  });

  it("profiles each person: a Kazakh title puts him at home, a Slovenian one on the partner side with Slovenia as affiliation", () => {
    const kz = m.profiles.get(KZ_MINISTER)!;
    expect(kz.side).toBe("home");
    expect(kz.kazakhTitle).toBe(true);
    expect(kz.affiliations).toEqual([]);
    const si = m.profiles.get(SI_MINISTER)!;
    expect(si.side).toBe("partner");
    expect(si.kazakhTitle).toBe(false);
    expect(si.affiliations.map((pm) => pm.partner.code)).toEqual(["SI"]);
    // the quote's attribution is a second mention of the guest
    expect(si.mentions).toHaveLength(2);
  });

  it("keeps partner mentions, flags Kazakhstan's as home, and marks «в рамках ШОС» as a topic, not a side", () => {
    const codes = m.partnerMentions.map((pm) => [pm.surface, pm.partner.code, !!pm.home]);
    expect(codes).toContainEqual(["Казахстана", "KZ", true]);
    expect(codes).toContainEqual(["Словении", "SI", false]);
    expect([...m.topics].map((pm) => pm.partner.code)).toEqual(["SCO"]);
  });

  it("takes the dateline and passes the article's date through; title references are left to the next stage", () => {
    expect(m.datelines.map((d) => d.name)).toEqual(["Астана"]);
    expect(m.publishedOn).toBe("2025-05-14");
    expect(m.titleReferences).toEqual([]);
  });
});

describe("addTitleReferences", () => {
  const text = article(
    "Астана, 3 июня. Министр иностранных дел Казахстана Арман Жумабеков принял посла Словении.",
    "Министр отметил высокий уровень двусторонних отношений.",
  );
  const before = mentioned(text);
  const after = addTitleReferences(before);
  const remark = sentenceWith(after, "Министр отметил");

  it("resolves «Министр» to the minister named before it and adds it as his mention", () => {
    expect(mentionsIn(before, remark)).toEqual([]);
    expect(mentionsIn(after, remark)).toEqual([{ name: KZ_MINISTER, byTitle: true }]);
    const added = after.infosBySentence.get(remark)![0]!;
    expect(added.mention.surface).toBe("Министр");
    expect(added.nominative).toBe(true);
    expect(after.profiles.get(KZ_MINISTER)!.mentions).toHaveLength(before.profiles.get(KZ_MINISTER)!.mentions.length + 1);
  });

  it("records «посла Словении» as a foreign official named by title only, resolved to nobody", () => {
    const received = sentenceWith(after, "принял посла");
    const ref = after.titleReferences.find((r) => r.sentence === received)!;
    expect(spanText(after, ref.span)).toBe("посла Словении");
    expect(ref.foreign).toBe(true);
    expect(mentionsIn(after, received)).toEqual([{ name: KZ_MINISTER, byTitle: false }]);
  });

  // Two ministers, the Slovenian woman named first: only the verb's gender tells which one is meant.
  const twoMinisters = (remark: string) =>
    referenced(article("Министр иностранных дел Словении Петра Зорич встретилась с министром иностранных дел Казахстана Арманом Жумабековым.", remark));

  it("a feminine verb after the reference («Министр отметила») picks the woman over the minister named last", () => {
    const a = twoMinisters("Министр отметила рост товарооборота между странами.");
    expect(mentionsIn(a, 1)).toEqual([{ name: "Петра Зорич", byTitle: true }]);
  });

  // the usual attribution after a quote puts the verb first: its gender is the reference's
  it("a feminine verb before the reference («– сказала министр») picks the woman too", () => {
    const a = twoMinisters("«Мы ценим поддержку Казахстана», – сказала министр.");
    expect(mentionsIn(a, 1)).toEqual([{ name: "Петра Зорич", byTitle: true }]);
  });
});

describe("readSentences", () => {
  const kindOf = (a: ReadArticle, words: string) => a.roles[sentenceWith(a, words)]!.trigger?.kind ?? null;

  it("gives «провел переговоры» a meeting, «провели телефонный разговор» a call and «Стороны обсудили» a weak meeting", () => {
    const a = read(
      article(
        "Министр иностранных дел Казахстана Арман Жумабеков провел переговоры с министром иностранных дел Словении Марко Ковачичем.",
        "Стороны обсудили транзит грузов.",
        "Вечером президенты Казахстана и Чехии провели телефонный разговор.",
      ),
    );
    const talks = a.roles[sentenceWith(a, "провел переговоры")]!.trigger!;
    expect([talks.kind, talks.strength, spanText(a, talks.span)]).toEqual(["meeting", 1, "провел переговоры"]);
    const call = a.roles[sentenceWith(a, "телефонный")]!.trigger!;
    expect([call.kind, spanText(a, call.span)]).toEqual(["phone_call", "телефонный разговор"]);
    const discussed = a.roles[sentenceWith(a, "Стороны обсудили")]!.trigger!;
    expect([discussed.kind, discussed.strength]).toEqual(["meeting", 0.5]);
  });

  // A headline, the news, talks long before the article with a sentence going on about them, an
  // announcement, and the page's boilerplate.
  const text = article(
    "Президенты Казахстана и Чехии обсудили транзит",
    "Астана, 3 июня. Президент Казахстана Нурлан Ескендиров и президент Чехии Томаш Горачек провели телефонный разговор.",
    "Переговоры лидеров прошли в Праге 12 марта 2023 года. Тогда стороны подписали соглашение о транзите.",
    "Нурлан Ескендиров встретится с Томашем Горачеком в сентябре.",
    "Читайте также: Новости региона.",
  );
  const a = read(text, "2025-06-03");

  it("marks a contact dated two years before the article as background, and the «Тогда …» after it too", () => {
    const past = sentenceWith(a, "12 марта 2023");
    expect(a.roles[past]).toEqual({ trigger: null, background: true, headline: false });
    expect(a.roles[sentenceWith(a, "Тогда стороны")]!.background).toBe(true);
    // the same sentence in an article of the next day is news
    const fresh = read(text, "2023-03-13");
    expect(fresh.roles[past]!.background).toBe(false);
    expect(fresh.roles[past]!.trigger?.kind).toBe("meeting");
  });

  it("marks a sentence opening «В прошлом году …» as background, whatever the article's date", () => {
    const b = read(article("Министр иностранных дел Казахстана Арман Жумабеков встретился с министром иностранных дел Словении Марко Ковачичем.", "В прошлом году Арман Жумабеков посетил Любляну с официальным визитом."));
    expect(b.roles.map((r) => [r.trigger?.kind ?? null, r.background])).toEqual([
      ["meeting", false],
      [null, true],
    ]);
  });

  it("reports no contact for an announcement («встретится») and marks a line without a full stop as the headline", () => {
    expect(kindOf(a, "встретится")).toBeNull();
    expect(a.roles[sentenceWith(a, "встретится")]!.background).toBe(false);
    expect(a.roles[0]!.headline).toBe(true);
    expect(kindOf(a, "провели телефонный разговор")).toBe("phone_call");
  });

  it("ends the body at the first boilerplate line after the report", () => {
    expect(a.bodyEnd).toBe(sentenceWith(a, "Читайте также"));
  });
});

describe("assignSides", () => {
  const sideOf = (a: SidedArticle, name: string) => {
    const v = a.sides.get(name);
    return v ? [v.side, v.certainty] : null;
  };

  it("puts a foreign minister on the partner side and a Kazakh official at home, by their titles", () => {
    const a = sided(TALKS);
    expect(sideOf(a, KZ_MINISTER)).toEqual(["home", 0.85]);
    expect(sideOf(a, SI_MINISTER)).toEqual(["partner", 0.9]);
  });

  it("without a title, the man a Kazakh minister met «с» is on the other side; a man who thanks Kazakhstan is the guest", () => {
    const a = sided(
      article(
        "Министр иностранных дел Казахстана Арман Жумабеков встретился с Марко Ковачичем.",
        "Томаш Горачек поблагодарил Казахстан за гостеприимство.",
        "Переводчиком выступил Данияр Сапаров.",
      ),
    );
    // (by name alone "Марко Ковачич" would default to home: it is the relation that decides)
    expect(sideOf(a, SI_MINISTER)).toEqual(["partner", 0.6]);
    expect(sideOf(a, "Томаш Горачек")).toEqual(["partner", 0.5]);
    // nothing said: a local-looking name is home, weakly
    expect(sideOf(a, "Данияр Сапаров")).toEqual(["home", 0.35]);
  });
});

describe("findContactClauses", () => {
  const text = article(
    "Нью-Йорк, 22 сентября. Министр иностранных дел Казахстана Арман Жумабеков встретился с министром иностранных дел Словении Марко Ковачичем.",
    "В прошлом году министры встречались в Любляне.",
    "С министром иностранных дел Хорватии Иваном Бабичем Арман Жумабеков обсудил транзит грузов.",
    "Вечером Арман Жумабеков выступил на общих дебатах Генеральной Ассамблеи ООН.",
  );
  const a = claused(text, "2025-09-23");
  const clauseAt = (words: string) => a.clauses.find((c) => c.sentence === sentenceWith(a, words));

  it("gives a clause to each report sentence and none to the dateline or the background", () => {
    expect(a.clauses.map((c) => c.sentence)).toEqual([sentenceWith(a, "встретился"), sentenceWith(a, "обсудил транзит"), sentenceWith(a, "выступил")]);
    expect(clauseAt("В прошлом году")).toBeUndefined();
  });

  it("names the people of a meeting by side and its counterpart by the guest's country", () => {
    const c = clauseAt("встретился")!;
    expect([c.kind, c.strength]).toEqual(["meeting", 1]);
    expect(sorted(c.home)).toEqual([KZ_MINISTER]);
    expect(sorted(c.partner)).toEqual([SI_MINISTER]);
    expect(sorted(c.counterparts)).toEqual(["SI"]);
    expect(c.standalone).toBe(false);
  });

  it("reads «С министром … Хорватии … обсудил» as a meeting with no word for one", () => {
    const c = clauseAt("обсудил транзит")!;
    expect([c.kind, c.strength]).toEqual(["meeting", 0.8]);
    expect(sorted(c.partner)).toEqual([HR_MINISTER]);
    expect(sorted(c.counterparts)).toEqual(["HR"]);
  });

  it("keeps a speech at the General Assembly a standalone statement with no counterpart", () => {
    const c = clauseAt("выступил")!;
    expect([c.kind, c.standalone]).toEqual(["statement", true]);
    expect(sorted(c.home)).toEqual([KZ_MINISTER]);
    expect(c.partner.size + c.counterparts.size).toBe(0);
  });

  it("takes the counterpart of «принял посла Словении» from the title alone, with nobody on the partner side", () => {
    const b = claused(article("Астана, 3 июня. Министр иностранных дел Казахстана Арман Жумабеков принял посла Словении."));
    expect(b.clauses).toHaveLength(1);
    const [c] = b.clauses;
    expect([c!.kind, c!.strength]).toEqual(["meeting", 0.85]);
    expect(sorted(c!.home)).toEqual([KZ_MINISTER]);
    expect(c!.partner.size).toBe(0);
    expect(sorted(c!.counterparts)).toEqual(["SI"]);
  });
});

describe("groupContacts", () => {
  // The article only supplies sentences, people and roles; every test writes its own clauses.
  const base = claused(
    article(
      "22 сентября в Нью-Йорке Арман Жумабеков провел серию двусторонних встреч.",
      "Министр иностранных дел Казахстана Арман Жумабеков встретился с министром иностранных дел Словении Марко Ковачичем.",
      "Министры обсудили транспортное сотрудничество.",
      "Затем Арман Жумабеков провел встречу с министром иностранных дел Хорватии Иваном Бабичем.",
      "Вечером Арман Жумабеков выступил на общих дебатах Генеральной Ассамблеи ООН.",
    ),
    "2025-09-23",
  );
  const [HEADER, SLOVENIA, DISCUSSED, CROATIA, SPEECH] = [0, 1, 2, 3, 4];

  interface ClauseSpec {
    kind?: ContactClause["kind"];
    strength?: number;
    home?: string[];
    partner?: string[];
    counterparts?: string[];
    standalone?: boolean;
  }
  /** A clause over the whole of sentence `i`. */
  function clause(i: number, spec: ClauseSpec = {}): ContactClause {
    const s = base.sentences[i]!;
    return {
      sentence: i,
      kind: spec.kind ?? "meeting",
      strength: spec.strength ?? 1,
      span: [s.start, s.end],
      home: new Set(spec.home ?? []),
      partner: new Set(spec.partner ?? []),
      counterparts: new Set(spec.counterparts ?? []),
      standalone: spec.standalone ?? false,
    };
  }
  const groupsOf = (...clauses: ContactClause[]): ContactGroup[] => groupContacts({ ...base, clauses } satisfies ClausedArticle);
  const triggers = (g: ContactGroup) => g.triggers.map((t) => t.sentence);

  const withSlovenia = () => clause(SLOVENIA, { home: [KZ_MINISTER], partner: [SI_MINISTER], counterparts: ["SI"] });

  it("keeps two clauses about the same counterpart in one group", () => {
    const groups = groupsOf(withSlovenia(), clause(DISCUSSED, { home: [KZ_MINISTER], partner: [SI_MINISTER], counterparts: ["SI"] }));
    expect(groups).toHaveLength(1);
    expect(triggers(groups[0]!)).toEqual([SLOVENIA, DISCUSSED]);
    expect([groups[0]!.first, groups[0]!.end]).toEqual([SLOVENIA, base.bodyEnd]);
  });

  it("opens a new group for a new counterpart, and the first group ends where it starts", () => {
    const groups = groupsOf(withSlovenia(), clause(CROATIA, { home: [KZ_MINISTER], partner: [HR_MINISTER], counterparts: ["HR"] }));
    expect(groups.map(triggers)).toEqual([[SLOVENIA], [CROATIA]]);
    expect(groups.map((g) => sorted(g.partner))).toEqual([[SI_MINISTER], [HR_MINISTER]]);
    expect(groups[0]!.end).toBe(CROATIA);
    expect(groups[1]!.first).toBe(CROATIA);
  });

  it("opens a new group for another country's official named by title only", () => {
    // "Затем министр принял посла Хорватии": no new name, but another counterpart
    const groups = groupsOf(withSlovenia(), clause(CROATIA, { home: [KZ_MINISTER], counterparts: ["HR"] }));
    expect(groups.map(triggers)).toEqual([[SLOVENIA], [CROATIA]]);
    expect(sorted(groups[1]!.counterparts)).toEqual(["HR"]);
  });

  it("lets a weak «стороны обсудили» join the contact before it, and a later strong clause lift a weak group", () => {
    expect(groupsOf(withSlovenia(), clause(DISCUSSED, { strength: 0.5 })).map(triggers)).toEqual([[SLOVENIA, DISCUSSED]]);
    const lifted = groupsOf(clause(DISCUSSED, { strength: 0.5 }), clause(CROATIA, { home: [KZ_MINISTER], partner: [HR_MINISTER], counterparts: ["HR"] }));
    expect(lifted).toHaveLength(1);
    expect([lifted[0]!.strength, triggers(lifted[0]!)]).toEqual([1, [DISCUSSED, CROATIA]]);
  });

  it("drops a group of weak clauses only when a stronger contact is reported", () => {
    const weak = clause(DISCUSSED, { strength: 0.5, home: [KZ_MINISTER], partner: [SI_MINISTER] });
    expect(groupsOf(weak).map(triggers)).toEqual([[DISCUSSED]]);
    // Croatia's minister is new to the weak group: a contact of its own, and the only strong one
    expect(groupsOf(weak, clause(CROATIA, { home: [KZ_MINISTER], partner: [HR_MINISTER], counterparts: ["HR"] })).map(triggers)).toEqual([[CROATIA]]);
  });

  it("makes a standalone statement after a meeting its own group, while a remark of the same official joins the meeting", () => {
    const speech = (standalone: boolean) => clause(SPEECH, { kind: "statement", strength: 0.9, home: [KZ_MINISTER], standalone });
    const apart = groupsOf(withSlovenia(), speech(true));
    expect(apart.map((g) => [g.kind, triggers(g)])).toEqual([
      ["meeting", [SLOVENIA]],
      ["statement", [SPEECH]],
    ]);
    const joined = groupsOf(withSlovenia(), speech(false));
    expect(joined.map((g) => [g.kind, triggers(g)])).toEqual([["meeting", [SLOVENIA, SPEECH]]]);
  });

  it("makes a conference after a meeting another contact, even with the same home official", () => {
    const groups = groupsOf(withSlovenia(), clause(SPEECH, { kind: "conference", home: [KZ_MINISTER] }));
    expect(groups.map((g) => g.kind)).toEqual(["meeting", "conference"]);
  });

  it("turns a «серия встреч» clause into the header of the groups under it: its date, place and home side", () => {
    const groups = groupsOf(clause(HEADER, { kind: "header", home: [KZ_MINISTER] }), withSlovenia(), clause(CROATIA, { home: [KZ_MINISTER], partner: [HR_MINISTER], counterparts: ["HR"] }));
    expect(groups.map(triggers)).toEqual([[SLOVENIA], [CROATIA]]);
    for (const g of groups) {
      expect(g.header?.sentence).toBe(HEADER);
      expect(g.header?.date?.iso).toBe("2025-09-22");
      expect(g.header?.place?.name).toBe("Нью-Йорк");
      expect(g.header?.home).toEqual([KZ_MINISTER]);
    }
  });
});

describe("completeContacts", () => {
  const a = sided(
    article(
      "Министр иностранных дел Казахстана Арман Жумабеков провел переговоры с министром иностранных дел Словении Марко Ковачичем.",
      "В переговорах также участвовал посол Словении в Казахстане Петер Новак.",
      "Вечером Арман Жумабеков провел встречу по видеосвязи с министром экономики Хорватии Иваном Бабичем.",
      "Министр иностранных дел Хорватии Горан Матич встретился с послом Словении Петером Новаком.",
    ),
  );
  const [TALKS_SENTENCE, ALSO_PRESENT, VIDEO, FOREIGN_ONLY] = [0, 1, 2, 3];

  /** A group whose single trigger is the whole of sentence `first`, stretching to `end`. */
  function group(first: number, end: number, people: { home?: string[]; partner?: string[]; counterparts?: string[] }, kind: ContactGroup["kind"] = "meeting"): ContactGroup {
    const s = a.sentences[first]!;
    return {
      kind,
      strength: 1,
      triggers: [{ sentence: first, span: [s.start, s.end] }],
      first,
      end,
      home: new Set(people.home ?? []),
      partner: new Set(people.partner ?? []),
      counterparts: new Set(people.counterparts ?? []),
      header: null,
    };
  }

  it("adds who took part in the group's stretch to who its trigger named, and gives the stretch's range", () => {
    const [c] = completeContacts(a, [group(TALKS_SENTENCE, VIDEO, { home: [KZ_MINISTER], partner: [SI_MINISTER], counterparts: ["SI"] })]);
    expect(c!.kind).toBe("meeting");
    expect(sorted(c!.home)).toEqual([KZ_MINISTER]);
    expect(sorted(c!.partner)).toEqual([SI_MINISTER, "Петер Новак"].sort());
    expect(c!.range).toEqual([a.sentences[TALKS_SENTENCE]!.start, a.sentences[ALSO_PRESENT]!.end]);
  });

  it("makes a meeting «по видеосвязи» a phone call", () => {
    const [c] = completeContacts(a, [group(VIDEO, FOREIGN_ONLY, { home: [KZ_MINISTER], partner: [HR_MINISTER], counterparts: ["HR"] })]);
    expect(c!.kind).toBe("phone_call");
  });

  it("drops a group with no home side: two foreigners meeting is foreign news", () => {
    const contacts = completeContacts(a, [
      group(TALKS_SENTENCE, VIDEO, { home: [KZ_MINISTER], partner: [SI_MINISTER], counterparts: ["SI"] }),
      group(FOREIGN_ONLY, a.bodyEnd, { partner: ["Горан Матич", "Петер Новак"], counterparts: ["HR", "SI"] }),
    ]);
    expect(contacts.map((c) => c.first)).toEqual([TALKS_SENTENCE]);
  });

  it("gives a call with nobody named on the other side the foreigner of its sentence, unless its counterpart is another country", () => {
    const [ofCroatia] = completeContacts(a, [group(VIDEO, FOREIGN_ONLY, { home: [KZ_MINISTER], counterparts: ["HR"] })]);
    expect(sorted(ofCroatia!.partner)).toEqual([HR_MINISTER]);
    const [ofSlovenia] = completeContacts(a, [group(VIDEO, FOREIGN_ONLY, { home: [KZ_MINISTER], counterparts: ["SI"] })]);
    expect(ofSlovenia!.partner.size).toBe(0);
  });
});

describe("buildEvents", () => {
  // Talks in Ljubljana two days before the article, and a meeting "the same day" with no date of its own.
  const a = sided(
    article(
      "12 мая в Любляне министр иностранных дел Казахстана Арман Жумабеков провел переговоры с министром иностранных дел Словении Марко Ковачичем.",
      "Стороны обсудили транзит грузов и инвестиции.",
      "«Словения видит в Казахстане надежного партнера», – отметил Марко Ковачич.",
      "В тот же день Арман Жумабеков встретился с министром экономики Хорватии Иваном Бабичем.",
    ),
    "2025-05-14",
  );
  const LJUBLJANA = sentenceWith(a, "в Любляне");
  const SAME_DAY = sentenceWith(a, "В тот же день");

  function contact(first: number, end: number, home: string[], partner: string[], kind: Contact["kind"] = "meeting"): Contact {
    const s = a.sentences[first]!;
    return {
      kind,
      strength: 1,
      triggers: [{ sentence: first, span: [s.start, s.end] }],
      first,
      end,
      range: [s.start, a.sentences[end - 1]!.end],
      home: new Set(home),
      partner: new Set(partner),
      header: null,
    };
  }
  const talks = (kind: Contact["kind"] = "meeting") => contact(LJUBLJANA, SAME_DAY, [KZ_MINISTER], [SI_MINISTER], kind);
  const sameDay = () => contact(SAME_DAY, a.bodyEnd, [KZ_MINISTER], [HR_MINISTER]);

  it("gives the talks their date and place from the report sentence and their partner from the guest's title", () => {
    const [e] = buildEvents(a, [talks()]);
    expect(e!.kind).toBe("meeting");
    expect(e!.date).toBe("2025-05-12");
    expect(e!.location).toBe("Любляна");
    expect(e!.partners.map((p) => [p.code, p.type])).toEqual([["SI", "country"]]);
  });

  it("lists participants by side with their titles in the nominative, and the quotes of the stretch with their speaker", () => {
    const [e] = buildEvents(a, [talks()]);
    expect(e!.participants.map((p) => [p.name, p.side, p.position])).toEqual([
      [KZ_MINISTER, "home", "министр иностранных дел Казахстана"],
      [SI_MINISTER, "partner", "министр иностранных дел Словении"],
    ]);
    expect(e!.quotes.map((q) => [q.speaker, q.text])).toEqual([[SI_MINISTER, "Словения видит в Казахстане надежного партнера"]]);
    expect(e!.themes.map((t) => t.code)).toContain("economy");
  });

  it("gives a call no place", () => {
    const [e] = buildEvents(a, [talks("phone_call")]);
    expect([e!.kind, e!.location, e!.date]).toEqual(["phone_call", null, "2025-05-12"]);
  });

  it("dates a contact «в тот же день» by the one before it; alone it falls back to the article's date", () => {
    const [, tied] = buildEvents(a, [talks(), sameDay()]);
    expect(tied!.date).toBe("2025-05-12");
    expect(tied!.partners.map((p) => p.code)).toEqual(["HR"]);
    const [alone] = buildEvents(a, [sameDay()]);
    expect(alone!.date).toBe("2025-05-14");
  });
});

describe("finalizeEvents", () => {
  const NO_EVIDENCE = { spans: [] as Span[], confidence: 0.9 };
  const person = (name: string, side: Side): ExtractedParticipant => ({ name, position: null, side, spans: [], confidence: 0.9 });
  const country = (code: string, name: string, confidence = 0.9): ExtractedPartner => ({ code, name, type: "country", spans: [[0, 5]], confidence });
  function event(e: Partial<ExtractedEvent>): ExtractedEvent {
    return {
      kind: "meeting",
      kindEvidence: NO_EVIDENCE,
      date: "2025-05-12",
      dateEvidence: NO_EVIDENCE,
      location: "Любляна",
      locationEvidence: NO_EVIDENCE,
      participants: [person(KZ_MINISTER, "home"), person(SI_MINISTER, "partner")],
      partners: [country("SI", "Словения")],
      themes: [],
      quotes: [],
      confidence: 0.8,
      ...e,
    };
  }
  const quote = (text: string) => ({ speaker: SI_MINISTER, text, spans: [] as Span[], confidence: 0.8 });

  describe("mergeDuplicates", () => {
    it("merges a lead repeated further down into one event with the quotes, themes and partners of both", () => {
      const lead = event({ quotes: [quote("Мы партнеры")], themes: [{ code: "economy", spans: [], confidence: 0.7 }] });
      const repeat = event({
        quotes: [quote("Мы партнеры"), quote("Ждем вас в Любляне")],
        themes: [{ code: "economy", spans: [], confidence: 0.7 }, { code: "transport", spans: [], confidence: 0.6 }],
        partners: [country("SI", "Словения"), country("HR", "Хорватия")],
      });
      const merged = mergeDuplicates([lead, repeat]);
      expect(merged).toHaveLength(1);
      expect(merged[0]!.quotes.map((q) => q.text)).toEqual(["Мы партнеры", "Ждем вас в Любляне"]);
      expect(merged[0]!.themes.map((t) => t.code)).toEqual(["economy", "transport"]);
      expect(merged[0]!.partners.map((p) => p.code)).toEqual(["SI", "HR"]);
    });

    it("keeps apart events of another day, kind or cast", () => {
      const events = [
        event({}),
        event({ date: "2025-05-13" }),
        event({ kind: "phone_call" }),
        event({ participants: [person(KZ_MINISTER, "home"), person(HR_MINISTER, "partner")] }),
        // the same names on other sides are other people's roles
        event({ participants: [person(KZ_MINISTER, "partner"), person(SI_MINISTER, "home")] }),
      ];
      expect(mergeDuplicates(events)).toHaveLength(5);
    });
  });

  describe("lendPartners", () => {
    it("gives a guest's record with no partner the partners of the guest's other record, less surely", () => {
      const talks = event({});
      const dinner = event({ participants: [person("Данияр Сапаров", "home"), person(SI_MINISTER, "partner")], partners: [] });
      const [, lent] = lendPartners([talks, dinner]);
      expect(lent!.partners.map((p) => [p.code, p.confidence])).toEqual([["SI", 0.72]]);
      // a copy: the donor's spans are not shared
      expect(lent!.partners[0]!.spans).not.toBe(talks.partners[0]!.spans);
    });

    it("lends nothing through a home official, nor to a statement", () => {
      const talks = event({});
      const otherMeeting = event({ participants: [person(KZ_MINISTER, "home"), person(HR_MINISTER, "partner")], partners: [] });
      const statement = event({ kind: "statement", partners: [] });
      const [, a, b] = lendPartners([talks, otherMeeting, statement]);
      expect(a!.partners).toEqual([]);
      expect(b!.partners).toEqual([]);
    });
  });

  it("lends first, then merges: a partnerless repeat of the talks becomes one event with Slovenia", () => {
    const out = finalizeEvents([event({}), event({ partners: [], quotes: [quote("Мы партнеры")] })]);
    expect(out).toHaveLength(1);
    expect(out[0]!.partners.map((p) => p.code)).toEqual(["SI"]);
    expect(out[0]!.quotes.map((q) => q.text)).toEqual(["Мы партнеры"]);
  });
});
