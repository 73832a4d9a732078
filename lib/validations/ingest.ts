// Inputs of the Add articles page and the ingestion API. Messages are keys under "ingest.errors".
import { z } from "zod";
import { ACCEPTED_EXTENSIONS, MAX_FILES_PER_UPLOAD, MAX_PASTE_CHARS, hasAcceptedExtension } from "@/lib/ingest/limits";
import { hasNoNul, MAX_DB_ID } from "./ids";

const optionalText = (max: number, key: string) =>
  z
    .string()
    .trim()
    .max(max, { error: key })
    .optional()
    .transform((v) => (v ? v : undefined));

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "date" })
  .refine((v) => !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().startsWith(v), { error: "date" });

export const pasteSchema = z.object({
  text: z.string({ error: "text_required" }).trim().min(1, { error: "text_required" }).max(MAX_PASTE_CHARS, { error: "text_too_long" }),
  outlet: optionalText(200, "outlet"),
  url: z
    .string()
    .trim()
    .max(2000, { error: "url" })
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.url({ protocol: /^https?$/, error: "url" }).optional()),
  publishedOn: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(isoDateSchema.optional()),
});
export type PasteInput = z.infer<typeof pasteSchema>;

/** Names and count of uploaded files (their size is checked on the server while reading). */
export const uploadSchema = z
  .array(z.object({ name: z.string().min(1).max(300), size: z.number().int().nonnegative() }))
  .min(1, { error: "no_files" })
  .max(MAX_FILES_PER_UPLOAD, { error: "too_many_files" })
  .refine((files) => files.every((f) => hasAcceptedExtension(f.name)), { error: "extension" });

export const jobIdSchema = z.coerce.number().int().positive().max(MAX_DB_ID);

export const articlesQuerySchema = z.object({
  q: z.string().trim().max(200).refine(hasNoNul).optional().catch(undefined),
  outlet: z.string().trim().max(200).optional().catch(undefined),
  from: isoDateSchema.optional().catch(undefined),
  to: isoDateSchema.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

export { ACCEPTED_EXTENSIONS };
