"use server";
// Signing in and out. Public by nature (the authz matrix lists them as such): signing in
// is guarded by the credentials check and its throttling, signing out only ends the caller's own session.
import { CredentialsSignin } from "next-auth";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/index";
import { endUserSessions } from "@/db/queries/users";
import { signIn, signOut } from "@/lib/auth/config";
import { getSessionUser } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import type { ActionResult } from "./result";

const formSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
  callbackUrl: z.string().max(2000).optional(),
});

export async function signInAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getTranslations("auth");
  const parsed = formSchema.safeParse({
    email: formData.get("email") ?? "",
    password: formData.get("password") ?? "",
    callbackUrl: formData.get("callbackUrl") ?? undefined,
  });
  const email = typeof formData.get("email") === "string" ? String(formData.get("email")).slice(0, 320) : "";
  if (!parsed.success) return { ok: false, message: t("required"), values: { email } };
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallbackUrl(parsed.data.callbackUrl),
    });
  } catch (error) {
    // A successful sign-in ends in a redirect, which is thrown and must go on.
    if (!(error instanceof CredentialsSignin)) throw error;
    const code = String(error.code ?? "");
    if (code.startsWith("locked:")) {
      const time = new Date(code.slice("locked:".length)).toISOString().slice(11, 16);
      return { ok: false, message: t("locked", { time }), values: { email } };
    }
    return { ok: false, message: t("invalid"), values: { email } };
  }
  return { ok: true, message: "" };
}

/** Ends all of the caller's sessions (every device), then clears this browser's cookie. */
export async function signOutAction(): Promise<void> {
  const user = await getSessionUser();
  if (user) await endUserSessions(getDb(), user.id);
  await signOut({ redirectTo: "/sign-in?signedOut=1" });
}
