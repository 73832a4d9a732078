// A fetched article page → what lib/ingest reads: HTML or plain text only (a PDF or an
// image is refused by its type), decoded by the HTTP charset when the server names one
// of the encodings Russian news uses (it outranks <meta charset>, as in browsers; a BOM
// outranks both), else by the extractor's own detection on the bytes.
import { SourceRefusal } from "./guard";
import { contentType, type PoliteResponse } from "./fetch";

const TEXT_TYPES = new Set(["text/html", "application/xhtml+xml", "text/plain", ""]);
const CHARSETS: Record<string, string> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  "windows-1251": "windows-1251",
  cp1251: "windows-1251",
  "koi8-r": "koi8-r",
  ibm866: "ibm866",
};

export type ArticleBody = { bytes: Uint8Array } | { text: string };

function hasBom(bytes: Buffer): boolean {
  return (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

export function articleBody(response: PoliteResponse): ArticleBody {
  const { type, charset } = contentType(response);
  if (!TEXT_TYPES.has(type)) throw new SourceRefusal(`not an HTML page (${type})`);
  if (response.body.subarray(0, 5).toString("latin1") === "%PDF-") throw new SourceRefusal("not an HTML page (a PDF)");
  if (response.body.byteLength === 0) throw new SourceRefusal("the page is empty");
  const label = charset ? CHARSETS[charset] : undefined;
  if (label && !hasBom(response.body)) return { text: new TextDecoder(label).decode(response.body) };
  return { bytes: new Uint8Array(response.body) };
}

/** The name the article is stored under (articles.source_name): its URL. */
export function articleFileName(response: PoliteResponse): string {
  return response.url.href.slice(0, 300);
}
