// Inputs of the record-set operations (issue 17): add a record from an article, merge
// two records, split one, delete, undo, dismiss a possible duplicate. Codes are stable
// ("merge_self"); the UI turns them into sentences (messages "records.errors.*").
import { z } from "zod";
import { meetingKindEnum } from "@/db/schema";
import { meetingChangesSchema } from "./meetings";

const id = z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).positive({ error: "invalid" });
const version = z.coerce.number({ error: "version_invalid" }).int().positive({ error: "version_invalid" });

export const recordSetErrorCodes = [
  "merge_self",
  "merge_missing",
  "split_nothing",
  "split_everything",
  "split_unknown",
  "selection_outside",
  "not_found",
  "stale",
  "already_undone",
  "article_missing",
  "admin_only",
] as const;
export type RecordSetErrorCode = (typeof recordSetErrorCodes)[number];

const scalarChoice = z.enum(["target", "other"]).default("target");
const listChoice = z.enum(["target", "other", "both"]).default("both");

export const mergeSchema = z.object({
  targetId: id,
  targetVersion: version,
  otherId: id,
  otherVersion: version,
  choices: z
    .object({
      kind: scalarChoice,
      date: scalarChoice,
      location: scalarChoice,
      participants: listChoice,
      partners: listChoice,
      themes: listChoice,
      quotes: listChoice,
    })
    .default({ kind: "target", date: "target", location: "target", participants: "both", partners: "both", themes: "both", quotes: "both" }),
});
export type MergeInput = z.infer<typeof mergeSchema>;

const idList = z.array(id).max(500).default([]);

/** What goes to the new record; everything else stays. */
export const splitSchema = z.object({
  id,
  version,
  participants: idList,
  partners: idList,
  themes: z.array(z.string().min(1).max(100)).max(200).default([]),
  quotes: idList,
});
export type SplitInput = z.infer<typeof splitSchema>;

export const evidenceFields = ["participant", "position", "place", "date", "quote", "partner", "kind", "theme"] as const;

/** A selection in the article's text kept as a field's evidence span. */
export const selectionSchema = z
  .object({ field: z.enum(evidenceFields), start: z.number().int().min(0), end: z.number().int().min(1) })
  .refine((s) => s.end > s.start, { message: "selection_outside" });

export const addRecordSchema = z.object({
  articleId: id,
  kind: z.enum(meetingKindEnum.enumValues, { error: "kind_invalid" }).default("meeting"),
  changes: meetingChangesSchema,
  selections: z.array(selectionSchema).max(100).default([]),
});
export type AddRecordInput = z.infer<typeof addRecordSchema>;

export const deleteSchema = z.object({ id, version, reason: z.string().trim().max(1000).optional() });
export const undoSchema = z.object({ operationId: id });
export const dismissSchema = z.object({ a: id, b: id }).refine((v) => v.a !== v.b, { message: "merge_self" });

/** The passage an editor selected, for the extractor's suggestion. */
export const suggestSchema = z
  .object({ articleId: id, start: z.coerce.number().int().min(0), end: z.coerce.number().int().min(1) })
  .refine((s) => s.end > s.start, { message: "selection_outside" });
