// Inputs about users, shared by user:create and the admin actions. Messages are
// i18n keys under "users.errors" so the CLI (English) and the pages (ru/en) can say them.
import { z } from "zod";

export const roleSchema = z.enum(["viewer", "editor", "admin"], { error: "role" });

export const emailSchema = z
  .string({ error: "email" })
  .trim()
  .max(320, { error: "email" })
  .pipe(z.email({ error: "email" }));

/** Character classes: lower-case, upper-case, digits, everything else (punctuation, spaces). */
function characterClasses(password: string): number {
  return [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u].filter((re) => re.test(password)).length;
}

export const PASSWORD_MIN_LENGTH = 10;

/** Why a password is too weak, as an error key, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return "password_short";
  if (password.length > 256) return "password_long";
  if (characterClasses(password) < 2) return "password_one_class";
  const e = email?.trim().toLowerCase();
  if (e) {
    const p = password.toLowerCase();
    const local = e.split("@")[0];
    if (p === e || p.includes(e) || (local.length >= 4 && p.includes(local))) return "password_email";
  }
  return null;
}

const passwordField = z.string({ error: "password_short" });
const nameField = z
  .string()
  .trim()
  .max(200, { error: "name" })
  .optional()
  .transform((v) => (v ? v : null));

function checkPassword(ctx: z.RefinementCtx, password: string, email?: string) {
  const problem = passwordProblem(password, email);
  if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
}

export const createUserSchema = z
  .object({ email: emailSchema, name: nameField, role: roleSchema, password: passwordField })
  .superRefine((v, ctx) => checkPassword(ctx, v.password, v.email));

export const userIdSchema = z.coerce.number({ error: "user" }).int({ error: "user" }).positive({ error: "user" }).max(2_147_483_647, { error: "user" });

/** Whose sign-in delay an admin clears: an account's e-mail or a client address (IPv4 / IPv6). */
export const clearDelaySchema = z.object({
  target: z
    .string()
    .trim()
    .min(1, { error: "target" })
    .max(320, { error: "target" })
    .refine((v) => z.email().safeParse(v).success || z.ipv4().safeParse(v).success || z.ipv6().safeParse(v).success, { error: "target" }),
});

export const setRoleSchema = z.object({ userId: userIdSchema, role: roleSchema });

export const setDisabledSchema = z.object({
  userId: userIdSchema,
  disabled: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")], { error: "disabled" }),
});

export const resetPasswordSchema = z.object({ userId: userIdSchema, password: passwordField });

/** The CLI: user:create --email E --password P --role R [--name N]. */
export const userCreateArgsSchema = createUserSchema;

/** English texts of the error keys, for the CLI (the pages use lib/i18n messages "users.errors"). */
export const userErrorText: Record<string, string> = {
  email: "Enter a valid e-mail address.",
  name: "The name is too long (200 characters at most).",
  role: "The role must be viewer, editor or admin.",
  user: "Unknown user.",
  disabled: "Invalid value for disabled.",
  password_short: `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`,
  password_long: "The password must have at most 256 characters.",
  password_one_class:
    "The password must mix at least two kinds of characters (lower-case, upper-case, digits, other).",
  password_email: "The password must not contain the e-mail address.",
};
