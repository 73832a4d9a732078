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
import { insertMeeting, liveThemeCodes, validIsoDate } from "./write-meeting";

export interface IngestFileInput {
  /** The file's bytes (any encoding the extractor reads) — or `text` for pasted text. */
  bytes?: Uint8Array;
  text?: string;
  fileName: string;
  overrides?: IngestOverrides;
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
    const opts = { isHtml: /\.html?$/i.test(input.fileName) || undefined };
    return extractor.runText ? extractor.runText(input.text, opts) : extractor.extractText(input.text, opts);
  }
  const bytes = input.bytes ?? new Uint8Array();
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw new ExtractionError(`too large: ${formatBytes(bytes.byteLength)} (the limit is ${formatBytes(MAX_FILE_BYTES)})`);
  }
  if (bytes.byteLength === 0) throw new ExtractionError("empty file");
  const opts = { fileName: input.fileName };
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
    for (const [ordinal, event] of article.events.entries()) {
      await insertMeeting(tx, { articleId: inserted.id, ordinal, event, extractorVersion, userId, themeCodes });
    }
    const outcome = { status: "stored", articleId: inserted.id, meetingsCreated: article.events.length, title: article.title } as const;
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

/** Non-Russian articles are refused (the extractor reads Russian only); the reason names the language. */
function refusal(article: ExtractedArticle): string | null {
  if (article.language !== "ru") return `not Russian (${article.language || "unknown language"})`;
  if (article.text.trim() === "") return "no article text found";
  return null;
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
    const reason = refusal(article);
    outcomes.push(reason ? { status: "refused", reason } : await storeWithRetry(db, input, file, article));
  }
  return outcomes;
}
