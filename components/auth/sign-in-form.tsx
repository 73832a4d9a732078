"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signInAction } from "@/lib/actions/auth";
import type { ActionResult } from "@/lib/actions/result";
import { Button, Input } from "@/components/ui";

export function SignInForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string }) {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(signInAction, null);
  const refused = state?.ok === false ? state.message : null;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Input
        id="email"
        name="email"
        type="email"
        label={t("email")}
        autoComplete="username"
        required
        defaultValue={state?.values?.email}
        aria-invalid={refused ? true : undefined}
        aria-describedby="sign-in-status"
      />
      <Input
        id="password"
        name="password"
        type="password"
        label={t("password")}
        autoComplete="current-password"
        required
        aria-invalid={refused ? true : undefined}
        aria-describedby="sign-in-status"
      />
      <div id="sign-in-status" role="alert" aria-live="assertive" className="min-h-6 text-sm">
        {refused ? <p className="text-red-700">{refused}</p> : notice ? <p className="text-slate-700">{notice}</p> : null}
      </div>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
