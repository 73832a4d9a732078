// Every input the review screens accept: queue filters from the URL, record edits,
// status changes and restores. Messages are stable codes ("date_invalid"); the UI
// turns them into sentences in the reader's language (messages "review.errors.*").
import { z } from "zod";
import { issueCodes } from "./issues";
import { meetingKindEnum, partnerTypeEnum, sideEnum } from "@/db/schema";
import { hasNoNul, MAX_DB_ID } from "./ids";

export const reviewErrorCodes = [
  "required",
  "date_invalid",
  "kind_invalid",
  "side_invalid",
  "name_empty",
  "text_empty",
  "too_long",
  "theme_unknown",
  "partner_unknown",
  "partner_type_invalid",
  "reason_required",
  "version_invalid",
  "duplicate",
  "invalid",
] as const;
export type ReviewErrorCode = (typeof reviewErrorCodes)[number];

const trimmed = (max: number, emptyCode: ReviewErrorCode) =>
  z
    .string({ error: "required" })
    .transform((v) => v.replace(/\s+/g, " ").trim())
    .pipe(z.string().min(1, { error: emptyCode }).max(max, { error: "too_long" }));

/** Optional free text: blank means "none". */
const optionalText = (max: number) =>
  z
    .string()
    .nullish()
    .transform((v) => (v == null ? null : v.replace(/\s+/g, " ").trim() || null))
    .pipe(z.string().max(max, { error: "too_long" }).nullable());

const isoDate = z.iso.date({ error: "date_invalid" });
const id = z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).positive({ error: "invalid" }).max(MAX_DB_ID, { error: "invalid" });

// ---------------------------------------------------------------- queue filters

export const queueSorts = ["confidence", "date_desc", "date_asc"] as const;
export type QueueSort = (typeof queueSorts)[number];
export const statusTabs = ["pending", "approved", "rejected", "all"] as const;
export type StatusTab = (typeof statusTabs)[number];

/** A URL parameter: blank or malformed values are dropped rather than failing the page. */
const param = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (Array.isArray(v) ? v[0] : v) || undefined, schema.optional()).catch(undefined);

export const queueParamsSchema = z.object({
  status: param(z.enum(statusTabs)),
  kind: param(z.enum(meetingKindEnum.enumValues)),
  partner: param(id),
  official: param(z.string().trim().min(1).max(200)),
  theme: param(z.string().trim().min(1).max(64)),
  outlet: param(z.string().trim().min(1).max(200)),
  from: param(isoDate),
  to: param(isoDate),
  /** Percent, 0..100, as the filter form shows confidence. */
  minConf: param(z.coerce.number().min(0).max(100)),
  maxConf: param(z.coerce.number().min(0).max(100)),
  q: param(z.string().trim().min(1).max(200).refine(hasNoNul)),
  sort: param(z.enum(queueSorts)),
  after: param(z.string().max(200)),
  before: param(z.string().max(200)),
});
export type QueueParams = z.infer<typeof queueParamsSchema>;

// ---------------------------------------------------------------- record edits

/**
 * The newest history row the form had seen (on a conflict, later rows are "their changes").
 * Only a hint for the conflict view: a malformed one is dropped, not refused.
 */
const seenHistoryId = z.coerce.number().int().min(0).max(MAX_DB_ID).optional().catch(undefined);

export const participantInput = z.object({
  /** The existing row's id; absent for a participant the editor adds. */
  id: id.optional(),
  name: trimmed(200, "name_empty"),
  position: optionalText(300),
  side: z.enum(sideEnum.enumValues, { error: "side_invalid" }),
});

/** A registry partner by id, or a new one by name and type (added to the registry on save). */
export const partnerInput = z
  .object({
    id: id.optional(),
    name: z.string().optional(),
    type: z.string().optional(),
  })
  .transform((v, ctx): { id: number } | { name: string; type: "country" | "organization" } => {
    if (v.id) return { id: v.id };
    const name = (v.name ?? "").replace(/\s+/g, " ").trim();
    if (!name) ctx.addIssue({ code: "custom", path: ["name"], message: "name_empty" });
    else if (name.length > 200) ctx.addIssue({ code: "custom", path: ["name"], message: "too_long" });
    const type = partnerTypeEnum.enumValues.find((t) => t === v.type);
    if (!type) ctx.addIssue({ code: "custom", path: ["type"], message: "partner_type_invalid" });
    return { name, type: type ?? "country" };
  });

export const quoteInput = z.object({
  id: id.optional(),
  text: trimmed(5000, "text_empty"),
  speaker: optionalText(200),
});

export const editableFields = ["kind", "date", "location", "participants", "partners", "themes", "quotes"] as const;
export type EditableField = (typeof editableFields)[number];

/** Only the fields the editor changed or confirmed: a save never rewrites what the editor left alone. */
export const meetingChangesSchema = z
  .object({
    kind: z.enum(meetingKindEnum.enumValues, { error: "kind_invalid" }),
    date: isoDate.nullable(),
    location: optionalText(200),
    participants: z.array(participantInput).max(100, { error: "too_long" }),
    partners: z.array(partnerInput).max(100, { error: "too_long" }),
    themes: z.array(z.string().trim().min(1, { error: "theme_unknown" }).max(64)).max(50, { error: "too_long" }),
    quotes: z.array(quoteInput).max(100, { error: "too_long" }),
  })
  .partial();
export type MeetingChanges = z.infer<typeof meetingChangesSchema>;
export type ParticipantInput = z.infer<typeof participantInput>;
export type PartnerInput = z.infer<typeof partnerInput>;
export type QuoteInput = z.infer<typeof quoteInput>;

export const meetingEditSchema = z.object({
  id,
  baseVersion: z.coerce.number({ error: "version_invalid" }).int().positive({ error: "version_invalid" }).max(MAX_DB_ID, { error: "version_invalid" }),
  /** The newest history row the editor had seen: on a conflict, later rows are "their changes". */
  seenHistoryId: z.coerce.number().int().min(0).max(MAX_DB_ID).optional(),
  changes: meetingChangesSchema,
  /** Fields whose (unchanged) value the editor vouches for: they become the editor's too. */
  confirm: z.array(z.enum(editableFields)).default([]),
});
export type MeetingEdit = z.infer<typeof meetingEditSchema>;

export const statusChangeSchema = z
  .object({
    id,
    baseVersion: z.coerce.number({ error: "version_invalid" }).int().positive({ error: "version_invalid" }).max(MAX_DB_ID, { error: "version_invalid" }),
    action: z.enum(["approve", "reject", "reopen"], { error: "invalid" }),
    reason: optionalText(1000),
    seenHistoryId,
  })
  .superRefine((v, ctx) => {
    if (v.action === "reject" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "reason_required" });
  });
export type StatusChange = Omit<z.infer<typeof statusChangeSchema>, "seenHistoryId">;

const bulkItems = z.array(z.object({ id, version: z.coerce.number().int().positive().max(MAX_DB_ID) })).min(1, { error: "required" }).max(200);

/** Approve or reject the selected records (a rejection needs its reason, as one record's does). */
export const bulkStatusSchema = z
  .object({ items: bulkItems, action: z.enum(["approve", "reject"], { error: "invalid" }), reason: optionalText(1000) })
  .superRefine((v, ctx) => {
    if (v.action === "reject" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "reason_required" });
  });

/** Undo of a bulk decision: each record with the version it has now and the status it goes back to. */
export const bulkUndoSchema = z.object({
  items: z
    .array(
      z.object({
        id,
        version: z.coerce.number().int().positive().max(MAX_DB_ID),
        previous: z.enum(["pending", "approved", "rejected"]),
        previousReason: z.string().max(1000).nullish(),
      }),
    )
    .min(1, { error: "required" })
    .max(200),
});

export const restoreSchema = z.object({
  meetingId: id,
  historyId: id,
  use: z.enum(["before", "after"]).default("before"),
  baseVersion: z.coerce.number({ error: "version_invalid" }).int().positive({ error: "version_invalid" }).max(MAX_DB_ID, { error: "version_invalid" }),
  seenHistoryId,
});

export const partnerSearchSchema = z.object({
  q: z.string().trim().min(1).max(100).refine(hasNoNul),
  limit: z.coerce.number().int().min(1).max(10).default(10),
});

/** zod issues as { "participants.0.name": ["name_empty"] }: the form shows each beside its field. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const known = (code: string) => ((reviewErrorCodes as readonly string[]).includes(code) ? code : "invalid");
  return Object.fromEntries(Object.entries(issueCodes(error, ["changes"])).map(([path, codes]) => [path, [...new Set(codes.map(known))]]));
}
