// What a scraped news page carries besides the article, recognised by its shape rather than by a list of sites.

const words = (line: string): string[] => line.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w));

/** "Новости   Политика", "Қаз | Рус | Eng", "Главная › Политика", "Новости · Власть". */
const SEGMENT_SEPARATOR = /\s{3,}|\s*[|•·]\s*|\s+[›»>→/]\s+|\t+/;
/** A cheap test that a line may hold a SEGMENT_SEPARATOR. */
const NAV_SEPARATOR_HINT = /\s{3}|[|•·›»>→/\t]/;

export function segments(line: string): string[] {
  return line
    .split(SEGMENT_SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A menu, breadcrumb trail or page-meta bar: several short segments, none of them a sentence. */
export function isNavLine(line: string, minSegments: number): boolean {
  // A list the article itself gives starts with a bullet or runs long; a menu does neither.
  if (/^\s*[•·]/.test(line)) return false;
  // "Главная  Новости  Программы  Прямой эфир": four or more items two spaces apart are a menu too
  const spaced = line.trim().split(/\s{2,}/u);
  if (spaced.length >= Math.max(4, minSegments + 1) && spaced.length <= 12 && spaced.every((p) => words(p).length <= 3 && !/[.!?…,;:]["»”]?$/.test(p))) return true;
  // most lines have no separator at all: one segment, not a menu
  if (minSegments > 1 && !NAV_SEPARATOR_HINT.test(line)) return false;
  const parts = segments(line);
  if (parts.length < minSegments || parts.length > 12 || /[()]/.test(line)) return false;
  return parts.every((p) => words(p).length <= 4 && p.length <= 40 && !/[.!?…]["»”]?$/.test(p));
}

const TEMPERATURE = /[+−–-]?\s?\d{1,2}\s?°\s?[CС]?/g;
const MONEY = /(?<![\p{L}\d])(?:USD|EUR|RUB|KZT|CNY|GBP|JPY|TRY|UZS|KGS|Brent|WTI|Нефть|Золото|Gold|BTC|\$|€|₽|₸)\s*[:=]?\s*[▲▼↑↓+−–-]?\s*\d[\d\s]*(?:[.,]\d+)?/giu;
const TREND = /[▲▼↑↓]\s*\d+(?:[.,]\d+)?/g;
const LONE_NUMBER = /^[+−–-]?\d{1,3}(?:[\s\u00a0]?\d{3})*(?:[.,]\d+)?\s*%?$/;
const CURRENCY_CODE = /^(?:USD|EUR|RUB|KZT|CNY|GBP|JPY|TRY|UZS|KGS|Brent|WTI)$/i;
const WEATHER_WORD = /^(?:сейчас|завтра|сегодня|вчера|днём|днем|ночью|утром|вечером|ощущается как.*|погода|курсы?(?: валют)?|бүгін|ертең|қазір)$/i;

/** "Астана +9°   Алматы +17°   USD 444.78   EUR 474.20 ▲ 2.11". */
export function isWidgetLine(line: string): boolean {
  if (!/\d/.test(line) || !/°|[A-Z]{3}|Brent|Нефть|Золото|Gold|[$€₽₸]/.test(line)) return false;
  const stripped = line.replace(TEMPERATURE, " ").replace(MONEY, " ").replace(TREND, " ");
  if (stripped === line) return false;
  const rest = words(stripped.replace(/[|•·,]/g, " "));
  return rest.length <= 4 && rest.every((w) => /^[\p{Lu}\d]/u.test(w));
}

/** A cell of a vertical widget: "-11", "499", "0.00", "USD", "Завтра". */
export function isWidgetCell(line: string): boolean {
  const t = line.trim();
  return LONE_NUMBER.test(t) || CURRENCY_CODE.test(t) || WEATHER_WORD.test(t) || isWidgetLine(t);
}

const SOCIAL = /^(?:facebook|telegram|whatsapp|vk|вконтакте|ok|одноклассники|twitter|x|instagram|youtube|tiktok|viber|threads|linkedin|дзен|яндекс\.?дзен|max|rss)$/i;

/** The page furniture that may sit anywhere: photo credits, tags, share bars, counters, cookie and error notices. */
const FURNITURE: RegExp[] = [
  /^(?:фото|фото и видео|видео|photo|сурет|бейне|коллаж|иллюстрац\S*|инфографика|источник фото)\s*[:/©]/i,
  /^(?:фото|сурет|photo)\s+(?:из открытых источников|с сайта|предоставлено|пресс-службы|архив|автора)/i,
  // "Фото Марат Абилов", "Видео YouTube": a short line opening with the word is a credit.
  /^(?:фото|видео|photo|video|сурет|бейне)(?:\s+\S+){0,5}$/i,
  /^(?:текст|подготовил\S*|материал подготовил\S*|перевод|оператор|монтаж|мәтін)\s*:\s*\S+(?:\s+\S+){0,4}$/i,
  /^(?:читайте|смотрите|см\.) (?:также|ещ[её]|по теме)\s*:\s*\S/i,
  /^(?:больше новостей|все новости|главные новости|ещё больше новостей|еще больше новостей) (?:в|на|читайте)/i,
  /^(?:подпишись|подписаться|subscribe|read also|related|read more)(?![\p{L}])/iu,
  /^(?:политика конфиденциальности|пользовательское соглашение|о (?:нас|проекте|компании)|контакты|реклама на сайте|карта сайта|rss|правила комментирования|редакция|вакансии|privacy policy|terms of use|contacts)$/i,
  /^(?:распечатать|печать|print|слушать(?: новость)?|прослушать(?: новость)?|загрузка\.*|loading\.*|поделиться ссылкой|скопировать ссылку|ссылка скопирована)$/i,
  /^(?:сегодня|вчера|бүгін|кеше|today|yesterday)[,\s]+\d{1,2}:\d{2}$/i,
  /^\d{1,2}:\d{2}$/,
  /^(?:добавить комментарий|ваш e-mail не будет опубликован|пікірлер|комментировать|обсудить)/i,
  /^(?:теги|тегтер|тэги|tags|метки|ключевые слова)(?:\s*\/\s*[\p{L}]+)?\s*:/iu,
  /^(?:поделиться|поделитесь|рассказать друзьям|share|бөлісу|поделиться в соцсетях)(?![\p{L}])/iu,
  /^(?:подписывайтесь|подпишитесь|следите за (?:нами|новостями)|присоединяйтесь к нам|читайте нас|жазылыңыз)(?![\p{L}])/iu,
  /(?:на наш|в нашем|на нашем) (?:канал|telegram|телеграм|instagram|youtube|whatsapp)/i,
  /cookie|куки|файлы cookie/i,
  /(?:заметили|нашли|увидели) (?:ошибку|опечатку)|ctrl\s*\+\s*enter/i,
  /^(?:просмотров|просмотры|просмотрено|қаралым|views|прочитано)\s*:?\s*[\d\s]+$/i,
  /^👁/u,
  /^(?:время чтения|оқу уақыты)\s*:/i,
  /^(?:автор|author|редактор|корреспондент)\s*:\s*\S+(?:\s+\S+){0,3}$/i,
  /^(?:реклама|advertisement|жарнама|партнерский материал|на правах рекламы)$/i,
  /^(?:<\s*)?(?:назад|вернуться|наверх|версия для печати|версия для слабовидящих|поиск по сайту|показать (?:ещ[её]|все) ?\S*|загрузить ещ[её]|все новости|main|главная)$/i,
  /^(?:пікір қалдыр\S*|оставить комментарий|войдите,? чтобы оставить комментарий|комментариев пока нет|авторизуйтесь)/i,
  /(?:подпис\S+ на рассылку|получайте новости|узнавайте главные новости)/i,
];

/** Legal footer: copyright, reprint conditions, registration, age mark. */
const FOOTER: RegExp[] = [
  /©|\(c\)\s*\d{4}|copyright/i,
  /все права защищены|барлық құқықтар қорғалған|all rights reserved/i,
  /(?:перепечатк|копирование|использовани\S*|цитировани\S*) материалов/i,
  /(?:ссылка|гиперссылка) на (?:источник|сайт|\S+\.\S+) обязательна/i,
  /свидетельство о (?:регистрации|постановке)|зарегистрирован\S* в министерстве/i,
  /^\d{1,2}\+$/,
];

/** Contacts: phones, e-mails, postal addresses. */
const CONTACT: RegExp[] = [
  /\+7\s*\(?\d{3,4}\)?\s*[\d-]{2,}[\s-]*\d{2}/,
  /(?<!\d)8\s*\(\d{3,4}\)\s*\d/,
  /[\w.+-]+@[\w-]+\.[\w.]+|\[email[\s\u00a0]*protected\]/i,
  /^\d{6},\s/,
  /^(?:адрес|адрес редакции|тел\.?|телефон(?: редакции)?|факс|контакты|байланыс|e-?mail|почта|пишите нам|приемная|приёмная|реклама)\s*:/i,
];

/** A block opened by one of these headings lists other articles or comments. */
const LIST_HEADING =
  /^(?:читайте также|читайте еще|читайте ещё|см\. также|смотрите также|материалы по теме|по теме|похожие (?:новости|материалы)|ұқсас жаңалықтар|другие новости|новости партнеров|популярное(?: за \S+)?|самое (?:читаемое|популярное|интересное)|рекомендуем|топ новостей|последние новости|лента новостей|оқи отырыңыз|тағы оқыңыз|комментари[иея]\s*(?:\(\d+\)|:?\s*\d*)?)(?:\s*[/|]\s*[^:]*)?\s*:?$/i;

export function isListHeading(line: string): boolean {
  return LIST_HEADING.test(line.trim()) || /^(?:ұқсас жаңалықтар|похожие новости)\s*\/\s*\S+/i.test(line.trim());
}

export function isHashtagLine(line: string): boolean {
  const tokens = line.trim().split(/\s+/);
  const tags = tokens.filter((t) => t.startsWith("#")).length;
  return tags >= 1 && tags >= tokens.length * 0.6;
}

export function isSocialLine(line: string): boolean {
  const parts = line.split(/[\s|•·,]+/).filter(Boolean);
  return parts.length >= 2 && parts.every((p) => SOCIAL.test(p));
}

export function isFurniture(line: string): boolean {
  const t = line.trim();
  return FURNITURE.some((r) => r.test(t)) || isHashtagLine(t) || isSocialLine(t) || isListHeading(t);
}

/** Short legal or contact lines; long lines are prose even when they mention a phone or ©. */
export function isFooterLine(line: string): boolean {
  const t = line.trim();
  const n = words(t).length;
  return (n <= 30 && FOOTER.some((r) => r.test(t))) || (n <= 15 && CONTACT.some((r) => r.test(t)));
}

export function isCopyrightLine(line: string): boolean {
  const t = line.trim();
  return words(t).length <= 30 && (FOOTER[0].test(t) || FOOTER[1].test(t));
}

/** "• Курс доллара: что будет...", "— Паводки в Казахстане: ...", "→ Казахстан председательствует ...". */
export function isListItem(line: string): boolean {
  return /^\s*[•·→—–\-*►▶]\s*\S/.test(line) && words(line).length <= 25;
}
