"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Input, SubmitRow, Select } from "@/components/ui";
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
      <SubmitRow label={t("createSubmit")} pending={pending} answer={state} className="sm:col-span-2" />
    </form>
  );
}
