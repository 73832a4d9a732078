"use server";
// Registry actions. Each checks the caller's role FIRST: admins change registries and
// decide rules; editors may only propose. Inputs are validated with zod; the work is in
// lib/registries (one transaction each, history rows included, registry cache dropped).
// Results are codes the client turns into sentences ("registries.codes.*").
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { getDb } from "@/db/index";
import { requireRoleAction, type Role } from "@/lib/auth/session";
import { reextractPending } from "@/lib/ingest/reextract";
import { acceptProposal, proposeRule, rejectProposal, type AffectedRecord } from "@/lib/registries/learning";
import { addPartnerAlias, createPartner, mergePartners, removePartnerAlias, undoPartnerMerge, updatePartner } from "@/lib/registries/partners";
import {
  addPersonAlias,
  addPosition,
  mergePeople,
  removePersonAlias,
  removePosition,
  splitPerson,
  undoPersonMerge,
  updatePerson,
  updatePosition,
} from "@/lib/registries/people";
import type { RegistryResult } from "@/lib/registries/record";
import { addThemeKeyword, createTheme, mergeThemes, removeThemeKeyword, renameTheme, setThemeRetired } from "@/lib/registries/themes";
import * as v from "@/lib/validations/registries";

export interface RegistryActionState {
  ok: boolean;
  code: string | null;
  /** The denial sentence from the role gate. */
  message?: string;
  errors?: Record<string, string>;
  id?: number;
  affected?: AffectedRecord[];
  at?: number;
}

type Form = FormData | Record<string, unknown>;

function values(form: Form): Record<string, unknown> {
  if (!(form instanceof FormData)) return form ?? {};
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((x): x is string => typeof x === "string");
    out[key] = key.endsWith("Ids") ? all : all[0];
  }
  return out;
}

function invalid(error: z.ZodError): RegistryActionState {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[issue.path.join(".") || "_"] ??= issue.message;
  return { ok: false, code: "invalid", errors, at: Date.now() };
}

function refresh() {
  try {
    revalidatePath("/registries", "layout");
  } catch {
    // Outside a Next request (tests calling the action directly) there is nothing to refresh.
  }
}

function answer(result: RegistryResult<Record<string, unknown>>, okCode = "saved"): RegistryActionState {
  if (!result.ok) return { ok: false, code: result.code, at: Date.now() };
  refresh();
  const rest: Record<string, unknown> = { ...result };
  delete rest.ok;
  return { ok: true, code: okCode, ...(rest as Partial<RegistryActionState>), at: Date.now() };
}

/** Role gate + validation + work: the shape of every action below. */
function action<S extends z.ZodType>(
  minimum: Role,
  schema: S,
  work: (input: z.infer<S>, userId: number) => Promise<RegistryActionState>,
) {
  return async (_previous: RegistryActionState | null, form: Form): Promise<RegistryActionState> => {
    const gate = await requireRoleAction(minimum);
    if (!gate.ok) return { ok: false, code: "denied", message: gate.message, at: Date.now() };
    const parsed = schema.safeParse(values(form));
    if (!parsed.success) return invalid(parsed.error);
    return work(parsed.data, gate.user.id);
  };
}

// Next requires every export of a "use server" file to be an async function declared here.
const db = () => getDb();

const createPartnerImpl = action("admin", v.partnerFieldsSchema, async (input, userId) => {
  const r = await createPartner(db(), userId, input);
  return answer(r, "created");
});
export async function createPartnerAction(p: RegistryActionState | null, f: Form) {
  return createPartnerImpl(p, f);
}

const updatePartnerImpl = action("admin", v.partnerUpdateSchema, async ({ id, ...fields }, userId) =>
  answer(await updatePartner(db(), userId, id, fields)),
);
export async function updatePartnerAction(p: RegistryActionState | null, f: Form) {
  return updatePartnerImpl(p, f);
}

const addPartnerAliasImpl = action("admin", v.partnerAliasSchema, async (input, userId) =>
  answer(await addPartnerAlias(db(), userId, input), "alias_added"),
);
export async function addPartnerAliasAction(p: RegistryActionState | null, f: Form) {
  return addPartnerAliasImpl(p, f);
}

const removePartnerAliasImpl = action("admin", v.aliasIdSchema, async ({ aliasId }, userId) =>
  answer(await removePartnerAlias(db(), userId, aliasId), "alias_removed"),
);
export async function removePartnerAliasAction(p: RegistryActionState | null, f: Form) {
  return removePartnerAliasImpl(p, f);
}

/** Editors propose an alias; an admin decides on the proposals page. */
const proposePartnerAliasImpl = action("editor", v.partnerAliasSchema, async ({ partnerId, alias }, userId) =>
  answer(await proposeRule(db(), userId, { kind: "partner_alias", payload: { alias, partnerId } }), "proposed"),
);
export async function proposePartnerAliasAction(p: RegistryActionState | null, f: Form) {
  return proposePartnerAliasImpl(p, f);
}

const mergePartnersImpl = action("admin", v.partnerMergeSchema, async (input, userId) =>
  answer(await mergePartners(db(), userId, input), "merged"),
);
export async function mergePartnersAction(p: RegistryActionState | null, f: Form) {
  return mergePartnersImpl(p, f);
}

const undoPartnerMergeImpl = action("admin", v.partnerIdSchema, async ({ partnerId }, userId) =>
  answer(await undoPartnerMerge(db(), userId, partnerId), "unmerged"),
);
export async function undoPartnerMergeAction(p: RegistryActionState | null, f: Form) {
  return undoPartnerMergeImpl(p, f);
}

const updatePersonImpl = action("admin", v.personUpdateSchema, async ({ id, ...fields }, userId) =>
  answer(await updatePerson(db(), userId, id, fields)),
);
export async function updatePersonAction(p: RegistryActionState | null, f: Form) {
  return updatePersonImpl(p, f);
}

const addPersonAliasImpl = action("admin", v.personAliasSchema, async (input, userId) =>
  answer(await addPersonAlias(db(), userId, input), "alias_added"),
);
export async function addPersonAliasAction(p: RegistryActionState | null, f: Form) {
  return addPersonAliasImpl(p, f);
}

const proposePersonAliasImpl = action("editor", v.personAliasSchema, async ({ personId, alias }, userId) => {
  const { people } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const [person] = await db().select({ name: people.name }).from(people).where(eq(people.id, personId));
  if (!person) return { ok: false, code: "not_found", at: Date.now() };
  return answer(await proposeRule(db(), userId, { kind: "person_alias", payload: { alias, personId, name: person.name } }), "proposed");
});
export async function proposePersonAliasAction(p: RegistryActionState | null, f: Form) {
  return proposePersonAliasImpl(p, f);
}

const removePersonAliasImpl = action("admin", v.aliasIdSchema, async ({ aliasId }, userId) =>
  answer(await removePersonAlias(db(), userId, aliasId), "alias_removed"),
);
export async function removePersonAliasAction(p: RegistryActionState | null, f: Form) {
  return removePersonAliasImpl(p, f);
}

const addPositionImpl = action("admin", v.positionSchema, async ({ personId, ...fields }, userId) =>
  answer(await addPosition(db(), userId, personId, fields), "created"),
);
export async function addPositionAction(p: RegistryActionState | null, f: Form) {
  return addPositionImpl(p, f);
}

const updatePositionImpl = action("admin", v.positionUpdateSchema, async (input, userId) =>
  answer(
    await updatePosition(db(), userId, input.positionId, {
      position: input.position,
      organization: input.organization,
      partnerId: input.partnerId,
      validFrom: input.validFrom,
      validTo: input.validTo,
    }),
  ),
);
export async function updatePositionAction(p: RegistryActionState | null, f: Form) {
  return updatePositionImpl(p, f);
}

const removePositionImpl = action("admin", v.positionIdSchema, async ({ positionId }, userId) =>
  answer(await removePosition(db(), userId, positionId), "removed"),
);
export async function removePositionAction(p: RegistryActionState | null, f: Form) {
  return removePositionImpl(p, f);
}

const mergePeopleImpl = action("admin", v.personMergeSchema, async (input, userId) => answer(await mergePeople(db(), userId, input), "merged"));
export async function mergePeopleAction(p: RegistryActionState | null, f: Form) {
  return mergePeopleImpl(p, f);
}

const undoPersonMergeImpl = action("admin", v.personIdSchema, async ({ personId }, userId) =>
  answer(await undoPersonMerge(db(), userId, personId), "unmerged"),
);
export async function undoPersonMergeAction(p: RegistryActionState | null, f: Form) {
  return undoPersonMergeImpl(p, f);
}

const splitPersonImpl = action("admin", v.personSplitSchema, async (input, userId) => {
  const r = await splitPerson(db(), userId, input);
  return r.ok ? { ...answer(r, "split"), id: r.newPersonId } : answer(r);
});
export async function splitPersonAction(p: RegistryActionState | null, f: Form) {
  return splitPersonImpl(p, f);
}

const createThemeImpl = action("admin", v.themeCreateSchema, async (input, userId) => answer(await createTheme(db(), userId, input), "created"));
export async function createThemeAction(p: RegistryActionState | null, f: Form) {
  return createThemeImpl(p, f);
}

const renameThemeImpl = action("admin", v.themeRenameSchema, async (input, userId) => answer(await renameTheme(db(), userId, input)));
export async function renameThemeAction(p: RegistryActionState | null, f: Form) {
  return renameThemeImpl(p, f);
}

const retireThemeImpl = action("admin", v.themeRetireSchema, async ({ code, retired }, userId) =>
  answer(await setThemeRetired(db(), userId, code, retired), retired ? "retired" : "restored"),
);
export async function retireThemeAction(p: RegistryActionState | null, f: Form) {
  return retireThemeImpl(p, f);
}

const mergeThemesImpl = action("admin", v.themeMergeSchema, async (input, userId) => answer(await mergeThemes(db(), userId, input), "merged"));
export async function mergeThemesAction(p: RegistryActionState | null, f: Form) {
  return mergeThemesImpl(p, f);
}

const addKeywordImpl = action("admin", v.keywordSchema, async (input, userId) => answer(await addThemeKeyword(db(), userId, input), "keyword_added"));
export async function addKeywordAction(p: RegistryActionState | null, f: Form) {
  return addKeywordImpl(p, f);
}

const removeKeywordImpl = action("admin", v.keywordIdSchema, async ({ keywordId }, userId) =>
  answer(await removeThemeKeyword(db(), userId, keywordId), "removed"),
);
export async function removeKeywordAction(p: RegistryActionState | null, f: Form) {
  return removeKeywordImpl(p, f);
}

const decideProposalImpl = action("admin", v.proposalDecisionSchema, async ({ id, decision, alias, keyword }, userId) => {
  if (decision === "reject") return answer(await rejectProposal(db(), userId, id), "rejected");
  const r = await acceptProposal(db(), userId, { id, alias: alias ?? undefined, keyword: keyword ?? undefined });
  return answer(r, "accepted");
});
export async function decideProposalAction(p: RegistryActionState | null, f: Form) {
  return decideProposalImpl(p, f);
}

/** Brings pending records up to date with the registries (editors' values stay). */
export async function reextractPendingAction(): Promise<RegistryActionState> {
  const gate = await requireRoleAction("admin");
  if (!gate.ok) return { ok: false, code: "denied", message: gate.message, at: Date.now() };
  const summary = await reextractPending(getDb());
  refresh();
  try {
    revalidatePath("/records");
  } catch {
    // outside a request
  }
  return { ok: summary.failed.length === 0, code: "reextracted", id: summary.meetingsUpdated, at: Date.now() };
}
