"use server";
// Admin user management. Each action checks the caller is an admin FIRST (also when
// called directly, not through the form), validates with zod, and writes its history
// rows in the same transaction (db/queries/users.ts). Results: { ok, message }.
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { getDb } from "@/db/index";
import { createUser, findUserById, resetUserPassword, setUserDisabled, setUserRole, UserChangeError } from "@/db/queries/users";
import { requireRoleAction } from "@/lib/auth/session";
import { createUserSchema, passwordProblem, resetPasswordSchema, setDisabledSchema, setRoleSchema } from "@/lib/validations/users";

/** `values`: what the form sent (never the password), so a refused form keeps its input. */
export type UserActionResult = { ok: boolean; message: string; values?: { email?: string; name?: string; role?: string } };

type Translate = (key: string, values?: Record<string, string>) => string;

async function translator(): Promise<Translate> {
  try {
    const t = await getTranslations("users");
    return (key, values) => t(key, values);
  } catch {
    // Outside a request (tests calling the action directly): the keys are still clear.
    return (key) => key;
  }
}

function formValues(formData: FormData | Record<string, unknown>): Record<string, unknown> {
  if (!(formData instanceof FormData)) return formData ?? {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string") out[k] = v;
  return out;
}

function invalid(t: Translate, error: z.ZodError): UserActionResult {
  const keys = [...new Set(error.issues.map((i) => i.message))];
  return { ok: false, message: keys.map((k) => t(`errors.${k}`)).join(" ") };
}

function refused(t: Translate, error: unknown): UserActionResult {
  if (error instanceof UserChangeError) return { ok: false, message: t(`errors.${error.code}`) };
  throw error;
}

function refresh() {
  try {
    revalidatePath("/admin/users");
  } catch {
    // No Next request context (direct calls in tests): nothing cached to refresh.
  }
}

export async function createUserAction(
  _previous: UserActionResult | null,
  formData: FormData | Record<string, unknown>,
): Promise<UserActionResult> {
  const gate = await requireRoleAction("admin");
  if (!gate.ok) return gate;
  const t = await translator();
  const raw = formValues(formData);
  const values = {
    email: typeof raw.email === "string" ? raw.email.slice(0, 320) : undefined,
    name: typeof raw.name === "string" ? raw.name.slice(0, 200) : undefined,
    role: typeof raw.role === "string" ? raw.role.slice(0, 20) : undefined,
  };
  const parsed = createUserSchema.safeParse(raw);
  if (!parsed.success) return { ...invalid(t, parsed.error), values };
  try {
    await createUser(getDb(), parsed.data, gate.user.id);
  } catch (error) {
    return { ...refused(t, error), values };
  }
  refresh();
  return { ok: true, message: t("created", { email: parsed.data.email }) };
}

/**
 * The shape every change to an existing user shares: admin gate first, zod, the change
 * (which may refuse with a UserChangeError), then the list page refreshed.
 */
async function adminChange<T>(
  formData: FormData | Record<string, unknown>,
  schema: z.ZodType<T>,
  change: (data: T, t: Translate, actorId: number) => Promise<UserActionResult>,
): Promise<UserActionResult> {
  const gate = await requireRoleAction("admin");
  if (!gate.ok) return gate;
  const t = await translator();
  const parsed = schema.safeParse(formValues(formData));
  if (!parsed.success) return invalid(t, parsed.error);
  let result: UserActionResult;
  try {
    result = await change(parsed.data, t, gate.user.id);
  } catch (error) {
    return refused(t, error);
  }
  if (result.ok) refresh();
  return result;
}

export async function setUserRoleAction(
  _previous: UserActionResult | null,
  formData: FormData | Record<string, unknown>,
): Promise<UserActionResult> {
  return adminChange(formData, setRoleSchema, async (data, t, actorId) => {
    await setUserRole(getDb(), data.userId, data.role, actorId);
    return { ok: true, message: t("roleChanged") };
  });
}

export async function setUserDisabledAction(
  _previous: UserActionResult | null,
  formData: FormData | Record<string, unknown>,
): Promise<UserActionResult> {
  return adminChange(formData, setDisabledSchema, async (data, t, actorId) => {
    await setUserDisabled(getDb(), data.userId, data.disabled, actorId);
    return { ok: true, message: t(data.disabled ? "disabledDone" : "enabledDone") };
  });
}

export async function resetUserPasswordAction(
  _previous: UserActionResult | null,
  formData: FormData | Record<string, unknown>,
): Promise<UserActionResult> {
  return adminChange(formData, resetPasswordSchema, async (data, t, actorId) => {
    const target = await findUserById(getDb(), data.userId);
    if (!target) return { ok: false, message: t("errors.not_found") };
    const problem = passwordProblem(data.password, target.email);
    if (problem) return { ok: false, message: t(`errors.${problem}`) };
    await resetUserPassword(getDb(), data.userId, data.password, actorId);
    return { ok: true, message: t("passwordReset") };
  });
}
