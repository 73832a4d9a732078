// The news outlet an article names as its source, as it names itself. Read from the raw text, footer included.
import { segments } from "./boilerplate";

/** A name in guillemets, optionally after an agency prefix: "«24KZ»", "ИА «Дунё»", "МИА «Казинформ»". */
const QUOTED = String.raw`(?:(?:МИА|ИА|РИА|АО|ТОО|ИАЦ|ТК|ИД|РГП|агентство|агентства|портал|портала|газета|газеты|издание|издания|телеканал|телеканала)\s+)?«[^»\n]{1,40}»`;
/** A Latin name or domain, possibly of several words: "Kazpravda.kz", "BAQ.KZ", "Turan Times", "Sputnik Казахстан". */
const LATIN = String.raw`[A-Za-z0-9][A-Za-z0-9.&'\-]*[A-Za-z0-9](?:[ \t]+(?:[A-Z0-9][A-Za-z0-9.&'\-]*|Казахстан|Кыргызстан|Узбекистан|Беларусь|Россия))*|[A-Za-z]`;
/** A domain spelled in Cyrillic or with a Cyrillic name: "Закон.кз", "Азаттык.ру". */
const CYR_DOMAIN = String.raw`[А-ЯЁ][А-Яа-яЁё\-]+\.(?:кз|ру|рф|kz|ru|com|info|org|net|uz|kg|by)`;
/** An agency abbreviated in Cyrillic capitals, possibly with a word: "ТАСС", "РИА Новости", "БЕЛТА". */
const CYR_ACRONYM = String.raw`[А-ЯЁ]{2,6}(?:[ \t]+[А-ЯЁ][а-яё]+)?`;
const NAME = String.raw`(?:${QUOTED}|${CYR_DOMAIN}|${LATIN}|${CYR_ACRONYM})`;
/** State bodies in capitals report news too, but they are sources, not outlets. */
const STATE_BODY = /^(?:МИД|МВД|МЧС|МО|КНБ|ЦИК|ООН|ВОЗ|ГП|АП|ДВД|ДЧС|НБ|НБК|АФР|РК|РФ|США|ЕС|СНГ|ОДКБ|ШОС|ЕАЭС|ОБСЕ|НАТО|МНЭ|МЭ|МФ|МЗ|МОН|МСХ|СК|ФСБ|ГИБДД|ДКНБ|ВС|ЕЭК|ОТГ)(?:\s|$)/;

const ATTRIBUTION_VERB = String.raw`(?:сообща(?:ет|ют|ло)|переда[её]т|передают|пишет|информирует|хабарлайды|хабарлады|жазады)`;
const ATTRIBUTION_ROLE = String.raw`(?:(?:собственный\s+|специальный\s+)?корреспондент(?:а|ы)?\s+|пресс-служба\s+(?=«)|сайт\s+|портал\s+|агентство\s+|издание\s+|газета\s+|телеканал\s+|тілшісі\s+|(?:[а-яё]+\s+){1,3}(?=[A-Z«]))?`;

/** "..., сообщает Kazpravda.kz со ссылкой на ...", "передает «24KZ»", "деп хабарлайды «Адырна» ұлттық порталы". */
const ATTRIBUTION = new RegExp(String.raw`${ATTRIBUTION_VERB}\s+${ATTRIBUTION_ROLE}(${NAME})(?=\s*(?:[.,;:)]|со ссылкой|$|\s+[а-яёәғқңөұүһі]))`, "gmu");
/** "…, сообщает пресс-служба Сената.", "передает пресс-служба Акорды": the office that published the news is its outlet. */
const PRESS_SERVICE_ATTRIBUTION = new RegExp(String.raw`${ATTRIBUTION_VERB}\s+((?:пресс-служба|пресс-центр|пресс-бюро)\s+(?:[А-ЯЁ][\p{L}-]*|МИД|[а-яё]+\s+[А-ЯЁ][\p{L}-]*)(?:\s+(?:[А-ЯЁ][\p{L}-]*|РК|РФ)){0,4})(?=\s*(?:[.,;)]|$))`, "gmu");

/** The same verb opening the sentence ("Как сообщает Reuters, ...") usually cites another medium, so it ranks lower. */
const CITING = /(?:как|об этом)\s+$/i;

/** "АСТАНА, 16 октября. /ТАСС/.", "/ИА «Дунё»/", "/Корр. КАЗИНФОРМ/". */
const SLASH_DATELINE = /(?:^|\n)[\p{Lu}][\p{L}-]+(?:[ -][\p{Lu}][\p{L}-]+)?[,.]\s+(?:\d{1,2}\s+\p{L}+\.?,?\s+(?:\d{4}\s*(?:г\.|года)?\.?\s*)?)?\/\s*(?:корр\.\s*|корреспондент\s+)?([^/\n]{2,40}?)\s*\//giu;

/**
 * "АСТАНА. KAZINFORM — ...", "Астана. 15 августа. KAZAKHSTAN TODAY - ...", "АЛМАТЫ, 5 марта. КазТАГ – ...":
 * a dateline naming the agency before a dash.
 */
const DASH_DATELINE = /(?:^|\n)[\p{Lu}][\p{L}-]+(?:[ -][\p{Lu}][\p{L}-]+)?[,.]\s+(?<date>\d{1,2}\s+\p{L}+[.,]\s+)?(?<name>(?:[\p{Lu}0-9][\p{L}0-9.&'-]*)(?:\s+[\p{Lu}0-9][\p{L}0-9.&'-]*){0,3})\s+[—–-]\s/gu;

/** "МИНСК, 5 марта (БЕЛТА) – ...", "ЛОНДОН, 3 мая (Reuters) - ...". */
const PAREN_DATELINE = /(?:^|\n)[\p{Lu}][\p{L}-]+(?:[ -][\p{Lu}][\p{L}-]+)?[,.]\s+\d{1,2}\s+\p{L}+\.?\s*\(([^()\n]{2,30})\)\s*[—–-]\s/gu;

/** "АСТАНА, 12 мар — Sputnik. ...", "МОСКВА, 12 мар — РИА Новости. ...": the agency after the dash. */
const AFTER_DASH_DATELINE = /(?:^|\n)[\p{Lu}][\p{L}-]+(?:[ -][\p{Lu}][\p{L}-]+)?,\s+\d{1,2}\s+\p{L}+\.?\s+[—–-]\s+([\p{Lu}0-9][\p{L}0-9.&'-]*(?:\s+[\p{Lu}][\p{L}0-9.&'-]*){0,2})\.\s/gu;

/** "ИСТОЧНИК: БЕЛАРУСЬ СЕГОДНЯ", "Источник: Sputnik". */
const SOURCE_LINE = /^\s*(?:источник|дереккөз|source|по материалам)\s*:?\s*(.{2,50}?)\s*$/gimu;

/** Legal-form and kind-of-medium words that precede the name in a copyright line. */
const COPYRIGHT_PREFIX = /^(?:(?:АО|ТОО|ООО|ОАО|ЗАО|РГП|ГУ|РГУ|НАО|АҚ|ЖШС)\s+|(?:информационное агентство|информационный портал|сетевое издание|интернет-издание|новостной портал|газета|редакция|издательский дом|медиахолдинг|ТОО)\s+)+/i;

export interface OutletHints {
  /** og:site_name of an HTML page. */
  siteName?: string | null;
}

export function findOutlet(raw: string, hints: OutletHints = {}): string | null {
  const text = raw.replace(/\r\n?/g, "\n").replace(/[\u00a0\u202f]/g, " ");
  const candidates: (string | null)[] = [
    attribution(text, false),
    firstGroup(SLASH_DATELINE, text),
    firstGroup(PAREN_DATELINE, text),
    firstGroup(AFTER_DASH_DATELINE, text),
    dashDateline(text),
    sourceLine(text),
    hints.siteName ?? null,
    copyright(text),
    // an office that published its own news, when no medium is named
    pressService(text),
    attribution(text, true),
    masthead(text),
    signature(text),
  ];
  for (const candidate of candidates) {
    const clean = candidate ? tidy(candidate) : null;
    if (clean) return clean;
  }
  return null;
}

function attribution(text: string, allowCiting: boolean): string | null {
  for (const m of text.matchAll(ATTRIBUTION)) {
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (CITING.test(before) !== allowCiting) continue;
    if (STATE_BODY.test(m[1])) continue;
    return m[1];
  }
  return null;
}

function pressService(text: string): string | null {
  for (const m of text.matchAll(PRESS_SERVICE_ATTRIBUTION)) {
    if (CITING.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    return m[1]!;
  }
  return null;
}

function firstGroup(pattern: RegExp, text: string): string | null {
  for (const m of text.matchAll(pattern)) if (m[1]) return m[1];
  return null;
}

function dashDateline(text: string): string | null {
  for (const m of text.matchAll(DASH_DATELINE)) {
    const name = m.groups?.name ?? "";
    // In capitals, or with a capital inside the word ("КазТАГ", "ҚазАқпарат"), it is an agency, not a sentence's first word.
    if (/\p{Lu}{2}/u.test(name) && name === name.toUpperCase()) return name;
    if (/\p{L}\p{Lu}/u.test(name) && name.split(/\s+/).length <= 2) return name;
  }
  return null;
}

function sourceLine(text: string): string | null {
  for (const m of text.matchAll(SOURCE_LINE)) {
    const value = m[1];
    // "Источник: пресс-служба МИД" names an office, not an outlet; outlets are written as proper names.
    const url = /^(?:https?:\/\/)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})(?:\/\S*)?$/i.exec(value);
    if (url) return url[1];
    // "Источник: МИД РК" names a state body, a source rather than an outlet
    if (/^[\p{Lu}«"\d]/u.test(value) && !/^(?:фото|пресс-служба)/i.test(value) && !STATE_BODY.test(value)) return value;
  }
  return null;
}

function copyright(text: string): string | null {
  const lines = text
    .split("\n")
    .map((l) => l.replace(/\(c\)|copyright\s*©?/gi, "©"))
    .filter((l) => l.includes("©"));
  for (const line of lines.reverse()) {
    // "Kapital.kz © 2010–2024. Перепечатка …": a site's name right before the sign
    const lead = line.slice(0, line.indexOf("©")).trim();
    if (/^[\p{L}0-9-]+\.(?:kz|ru|com|org|net|info|uz|kg|by|кз)$/iu.test(lead)) return lead;
    const after = line.slice(line.indexOf("©") + 1);
    const afterName = after
      .replace(/^\s*(?:\d{4}\s*(?:[–—-]\s*\d{4})?\s*[,.]?\s*)?/, "")
      .split(/[.,;|]\s|\s+[–—-]\s|\s\d{4}|\s{2,}|\[|\s+(?:все права|барлық|all rights)|\.$/i)[0]
      .trim();
    if (afterName && !/^(?:все права|барлық|all rights)/i.test(afterName) && afterName.split(/\s+/).length <= 6) {
      return afterName.replace(COPYRIGHT_PREFIX, "");
    }
    // "DKNews.kz © Все права защищены", "NUR.KZ – крупнейший портал © 2024": the name precedes the sign.
    const before = line.slice(0, line.indexOf("©")).split(/\s+[–—-]\s+|[.,;|]\s/)[0].trim();
    if (before && before.split(/\s+/).length <= 4 && !/все права/i.test(before)) return before.replace(COPYRIGHT_PREFIX, "");
  }
  return null;
}

/** The site's own name opening the page: "Zakon.kz   Новости ...", "KAZAKHSTAN TODAY   Информационное агентство". */
function masthead(text: string): string | null {
  const first = text.split("\n").find((l) => l.trim() !== "");
  if (!first) return null;
  // "Parlam.kz — информационный портал Мажилиса": the name before a tagline
  const name = segments(first)[0]?.split(/\s+[—–|]\s+/u)[0];
  if (!name || name.split(/\s+/).length > 4) return null;
  const looksLikeName = /\.(?:kz|ru|com|info|org|net|uz|kg|by|кз)$/i.test(name) || (/^[A-Z0-9][A-Z0-9 .&-]{2,}$/.test(name) && /[A-Z]{2}/.test(name)) || /«[^»]+»/.test(name);
  return looksLikeName ? name : null;
}

/** A body that publishes its own news: "Пресс-служба Сената", "Пресс-центр МИД Республики Беларусь", "Официальный сайт Президента". */
const PRESS_OFFICE = /^(?:(?:Официальный\s+)?(?:пресс-служба|пресс-центр|пресс-бюро|информационная служба|служба информации|сайт|интернет-ресурс|портал)\s+\S.*|Управление(?:\s+\S+){0,3}\s+(?:информации|коммуникаций|по связям с общественностью)\b.*)$/iu;
/** A bare domain or the address of a page: "Akorda.kz", "www.gov.kz", "https://senate.parlam.kz/ru-RU/news". */
const DOMAIN_LINE = /^(?:https?:\/\/)?(?:www\.)?((?:[\p{L}0-9-]+\.)+(?:kz|ru|com|org|net|info|gov|uz|kg|by|tj|am|az|ge|md|ua|cn|kr|jp|tr|de|fr|uk|int|eu|кз|рф|қаз))(?:\/\S*)?$/iu;

/**
 * The article signed at its foot by whoever published it, on a short line of its own: "Пресс-служба Мажилиса",
 * "Akorda.kz", "Сайт Министерства иностранных дел Республики Казахстан". The weakest evidence, used when nothing
 * else names an outlet.
 */
function signature(text: string): string | null {
  const lines = text.split("\n").map((l) => l.trim()).filter((l) => l !== "");
  for (const line of lines.slice(-2).reverse()) {
    const bare = line.replace(/^(?:©|\(c\)|источник\s*:)\s*/i, "").replace(/[.;]+$/, "").trim();
    if (bare.length < 3 || bare.length > 90 || bare.split(/\s+/).length > 10) continue;
    const domain = DOMAIN_LINE.exec(bare);
    // the site as it writes itself: "Akorda.kz" from the line itself, the host from a page address
    if (domain) return /^(?:https?:|www\.)/i.test(bare) || bare.includes("/") ? domain[1] : bare;
    if (PRESS_OFFICE.test(bare) && !/[.!?»]\s/.test(bare)) return bare;
  }
  return null;
}

function tidy(name: string): string | null {
  let clean = name.replace(/\s+/g, " ").trim().replace(/[.,;:]+$/, "").trim();
  if (/^«[^»]+»$/.test(clean)) clean = clean.slice(1, -1).trim();
  if (clean.length < 2 || clean.length > 60) return null;
  return clean;
}
