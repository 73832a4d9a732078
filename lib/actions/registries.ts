"use server";
// Registry actions. Admins change registries and decide rules; editors may only propose.
// Each is one registryAction: the role, the input's schema, the sentence of its success
// ("registries.codes.*") and the change in lib/registries (one transaction with its
// history rows, the cached registry dropped), run through runAction.
import type { z } from "zod";
import type { Role } from "@/lib/auth/session";
import type { Translate } from "@/lib/i18n/translate";
import { decideProposal, proposePartnerAlias, proposePersonAlias, type AffectedRecord } from "@/lib/registries/learning";
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
import { previewProposal } from "@/lib/registries/rule-preview";
import { addThemeKeyword, createTheme, mergeThemes, removeThemeKeyword, renameTheme, setThemeRetired } from "@/lib/registries/themes";
import * as v from "@/lib/validations/registries";
import type { Db } from "@/db/index";
import type { ActionResult } from "./result";
import { runAction, type FormInput } from "./run-action";

/** What a registry action produced: the new entry's id, what an accepted rule would change, ... */
export type RegistryAnswer = ActionResult<{ affected?: AffectedRecord[] } & Record<string, unknown>>;

/** A registry operation's result as a sentence: its failure code, or `done` on success. */
function answer(t: Translate, result: RegistryResult<object>, done: string): RegistryAnswer {
  if (!result.ok) return { ok: false, message: t(`registries.codes.${result.code}`) };
  const { ok: _ok, ...data } = result;
  return { ok: true, message: t(`registries.codes.${done}`), data };
}

/** Every change in lib/registries takes the database, the acting user and the validated input. */
type Change<I> = (db: Db, userId: number, input: I) => Promise<RegistryResult<object>>;

function registryAction<S extends z.ZodType>(
  form: FormInput,
  role: Role,
  schema: S,
  done: string | ((input: z.infer<S>) => string),
  change: Change<z.infer<S>>,
): Promise<RegistryAnswer> {
  return runAction(form, {
    role,
    schema,
    errors: "registries.errors",
    run: async (input, { db, user, t }) => answer(t, await change(db, user.id, input), typeof done === "function" ? done(input) : done),
    revalidate: [["/registries", "layout"]],
  });
}

export async function createPartnerAction(_previous: RegistryAnswer | null, form: FormInput) {
  return registryAction(form, "admin", v.partnerFieldsSchema, "created", createPartner);
}

export async function updatePartnerAction(_previous: RegistryAnswer | null, form: FormInput) {
  return registryAction(form, "admin", v.partnerUpdateSchema, "saved", updatePartner);
}

export async function addPartnerAliasAction(_previous: RegistryAnswer | null, form: FormInput) {
  return registryAction(form, "admin", v.partnerAliasSchema, "alias_added", addPartnerAlias);
}

export async function removePartnerAliasAction(_previous: RegistryAnswer | null, form: FormInput) {
  return registryAction(form, "admin", v.aliasIdSchema, "alias_removed", removePartnerAlias);
}

/** Editors propose an alias; an admin decides on the proposals page. */
export async function proposePartnerAliasAction(_previous: RegistryAnswer | null, form: FormInput) {
  return registryAction(form, "editor", v.partnerAliasSchema, "proposed", proposePartnerAlias);
}

export async function mergePartnersAction(_previous: RegistryAnswer | null, form: FormInput) {
  return registryAction(form, "admin", v.partnerMergeSchema, "merged", mergePartners);
}

export async function undoPartnerMergeAction(_previous: RegistryAnswer | null, form: FormInput) {
  return registryAction(form, "admin", v.partnerIdSchema, "unmerged", undoPartnerMerge);
}

export async function updatePersonAction(_previous: RegistryAnswer | null, form: FormInput) {
  return registryAction(form, "admin", v.personUpdateSchema, "saved", updatePerson);
}

export async function addPersonAliasAction(_previous: RegistryAnswer | null, form: FormInput) {
  return registryAction(form, "admin", v.personAliasSchema, "alias_added", addPersonAlias);
}

/** Editors propose a name variant; an admin decides on the proposals page. */
export async function proposePersonAliasAction(_previous: RegistryAnswer | null, form: FormInput) {
  return registryAction(form, "editor", v.personAliasSchema, "proposed", proposePersonAlias);
}

export async function removePersonAliasAction(_previous: RegistryAnswer | null, form: FormInput) {
  return registryAction(form, "admin", v.aliasIdSchema, "alias_removed", removePersonAlias);
}

export async function addPositionAction(_previous: RegistryAnswer | null, form: FormInput) {
  return registryAction(form, "admin", v.positionSchema, "created", addPosition);
}

export async function updatePositionAction(_previous: RegistryAnswer | null, form: FormInput) {
  return registryAction(form, "admin", v.positionUpdateSchema, "saved", updatePosition);
}

export async function removePositionAction(_previous: RegistryAnswer | null, form: FormInput) {
  return registryAction(form, "admin", v.positionIdSchema, "removed", removePosition);
}

export async function mergePeopleAction(_previous: RegistryAnswer | null, form: FormInput) {
  return registryAction(form, "admin", v.personMergeSchema, "merged", mergePeople);
}

export async function undoPersonMergeAction(_previous: RegistryAnswer | null, form: FormInput) {
  return registryAction(form, "admin", v.personIdSchema, "unmerged", undoPersonMerge);
}

export async function splitPersonAction(_previous: RegistryAnswer | null, form: FormInput) {
  return registryAction(form, "admin", v.personSplitSchema, "split", splitPerson);
}

export async function createThemeAction(_previous: RegistryAnswer | null, form: FormInput) {
  return registryAction(form, "admin", v.themeCreateSchema, "created", createTheme);
}

export async function renameThemeAction(_previous: RegistryAnswer | null, form: FormInput) {
  return registryAction(form, "admin", v.themeRenameSchema, "saved", renameTheme);
}

export async function retireThemeAction(_previous: RegistryAnswer | null, form: FormInput) {
  return registryAction(form, "admin", v.themeRetireSchema, (i) => (i.retired ? "retired" : "restored"), setThemeRetired);
}

export async function mergeThemesAction(_previous: RegistryAnswer | null, form: FormInput) {
  return registryAction(form, "admin", v.themeMergeSchema, "merged", mergeThemes);
}

export async function addKeywordAction(_previous: RegistryAnswer | null, form: FormInput) {
  return registryAction(form, "admin", v.keywordSchema, "keyword_added", addThemeKeyword);
}

export async function removeKeywordAction(_previous: RegistryAnswer | null, form: FormInput) {
  return registryAction(form, "admin", v.keywordIdSchema, "removed", removeThemeKeyword);
}

/** What a proposal would change, before an admin decides (read-only: nothing is written). */
export async function previewProposalAction(_previous: RegistryAnswer | null, form: FormInput) {
  return runAction(form, {
    role: "editor",
    schema: v.proposalPreviewSchema,
    errors: "registries.errors",
    run: async (input, { db, user, t }) => answer(t, await previewProposal(db, user.id, input), "previewed"),
  });
}

export async function decideProposalAction(_previous: RegistryAnswer | null, form: FormInput) {
  return registryAction(form, "admin", v.proposalDecisionSchema, (i) => (i.decision === "reject" ? "rejected" : "accepted"), decideProposal);
}
