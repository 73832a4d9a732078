"use server";
// The language switcher: a cookie, Russian by default. Public (the sign-in page has it too).
import { cookies } from "next/headers";
import { z } from "zod";
import { localeCookie, locales } from "@/lib/i18n/config";
import type { ActionResult } from "./result";

const schema = z.enum(locales);

export async function setLocaleAction(formData: FormData): Promise<ActionResult> {
  const parsed = schema.safeParse(formData.get("locale"));
  if (!parsed.success) return { ok: false, message: "Unknown language / Неизвестный язык" };
  (await cookies()).set(localeCookie, parsed.data, {
    path: "/",
    maxAge: 365 * 24 * 60 * 60,
    sameSite: "lax",
    httpOnly: true,
    secure: process.env.AUTH_URL?.startsWith("https:") ?? false,
  });
  return { ok: true, message: "" };
}
