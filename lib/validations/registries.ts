// Inputs of the registries pages. Form fields arrive as strings: ids are coerced, blank
// optional text means "none". Messages are stable codes (messages "registries.errors.*").
import { z } from "zod";
import { hasNoNul, isDbId, MAX_DB_ID } from "./ids";

const id = z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).positive({ error: "invalid" }).max(MAX_DB_ID, { error: "invalid" });
const optionalId = z
  .union([z.literal(""), z.null(), z.undefined(), z.coerce.number().int().positive().max(MAX_DB_ID)])
  .transform((v) => (typeof v === "number" ? v : null));
const text = (max: number) =>
  z
    .string({ error: "required" })
    .transform((v) => v.replace(/\s+/g, " ").trim())
    .pipe(z.string().min(1, { error: "required" }).max(max, { error: "too_long" }));
const optionalText = (max: number) =>
  z
    .string()
    .nullish()
    .transform((v) => (v == null ? null : v.replace(/\s+/g, " ").trim() || null))
    .pipe(z.string().max(max, { error: "too_long" }).nullable());
const optionalDate = z
  .string()
  .nullish()
  .transform((v) => (v ? v.trim() : null))
  .pipe(z.iso.date({ error: "date_invalid" }).nullable());
const side = z
  .string()
  .nullish()
  .transform((v) => (v === "home" || v === "partner" ? v : null));
/** A list of ids from repeated checkboxes or a comma-separated field. */
const idList = z
  .union([z.array(z.union([z.string(), z.number()])), z.string(), z.undefined()])
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : v.split(",")).map((x) => Number(x)).filter((n) => isDbId(n)));

export const partnerFieldsSchema = z.object({
  type: z.enum(["country", "organization"], { error: "invalid" }),
  code: optionalText(16).transform((v) => (v ? v.toUpperCase() : null)),
  nameRu: text(200),
  nameEn: optionalText(200),
  fullNameRu: optionalText(400),
  fullNameEn: optionalText(400),
  region: optionalText(100),
  parentId: optionalId,
});
export const partnerUpdateSchema = partnerFieldsSchema.extend({ id });
export const partnerAliasSchema = z.object({ partnerId: id, alias: text(200) });
export const aliasIdSchema = z.object({ aliasId: id });
export const partnerMergeSchema = z
  .object({ loserId: id, survivorId: id })
  .refine((v) => v.loserId !== v.survivorId, { error: "same", path: ["survivorId"] });
export const partnerIdSchema = z.object({ partnerId: id });

export const personUpdateSchema = z.object({ id, name: text(200), side, partnerId: optionalId, notes: optionalText(2000) });
export const personAliasSchema = z.object({ personId: id, alias: text(200) });
export const positionSchema = z
  .object({
    personId: id,
    position: text(300),
    organization: optionalText(300),
    partnerId: optionalId,
    validFrom: optionalDate,
    validTo: optionalDate,
  })
  .refine((v) => !v.validFrom || !v.validTo || v.validFrom <= v.validTo, { error: "date_order", path: ["validTo"] });
export const positionUpdateSchema = positionSchema.and(z.object({ positionId: id }));
export const positionIdSchema = z.object({ positionId: id });
export const personMergeSchema = z
  .object({ loserId: id, survivorId: id })
  .refine((v) => v.loserId !== v.survivorId, { error: "same", path: ["survivorId"] });
export const personIdSchema = z.object({ personId: id });
export const personSplitSchema = z.object({ personId: id, name: text(200), participantIds: idList, aliasIds: idList });

const themeCode = z
  .string({ error: "required" })
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,40}$/, { error: "code_invalid" });
export const themeCreateSchema = z.object({ code: themeCode, labelRu: text(200), labelEn: text(200), description: optionalText(2000) });
export const themeRenameSchema = z.object({ code: themeCode, labelRu: text(200), labelEn: text(200) });
export const themeRetireSchema = z.object({ code: themeCode, retired: z.enum(["true", "false"]).transform((v) => v === "true") });
export const themeMergeSchema = z
  .object({ loser: themeCode, survivor: themeCode })
  .refine((v) => v.loser !== v.survivor, { error: "same", path: ["survivor"] });
export const keywordSchema = z.object({
  themeCode,
  keyword: text(100),
  weight: z.coerce.number().min(0).max(5).default(1),
});
export const keywordIdSchema = z.object({ keywordId: id });

export const proposalDecisionSchema = z.object({
  id,
  decision: z.enum(["accept", "reject"], { error: "invalid" }),
  alias: optionalText(200),
  keyword: optionalText(100),
});

export const proposalPreviewSchema = z.object({
  id,
  alias: optionalText(200),
  keyword: optionalText(100),
});

export const listQuerySchema = z.object({
  q: z.string().trim().max(200).refine(hasNoNul).optional().catch(undefined),
  type: z.enum(["country", "organization"]).optional().catch(undefined),
  region: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
