"use server";
// Admin user management, through runAction (admins only, zod, the change with its history
// rows in one transaction in db/queries/users.ts, the list refreshed).
import { createUser, findUserById, resetUserPassword, setUserDisabled, setUserRole, UserChangeError } from "@/db/queries/users";
import type { Translate } from "@/lib/i18n/translate";
import { accountKey, addressKey, clearThrottle } from "@/lib/auth/throttle";
import { clearDelaySchema, createUserSchema, passwordProblem, resetPasswordSchema, setDisabledSchema, setRoleSchema } from "@/lib/validations/users";
import type { z } from "zod";
import type { ActionResult } from "./result";
import { invalidInput, runAction, type ActionContext, type FormInput } from "./run-action";

export type UserAnswer = ActionResult;

/** A change to users: a UserChangeError (last admin, e-mail taken, ...) is a refusal with its sentence. */
function userAction<S extends z.ZodType>(
  form: FormInput,
  schema: S,
  change: (input: z.infer<S>, ctx: ActionContext) => Promise<UserAnswer>,
  keep?: string[],
): Promise<UserAnswer> {
  return runAction(form, {
    role: "admin",
    schema,
    errors: "users.errors",
    keep,
    run: async (input, ctx) => {
      try {
        return await change(input, ctx);
      } catch (error) {
        if (error instanceof UserChangeError) return refused(ctx.t, error.code);
        throw error;
      }
    },
    revalidate: ["/admin/users"],
  });
}

const refused = (t: Translate, code: string): UserAnswer => ({ ok: false, message: t(`users.errors.${code}`) });

export async function createUserAction(_previous: UserAnswer | null, form: FormInput): Promise<UserAnswer> {
  return userAction(
    form,
    createUserSchema,
    async (input, { db, user, t }) => {
      await createUser(db, input, user.id);
      return { ok: true, message: t("users.created", { email: input.email }) };
    },
    // The form keeps what was typed, except the password.
    ["email", "name", "role"],
  );
}

export async function setUserRoleAction(_previous: UserAnswer | null, form: FormInput): Promise<UserAnswer> {
  return userAction(form, setRoleSchema, async ({ userId, role }, { db, user, t }) => {
    await setUserRole(db, userId, role, user.id);
    return { ok: true, message: t("users.roleChanged") };
  });
}

export async function setUserDisabledAction(_previous: UserAnswer | null, form: FormInput): Promise<UserAnswer> {
  return userAction(form, setDisabledSchema, async ({ userId, disabled }, { db, user, t }) => {
    await setUserDisabled(db, userId, disabled, user.id);
    return { ok: true, message: t(disabled ? "users.disabledDone" : "users.enabledDone") };
  });
}

export async function resetUserPasswordAction(_previous: UserAnswer | null, form: FormInput): Promise<UserAnswer> {
  return userAction(form, resetPasswordSchema, async ({ userId, password }, { db, user, t }) => {
    const target = await findUserById(db, userId);
    if (!target) return refused(t, "not_found");
    // The rule that a password must not contain the e-mail needs the target's e-mail.
    const problem = passwordProblem(password, target.email);
    if (problem) return invalidInput(t, "users.errors", { password: [problem] });
    await resetUserPassword(db, userId, password, user.id);
    return { ok: true, message: t("users.passwordReset") };
  });
}

/** Clears the sign-in delay of an account (e-mail) or an address, so it may sign in now. */
export async function clearSignInDelayAction(_previous: UserAnswer | null, form: FormInput): Promise<UserAnswer> {
  return userAction(form, clearDelaySchema, async ({ target }, { db, t }) => {
    const key = target.includes("@") ? accountKey(target) : addressKey(target);
    const cleared = await clearThrottle(db, key);
    return { ok: true, message: t(cleared ? "users.delayCleared" : "users.delayNone", { target }) };
  });
}
