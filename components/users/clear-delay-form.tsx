"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button, Input } from "@/components/ui";
import { clearSignInDelayAction, type UserAnswer } from "@/lib/actions/users";

export function ClearDelayForm() {
  const t = useTranslations("users");
  const [state, action, pending] = useActionState<UserAnswer | null, FormData>(clearSignInDelayAction, null);
  return (
    <form action={action} className="grid max-w-xl gap-3">
      <p className="text-sm text-slate-600">{t("clearDelayHint")}</p>
      <Input id="clear-delay-target" name="target" label={t("clearDelayTarget")} required autoComplete="off" error={state?.fieldErrors?.target?.join(" ")} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("clearDelaySubmit")}
        </Button>
        <p role="status" aria-live="polite" className={state?.ok === false ? "text-sm text-red-700" : "text-sm text-green-800"}>
          {state?.message}
        </p>
      </div>
    </form>
  );
}
