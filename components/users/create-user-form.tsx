"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button, Input, Select } from "@/components/ui";
import { createUserAction, type UserAnswer } from "@/lib/actions/users";

export function CreateUserForm() {
  const t = useTranslations("users");
  const common = useTranslations("common");
  const [state, action, pending] = useActionState<UserAnswer | null, FormData>(createUserAction, null);
  const error = (field: string) => state?.fieldErrors?.[field]?.join(" ");
  return (
    <form action={action} className="grid max-w-xl gap-3 sm:grid-cols-2">
      <Input id="new-email" name="email" type="email" label={t("email")} required autoComplete="off" defaultValue={state?.values?.email} error={error("email")} />
      <Input id="new-name" name="name" label={t("name")} autoComplete="off" defaultValue={state?.values?.name} error={error("name")} />
      <Select
        id="new-role"
        name="role"
        label={t("role")}
        key={state?.values?.role ?? "viewer"}
        defaultValue={state?.values?.role ?? "viewer"}
        options={(["viewer", "editor", "admin"] as const).map((r) => ({ value: r, label: common(`roles.${r}`) }))}
      />
      <Input id="new-password" name="password" type="password" label={t("password")} hint={t("passwordHint")} required autoComplete="new-password" error={error("password")} />
      <div className="sm:col-span-2 flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("createSubmit")}
        </Button>
        <p role="status" aria-live="polite" className={state?.ok === false ? "text-sm text-red-700" : "text-sm text-green-800"}>
          {state?.message}
        </p>
      </div>
    </form>
  );
}
