"use client";
// Splitting a record that mixes two contacts: the ticked participants, partners, themes
// and quotes move to a new record of the same article; the rest stays.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui";
import { splitAction } from "@/lib/actions/record-set";

export interface SplitGroup {
  name: "participants" | "partners" | "themes" | "quotes";
  options: { value: string; label: string }[];
}

export function SplitForm({ id, version, groups }: { id: number; version: number; groups: SplitGroup[] }) {
  const t = useTranslations("recordSet");
  const router = useRouter();
  const [state, action, pending] = useActionState(splitAction, null);
  useEffect(() => {
    if (state?.ok && state.data?.href) router.push(state.data.href);
  }, [state, router]);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      {groups.map((g) =>
        g.options.length ? (
          <fieldset key={g.name} className="rounded-md border border-slate-200 p-3">
            <legend className="px-1 text-sm font-semibold">{t(`split.${g.name}`)}</legend>
            {g.options.map((o) => (
              <label key={o.value} className="flex items-start gap-2 text-sm">
                <input type="checkbox" name={g.name} value={o.value} />
                <span>{o.label}</span>
              </label>
            ))}
          </fieldset>
        ) : null,
      )}
      <Button type="submit" disabled={pending}>
        {t("split.submit")}
      </Button>
      <p aria-live="polite" role="status" className="text-sm">{state?.message}</p>
    </form>
  );
}
