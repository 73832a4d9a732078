// What an article is called on every page: its own headline, else the first sentence of
// its text that is not metadata (a date stamp, a photo credit, a short dateline), so the
// list and the article page never disagree and no metadata line becomes a title.
const DATE_STAMP = /^\s*date\s+\d{4}-\d{2}-\d{2}\s*/iu;
const PHOTO_CREDIT = /^\s*(?:фото|photo|источник фото)\s*:.*$/iu;
const META_LINE = /^(?:\d{1,2}:\d{2}\b|\d{1,2}\s+\p{L}+\s+\d{4}\b|\d{4}-\d{2}-\d{2}\b)/iu;
const MIN_CHARS = 20;
const MAX_CHARS = 160;

export function displayTitle(title: string | null | undefined, text: string): string | null {
  if (title?.trim()) return title.trim();
  for (const raw of text.split("\n")) {
    const line = raw.replace(DATE_STAMP, "").replace(PHOTO_CREDIT, "").trim();
    if (line.length < MIN_CHARS || META_LINE.test(line)) continue;
    const sentence = line.match(new RegExp(`^.{${MIN_CHARS},${MAX_CHARS}}?[.!?…](?=\\s|$)`, "u"))?.[0] ?? line;
    return sentence.length > MAX_CHARS ? `${sentence.slice(0, MAX_CHARS - 1)}…` : sentence;
  }
  return null;
}
