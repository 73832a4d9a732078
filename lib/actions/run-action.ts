// The one way a server action runs: the caller's role first (also when the action is
// called directly, not through its form), then the input through zod, then the work,
// then the cached pages it changed are refreshed. Every action answers an ActionResult
// with sentences in the reader's language; field errors are stable codes in the
// schemas and the domain, turned into sentences here.
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { getDb, type Db } from "@/db/index";
import { requireRoleAction, type Role, type SessionUser } from "@/lib/auth/session";
import { serverTranslator, type Translate } from "@/lib/i18n/translate";
import { issueCodes } from "@/lib/validations/issues";
import type { ActionResult } from "./result";

export type FormInput = FormData | Record<string, unknown>;

/** A form's fields as plain values; a field sent more than once (a list of checkboxes) as an array. */
export function formFields(form: FormInput): Record<string, unknown> {
  // A hand-made request may post JSON (a string, an array, null): only a plain object passes on, to be validated.
  if (!(form instanceof FormData)) return form && typeof form === "object" && !Array.isArray(form) ? form : {};
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

export interface ActionContext {
  user: SessionUser;
  db: Db;
  t: Translate;
}

type Revalidation = string | [path: string, type: "layout" | "page"];

export interface ActionSpec<S extends z.ZodType, T> {
  /** The least role that may run it. */
  role: Role;
  schema: S;
  /** Where the error codes' sentences live ("review.errors"): `${errors}.${code}`. */
  errors: string;
  /** What the schema reads, when not the form's fields as they are (the record form posts one JSON field). */
  input?: (fields: Record<string, unknown>) => unknown;
  /** Fields sent back on a refusal so the form can show them again (never a password). */
  keep?: string[];
  /** How many characters of each kept field go back (400; pasted text needs all of it). */
  keepChars?: number;
  /** A wrapper key left out of field error paths (the record form's "changes": errors read "date", not "changes.date"). */
  unwrap?: string;
  run: (input: z.infer<S>, ctx: ActionContext) => Promise<ActionResult<T>>;
  /** Pages whose cached render a successful run makes stale. */
  revalidate?: Revalidation[] | ((input: z.infer<S>) => Revalidation[]);
}

/** The sentence of each field error code; a code with no sentence of its own reads as "invalid". */
export function fieldErrorSentences(t: Translate, errors: string, codes: Record<string, string[]>): Record<string, string[]> {
  const sentence = (code: string) => (t.has(`${errors}.${code}`) ? t(`${errors}.${code}`) : t("common.invalidValue"));
  return Object.fromEntries(Object.entries(codes).map(([field, list]) => [field, [...new Set(list.map(sentence))]]));
}

/** A refusal for input the schema or the domain found wrong: one sentence, and one per field. */
export function invalidInput<T>(t: Translate, errors: string, codes: Record<string, string[]>): ActionResult<T> {
  return { ok: false, message: t("common.checkFields"), fieldErrors: fieldErrorSentences(t, errors, codes) };
}

function refresh(paths: Revalidation[]): void {
  try {
    for (const p of paths) {
      if (typeof p === "string") revalidatePath(p);
      else revalidatePath(p[0], p[1]);
    }
  } catch {
    // Outside a Next request (tests and commands call actions directly) nothing is cached.
  }
}

function kept(fields: Record<string, unknown>, keep: string[] | undefined, maxChars = 400): Record<string, string> | undefined {
  if (!keep) return undefined;
  // Bounded: the values go back to the browser as they came.
  return Object.fromEntries(keep.flatMap((k) => (typeof fields[k] === "string" ? [[k, (fields[k] as string).slice(0, maxChars)]] : [])));
}

export async function runAction<S extends z.ZodType, T = undefined>(form: FormInput, spec: ActionSpec<S, T>): Promise<ActionResult<T>> {
  const gate = await requireRoleAction(spec.role);
  if (!gate.ok) return gate.signedOut ? { ok: false, message: gate.message, signedOut: true } : { ok: false, message: gate.message };
  const t = await serverTranslator();
  const fields = formFields(form);
  const parsed = spec.schema.safeParse(spec.input ? spec.input(fields) : fields);
  if (!parsed.success) return { ...invalidInput<T>(t, spec.errors, issueCodes(parsed.error, spec.unwrap ? [spec.unwrap] : [])), values: kept(fields, spec.keep, spec.keepChars) };
  const result = await spec.run(parsed.data, { user: gate.user, db: getDb(), t });
  if (result.ok && spec.revalidate) refresh(typeof spec.revalidate === "function" ? spec.revalidate(parsed.data) : spec.revalidate);
  return result.ok || !spec.keep ? result : { values: kept(fields, spec.keep, spec.keepChars), ...result };
}

/**
 * A form that posts its state as one JSON field named `payload` (the record form: lists of
 * participants do not fit flat fields): the parsed value for the schema, or null when it is
 * not JSON (the schema then refuses it with a sentence).
 */
export function payload(fields: Record<string, unknown>): unknown {
  if (typeof fields.payload !== "string") return fields;
  try {
    return JSON.parse(fields.payload);
  } catch {
    return null;
  }
}
