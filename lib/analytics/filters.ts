// The one filter every chart, the export and the drill-down links share. It lives
// in the URL, so it is parsed from search params with zod; the page drops what is
// invalid (and says so), the export route refuses it with 400.
import { z } from "zod";
import { meetingKindEnum, partnerTypeEnum } from "@/db/schema";
import { hasNoNul } from "@/lib/validations/ids";
import { granularities, type Granularity } from "./periods";

export { granularities, periodEnd, periodRange, type Granularity } from "./periods";

const isoDate = z.iso.date({ error: "invalid_date" });
const flag = z.enum(["1", "0", "true", "false", "on"], { error: "invalid_flag" }).transform((v) => v === "1" || v === "true" || v === "on");

/** The URL's field names, which /records and /api/export share. */
export const filterSchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    type: z.enum(partnerTypeEnum.enumValues, { error: "invalid_partner_type" }).optional(),
    partner: z.coerce.number({ error: "invalid_partner" }).int("invalid_partner").positive("invalid_partner").max(2_147_483_647, "invalid_partner").optional(),
    theme: z.string().trim().min(1).max(64, "invalid_theme").regex(/^[a-z0-9_]+$/, "invalid_theme").optional(),
    kind: z.enum(meetingKindEnum.enumValues, { error: "invalid_kind" }).optional(),
    official: z.string().trim().min(1).max(200, "invalid_official").refine(hasNoNul, "invalid_official").optional(),
    pending: flag.optional(),
    granularity: z.enum(granularities, { error: "invalid_granularity" }).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "from_after_to", path: ["to"] });

export interface AnalyticsFilter {
  from?: string;
  to?: string;
  partnerType?: "country" | "organization";
  /** The partner and everything under it (parent_id), e.g. ОБСЕ with ПА ОБСЕ. */
  partnerId?: number;
  theme?: string;
  kind?: (typeof meetingKindEnum.enumValues)[number];
  official?: string;
  /** Approved only by default; pending records are then counted separately. */
  includePending: boolean;
  granularity: Granularity;
}

export const defaultFilter: AnalyticsFilter = { includePending: false, granularity: "month" };

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

export const filterKeys = ["from", "to", "type", "partner", "theme", "kind", "official", "pending", "granularity"] as const;

/** First value of each known key; empty strings mean "not set" (an empty form field). */
function toPlain(input: SearchParamsInput): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of filterKeys) {
    const raw = input instanceof URLSearchParams ? input.get(key) : input[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value != null && value.trim() !== "") out[key] = value;
  }
  return out;
}

function fromParsed(p: z.infer<typeof filterSchema>): AnalyticsFilter {
  return {
    from: p.from,
    to: p.to,
    partnerType: p.type,
    partnerId: p.partner,
    theme: p.theme,
    kind: p.kind,
    official: p.official,
    includePending: p.pending ?? false,
    granularity: p.granularity ?? "month",
  };
}

export type FilterErrors = Partial<Record<string, string>>;

export type FilterParseResult =
  | { success: true; filter: AnalyticsFilter }
  | { success: false; errors: FilterErrors };

/** Strict: any invalid field fails the whole filter (the export route). */
export function parseFilter(input: SearchParamsInput): FilterParseResult {
  const parsed = filterSchema.safeParse(toPlain(input));
  if (parsed.success) return { success: true, filter: fromParsed(parsed.data) };
  const errors: FilterErrors = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "filter");
    errors[key] ??= issue.message;
  }
  return { success: false, errors };
}

/** Lenient: drops each invalid field and reports it, so a bad link still shows charts (the page). */
export function parseFilterLenient(input: SearchParamsInput): { filter: AnalyticsFilter; errors: FilterErrors } {
  const plain = toPlain(input);
  const first = parseFilter(plain);
  if (first.success) return { filter: first.filter, errors: {} };
  const kept = { ...plain };
  for (const key of Object.keys(first.errors)) delete kept[key];
  const second = parseFilter(kept);
  // The refinement (from after to) blames "to"; dropping it always leaves a valid filter.
  return { filter: second.success ? second.filter : defaultFilter, errors: first.errors };
}

/** The filter back as URL params, in the field names /records and /api/export understand. */
export function filterToParams(f: Partial<AnalyticsFilter>): URLSearchParams {
  const p = new URLSearchParams();
  if (f.from) p.set("from", f.from);
  if (f.to) p.set("to", f.to);
  if (f.partnerType) p.set("type", f.partnerType);
  if (f.partnerId) p.set("partner", String(f.partnerId));
  if (f.theme) p.set("theme", f.theme);
  if (f.kind) p.set("kind", f.kind);
  if (f.official) p.set("official", f.official);
  if (f.includePending) p.set("pending", "1");
  if (f.granularity && f.granularity !== "month") p.set("granularity", f.granularity);
  return p;
}

