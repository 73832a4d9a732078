"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button, Input, Select } from "@/components/ui";
import { resetUserPasswordAction, setUserDisabledAction, setUserRoleAction, type UserAnswer } from "@/lib/actions/users";

type Row = { id: number; email: string; role: "viewer" | "editor" | "admin"; disabled: boolean };

/** Change role, disable/enable and reset password for one user; each answers in a live region. */
export function UserRowActions({ user, isSelf }: { user: Row; isSelf: boolean }) {
  const t = useTranslations("users");
  const common = useTranslations("common");
  const [roleState, roleAction, rolePending] = useActionState<UserAnswer | null, FormData>(setUserRoleAction, null);
  const [disState, disAction, disPending] = useActionState<UserAnswer | null, FormData>(setUserDisabledAction, null);
  const [pwState, pwAction, pwPending] = useActionState<UserAnswer | null, FormData>(resetUserPasswordAction, null);
  return (
    <div className="flex flex-col gap-2">
      <form action={roleAction} className="flex items-end gap-2">
        <input type="hidden" name="userId" value={user.id} />
        <Select
          // Remounted when the role changes: an uncontrolled select would keep showing the old one.
          key={user.role}
          id={`role-${user.id}`}
          name="role"
          label={`${t("changeRole")}: ${user.email}`}
          hideLabel
          defaultValue={user.role}
          disabled={isSelf}
          options={(["viewer", "editor", "admin"] as const).map((r) => ({ value: r, label: common(`roles.${r}`) }))}
        />
        <Button type="submit" size="sm" variant="secondary" disabled={rolePending || isSelf}>
          {t("applyRole")}
        </Button>
      </form>
      <form action={disAction}>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
        <Button
          type="submit"
          size="sm"
          variant={user.disabled ? "secondary" : "danger"}
          disabled={disPending || isSelf}
          aria-label={`${user.disabled ? t("enable") : t("disable")}: ${user.email}`}
        >
          {user.disabled ? t("enable") : t("disable")}
        </Button>
      </form>
      <details>
        <summary className="cursor-pointer text-sm text-blue-800">{t("resetPassword")}</summary>
        <form action={pwAction} className="mt-2 flex items-end gap-2">
          <input type="hidden" name="userId" value={user.id} />
          <Input id={`pw-${user.id}`} name="password" type="password" label={t("newPassword")} autoComplete="new-password" required error={pwState?.fieldErrors?.password?.join(" ")} />
          <Button type="submit" size="sm" variant="secondary" disabled={pwPending}>
            {t("resetSubmit")}
          </Button>
        </form>
      </details>
      {[roleState, disState, pwState].map((state, i) => (
        <p key={i} role="status" aria-live="polite" className={state?.ok === false ? "text-sm text-red-700" : "text-sm text-green-800"}>
          {state?.message}
        </p>
      ))}
    </div>
  );
}
