// Inputs about polled sources, shared by `npm run sources` and the admin page. Messages
// are error codes under "sources.errors" (sentences in lib/i18n/messages).
import { z } from "zod";

export const SOURCE_MIN_INTERVAL_MINUTES = 5;
export const SOURCE_MAX_INTERVAL_MINUTES = 7 * 24 * 60;

/** "30m", "2h", "1d" or a number of minutes → minutes; null when unreadable. */
export function parseInterval(text: string): number | null {
  const m = /^\s*(\d{1,6})\s*(m|min|h|d)?\s*$/i.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = (m[2] ?? "m").toLowerCase();
  return unit === "h" ? n * 60 : unit === "d" ? n * 24 * 60 : n;
}

const urlField = z
  .string({ error: "url" })
  .trim()
  .min(1, { error: "url" })
  .max(2000, { error: "url" })
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "http:" || u.protocol === "https:") && !u.username && !u.password;
    } catch {
      return false;
    }
  }, { error: "url" });

const intervalField = z
  .union([z.number(), z.string()], { error: "interval" })
  .transform((v, ctx) => {
    const minutes = typeof v === "number" ? v : parseInterval(v);
    if (minutes === null || !Number.isInteger(minutes)) {
      ctx.addIssue({ code: "custom", message: "interval" });
      return z.NEVER;
    }
    return minutes;
  })
  .pipe(z.number().min(SOURCE_MIN_INTERVAL_MINUTES, { error: "interval_range" }).max(SOURCE_MAX_INTERVAL_MINUTES, { error: "interval_range" }));

const patternField = z
  .string()
  .trim()
  .max(300, { error: "pattern" })
  // A few wildcards are plenty; many would make matching slow (each is a ".*").
  .refine((v) => (v.match(/\*/g) ?? []).length <= 5, { error: "pattern_wildcards" })
  .optional()
  .transform((v) => (v ? v : null));

const sourceFields = {
  name: z.string({ error: "name" }).trim().min(1, { error: "name" }).max(200, { error: "name" }),
  url: urlField,
  kind: z.enum(["feed", "sitemap", "listing"], { error: "kind" }),
  linkPattern: patternField,
  intervalMinutes: intervalField,
};

function listingNeedsPattern(v: { kind: string; linkPattern: string | null }, ctx: z.RefinementCtx) {
  if (v.kind === "listing" && !v.linkPattern) ctx.addIssue({ code: "custom", path: ["linkPattern"], message: "pattern_required" });
}

export const createSourceSchema = z.object(sourceFields).superRefine(listingNeedsPattern);
export const updateSourceSchema = z.object({ id: z.coerce.number().int().positive(), ...sourceFields }).superRefine(listingNeedsPattern);
export const sourceIdSchema = z.object({ id: z.coerce.number().int().positive() });
export const setSourceActiveSchema = z.object({
  id: z.coerce.number().int().positive(),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export type SourceInput = z.infer<typeof createSourceSchema>;

/** The kind a URL most likely is, when the person adding it does not say: a pattern means a listing. */
export function guessKind(url: string, linkPattern?: string | null): "feed" | "sitemap" | "listing" {
  if (linkPattern) return "listing";
  return /sitemap/i.test(url) ? "sitemap" : "feed";
}

/** The codes above as English sentences, for the shell (the page reads lib/i18n/messages). */
export const sourceErrorText: Record<string, string> = {
  name: "A name of 1 to 200 characters is required.",
  url: "The address must be an http:// or https:// URL (without a user name or password).",
  kind: "The kind must be feed, sitemap or listing.",
  interval: "The interval reads like 30m, 2h or 1d.",
  interval_range: `The interval must be between ${SOURCE_MIN_INTERVAL_MINUTES} minutes and 7 days.`,
  pattern: "The link pattern is at most 300 characters.",
  pattern_required: "A listing page needs a link pattern, e.g. /ru/news/*.",
  pattern_wildcards: "The link pattern may have at most 5 wildcards (*).",
  url_taken: "A source with this address exists already.",
  not_found: "There is no such source.",
};
