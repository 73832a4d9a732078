// Rule data: the title words news uses to refer again to an official it has already named
// ("министр провел серию встреч", "спикер встретился с …", "Затем аким принял посла …").
// `lemma` is the dictionary form of the head word; `matches` are the stems a named person's title
// must contain for the word to refer to them; `home` marks heads that only Kazakhstan's officials
// carry (аким), so that with no matching title they refer to the home side's protagonist.
// `examples` are sentences (after a sentence naming the person) in which the word refers back;
// tests/unit/extract-rules-data.test.ts runs them.

export interface ReferenceHead {
  lemma: string;
  matches: string[];
  home: boolean;
  /** Refers to the visiting (partner) side's protagonist: "гость". */
  partner?: boolean;
  /** A word for a whole delegation ("парламентарии"): refers to its head, only with Kazakhstan named (see COLLECTIVE). */
  collective?: boolean;
  /** A head whose next word says whose head it is ("глава государства", "глава МИД"): those readings first. */
  qualified?: { next: RegExp; matches: string[]; home?: boolean }[];
  examples: { before: string; sentence: string; refersTo: string }[];
}

const HEADS: ReferenceHead[] = [
  {
    lemma: "министр",
    matches: ["министр"],
    home: false,
    examples: [{ before: "Министр иностранных дел Казахстана Мурат Нуртлеу прибыл в Джидду.", sentence: "На полях сессии министр провел серию встреч.", refersTo: "Мурат Нуртлеу" }],
  },
  { lemma: "вице-министр", matches: ["вице-министр", "заместител"], home: false, examples: [] },
  { lemma: "замминистра", matches: ["замминистр", "заместител", "вице-министр"], home: false, examples: [] },
  {
    lemma: "аким",
    matches: ["аким", "глава региона", "глава области", "глава города", "глава района"],
    home: true,
    examples: [{ before: "Глава региона Асхат Шахаров провел ряд встреч.", sentence: "Затем аким принял посла Индии.", refersTo: "Асхат Шахаров" }],
  },
  {
    lemma: "спикер",
    matches: ["спикер", "председател"],
    home: false,
    examples: [{ before: "Председатель Сената Маулен Ашимбаев прибыл в Ватикан.", sentence: "В тот же день спикер встретился с кардиналом.", refersTo: "Маулен Ашимбаев" }],
  },
  { lemma: "председатель", matches: ["председател", "спикер"], home: false, examples: [] },
  {
    lemma: "глава",
    matches: ["глава", "председател", "руководител"],
    home: false,
    qualified: [
      // in this press "Глава государства" without a country is Kazakhstan's President
      { next: /^государств/u, matches: ["президент", "глава государства"], home: true },
      { next: /^правительств/u, matches: ["премьер", "глава правительства"] },
      // "глава МИД", "глава Минюста", "глава ведомства": a ministry with no country named is one of Kazakhstan's
      { next: /^(?:мид|министерств|ведомств|внешнеполитическ|дипломати|мин[а-яё]{3,}|казахстанск\S*\s+(?:мид|внешнеполитическ|ведомств|дипломати|министерств))/u, matches: ["министр", "глава мид", "глава министерства"], home: true },
      { next: /^(?:регион|област|город|района|столиц|акимат)/u, matches: ["аким", "глава региона", "глава области", "глава города"], home: true },
    ],
    examples: [{ before: "Министр иностранных дел Казахстана Мурат Нуртлеу прибыл в Маскат.", sentence: "С министром иностранных дел Омана глава казахстанского МИД обсудил инвестиции.", refersTo: "Мурат Нуртлеу" }],
  },
  { lemma: "руководитель", matches: ["руководител", "глава"], home: false, examples: [] },
  { lemma: "президент", matches: ["президент", "глава государства"], home: false, examples: [] },
  { lemma: "премьер-министр", matches: ["премьер"], home: false, examples: [] },
  { lemma: "премьер", matches: ["премьер"], home: false, examples: [] },
  { lemma: "вице-премьер", matches: ["вице-премьер", "заместитель премьер"], home: false, examples: [] },
  { lemma: "посол", matches: ["посол", "посла"], home: false, examples: [] },
  { lemma: "сенатор", matches: ["сенатор", "депутат сената"], home: true, examples: [] },
  { lemma: "мажилисмен", matches: ["мажилисмен", "депутат мажилиса"], home: true, examples: [] },
  { lemma: "депутат", matches: ["депутат"], home: false, examples: [] },
  { lemma: "генсек", matches: ["генсек", "генеральный секретарь", "генерального секретаря"], home: false, examples: [] },
  { lemma: "госсекретарь", matches: ["госсекретар", "государственный секретарь"], home: false, examples: [] },
  { lemma: "советник", matches: ["советник"], home: false, examples: [] },
  {
    lemma: "гость",
    matches: [],
    home: false,
    partner: true,
    examples: [{ before: "Президент принял Генерального секретаря Организации исламского сотрудничества Хиссейна Брахима Таху.", sentence: "«Опыт Казахстана заслуживает изучения», – подчеркнул гость.", refersTo: "Хиссейн Брахим Таха" }],
  },
  {
    lemma: "гостья",
    matches: [],
    home: false,
    partner: true,
    examples: [{ before: "Президент принял Генерального секретаря ОБСЕ Марию Бергстрем.", sentence: "«Опыт Казахстана заслуживает изучения», – подчеркнула гостья.", refersTo: "Мария Бергстрем" }],
  },
  { lemma: "госсоветник", matches: ["госсоветник", "государственный советник"], home: true, examples: [] },
];

/**
 * Words for a delegation as a whole ("казахстанские парламентарии были приняты …", "переговоры сенаторов с …"): with
 * Kazakhstan named in the phrase (or a head only Kazakhstan's side carries here, "сенаторы"), they stand for the home
 * side's protagonist, the head of the delegation. Plural forms count; `examples` as above.
 */
export interface CollectiveHead {
  lemma: string;
  /** Refers to the home side without a cue in the phrase. */
  home: boolean;
  examples: { before: string; sentence: string; refersTo: string }[];
}

const COLLECTIVE: CollectiveHead[] = [
  {
    lemma: "парламентарий",
    home: false,
    examples: [{ before: "Делегацию Сената Казахстана возглавил председатель комитета Бекет Мусабеков.", sentence: "Во вторник казахстанские парламентарии были приняты Председателем Парламента.", refersTo: "Бекет Мусабеков" }],
  },
  { lemma: "сенатор", home: true, examples: [] },
  { lemma: "депутат", home: false, examples: [] },
  { lemma: "делегация", home: false, examples: [] },
  { lemma: "дипломат", home: false, examples: [] },
];

export const COLLECTIVE_HEADS: ReadonlyMap<string, CollectiveHead> = new Map(COLLECTIVE.map((h) => [h.lemma, h]));

/** By lemma. */
export const REFERENCE_HEADS: ReadonlyMap<string, ReferenceHead> = new Map(HEADS.map((h) => [h.lemma, h]));
