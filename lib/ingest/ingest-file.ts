// The one way articles enter Chronicle (the Add articles page, `npm run ingest`, the
// seed and the background queue all call ingestFile): decode and extract outside any
// transaction, then write each article with all its records in ONE transaction, so an
// article is either wholly stored or not at all.
import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/index";
import { articles } from "@/db/schema";
import { ExtractionError, type ExtractedArticle, type FileExtraction } from "@/lib/extract/types";
import { formatBytes, MAX_FILE_BYTES } from "./limits";
import { contentHash } from "./normalize";
import type { ArticleExtractor, ArticleOutcome, IngestOverrides } from "./types";
import { attachSource, findAttachTarget, matchKeys } from "./attach";
import { insertMeeting, liveThemeCodes, validIsoDate } from "./write-meeting";

export interface IngestFileInput {
  /** The file's bytes (any encoding the extractor reads) — or `text` for pasted text. */
  bytes?: Uint8Array;
  text?: string;
  fileName: string;
  overrides?: IngestOverrides;
  /** ISO date that dates an article without a dateline of its own (a feed item's date); the article's own wins. */
  fallbackDate?: string | null;
  /** The importing user; null/undefined = the machine (seed, command line). */
  userId?: number | null;
  extractor: ArticleExtractor & { version?: string };
  extractorVersion?: string;
  /** Runs inside each stored article's transaction (the queue marks its item stored there). */
  onStored?: (tx: Tx, outcome: Extract<ArticleOutcome, { status: "stored" }>) => Promise<void>;
}

/** Deadlocks and serialization failures between concurrent imports are retried. */
const RETRYABLE = new Set(["40P01", "40001"]);
const MAX_ATTEMPTS = 3;

function errorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

function describe(error: unknown): string {
  const inner = (error as { cause?: unknown })?.cause ?? error;
  return inner instanceof Error ? inner.message : String(inner);
}

async function extract(input: IngestFileInput): Promise<FileExtraction> {
  const { extractor } = input;
  if (input.text !== undefined) {
    if (input.text.length > MAX_FILE_BYTES) throw new ExtractionError(`too large (over ${formatBytes(MAX_FILE_BYTES)})`);
    const opts = { isHtml: /\.html?$/i.test(input.fileName) || undefined, fallbackDate: input.fallbackDate };
    return extractor.runText ? extractor.runText(input.text, opts) : extractor.extractText(input.text, opts);
  }
  const bytes = input.bytes ?? new Uint8Array();
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw new ExtractionError(`too large: ${formatBytes(bytes.byteLength)} (the limit is ${formatBytes(MAX_FILE_BYTES)})`);
  }
  if (bytes.byteLength === 0) throw new ExtractionError("empty file");
  const opts = { fileName: input.fileName, fallbackDate: input.fallbackDate };
  return extractor.runBytes ? extractor.runBytes(bytes, opts) : extractor.extractBytes(bytes, opts);
}

async function storeArticle(
  db: Db,
  input: IngestFileInput,
  file: FileExtraction,
  article: ExtractedArticle,
): Promise<ArticleOutcome> {
  const hash = contentHash(article.text);
  const overrides = input.overrides ?? {};
  const extractorVersion = input.extractorVersion ?? input.extractor.version ?? "unknown";
  const userId = input.userId ?? null;
  return db.transaction(async (tx) => {
    // ON CONFLICT on the unique hash: a concurrent import of the same article waits
    // here for the other transaction and then sees its row instead of storing a second.
    const [inserted] = await tx
      .insert(articles)
      .values({
        contentHash: hash,
        rawText: file.articles.length === 1 ? file.raw : article.text,
        cleanText: article.text,
        title: article.title,
        outlet: overrides.outlet || article.outlet,
        url: overrides.url || null,
        publishedOn: validIsoDate(overrides.publishedOn) ?? validIsoDate(article.publishedOn),
        language: article.language,
        sourceName: input.fileName,
        // Pasted text has no file; a path keeps only its last part (the batch's file name).
        file: input.text !== undefined ? null : input.fileName.split(/[\\/]/).pop() || null,
        encoding: file.encoding,
        importedBy: userId,
        extractorVersion,
        people: article.people.map((p) => ({ name: p.name, spans: p.spans })),
      })
      .onConflictDoNothing({ target: articles.contentHash })
      .returning({ id: articles.id });
    if (!inserted) {
      const [existing] = await tx
        .select({ id: articles.id, title: articles.title })
        .from(articles)
        .where(sql`${articles.contentHash} = ${hash}`);
      return { status: "duplicate", articleId: existing.id, title: existing.title } as const;
    }
    const themeCodes = await liveThemeCodes(tx);
    let attached = 0;
    for (const [ordinal, event] of article.events.entries()) {
      // The same contact reported earlier by another outlet: this article becomes its source.
      const keys = await matchKeys(tx, event);
      const target = await findAttachTarget(tx, { event, articleId: inserted.id, keys });
      if (target !== null) {
        await attachSource(tx, { meetingId: target, articleId: inserted.id, ordinal, event, keys, themeCodes, userId });
        attached++;
        continue;
      }
      await insertMeeting(tx, { articleId: inserted.id, ordinal, event, extractorVersion, userId, themeCodes });
    }
    const outcome = {
      status: "stored",
      articleId: inserted.id,
      meetingsCreated: article.events.length - attached,
      sourcesAttached: attached,
      title: article.title,
    } as const;
    await input.onStored?.(tx, outcome);
    return outcome;
  });
}

async function storeWithRetry(db: Db, input: IngestFileInput, file: FileExtraction, article: ExtractedArticle): Promise<ArticleOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await storeArticle(db, input, file, article);
    } catch (error) {
      if (attempt < MAX_ATTEMPTS && RETRYABLE.has(errorCode(error) ?? "")) continue;
      return { status: "refused", reason: `could not be stored (${describe(error)}); nothing of it was kept` };
    }
  }
}

/** Fewer letters than this is not an article ("Тест 1"): refused rather than stored without records. */
export const MIN_ARTICLE_LETTERS = 40;

/**
 * Why an article is refused, in words that say what is wrong: too little text, bytes that
 * are not text, a page without an article, or a language other than Russian (the
 * extractor reads Russian only; the reason names the language).
 */
function refusal(article: ExtractedArticle, file: FileExtraction): string | null {
  const letters = article.text.match(/\p{L}/gu)?.length ?? 0;
  if (article.text.trim() === "") return file.isHtml ? "no article text found in the page" : "no article text found";
  if (letters < MIN_ARTICLE_LETTERS) return `too little text: ${letters} letters (an article needs at least ${MIN_ARTICLE_LETTERS})`;
  if (article.language === "ru") return null;
  if (article.language === "und" || !article.language) {
    const visible = article.text.replace(/\s+/g, "").length;
    const garbled = (article.text.match(/\uFFFD/g)?.length ?? 0) > 0 || letters < visible * 0.5;
    if (garbled) return "the file could not be decoded as text (UTF-8, Windows-1251, KOI8-R or CP866)";
    if (file.isHtml) return "no article found in the page: its text is not Russian prose";
    return "the language of the text could not be recognised (the extractor reads Russian only)";
  }
  return `not Russian (${article.language})`;
}

/** One outcome per article in the file; a file refused as a whole gives one refused outcome. */
export async function ingestFile(db: Db, input: IngestFileInput): Promise<ArticleOutcome[]> {
  let file: FileExtraction;
  try {
    file = await extract(input);
  } catch (error) {
    if (error instanceof ExtractionError) return [{ status: "refused", reason: error.message }];
    return [{ status: "refused", reason: `the extractor failed on this file (${describe(error)})` }];
  }
  if (file.articles.length === 0) return [{ status: "refused", reason: "no article found in the file" }];
  const outcomes: ArticleOutcome[] = [];
  for (const article of file.articles) {
    const reason = refusal(article, file);
    outcomes.push(reason ? { status: "refused", reason } : await storeWithRetry(db, input, file, article));
  }
  return outcomes;
}
