"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Input, SubmitRow } from "@/components/ui";
import { clearSignInDelayAction, type UserAnswer } from "@/lib/actions/users";

export function ClearDelayForm() {
  const t = useTranslations("users");
  const [state, action, pending] = useActionState<UserAnswer | null, FormData>(clearSignInDelayAction, null);
  return (
    <form action={action} className="grid max-w-xl gap-3">
      <p className="text-sm text-slate-600">{t("clearDelayHint")}</p>
      <Input id="clear-delay-target" name="target" label={t("clearDelayTarget")} required autoComplete="off" error={state?.fieldErrors?.target?.join(" ")} />
      <SubmitRow label={t("clearDelaySubmit")} pending={pending} answer={state} />
    </form>
  );
}
