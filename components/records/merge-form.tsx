"use client";
// Merging two records: for each field where they differ, the editor picks one side
// (lists may keep both); both articles become sources of the kept record. The versions
// the page showed go along, so a change made meanwhile is refused, not overwritten.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui";
import { mergeAction } from "@/lib/actions/record-set";

export interface MergeRow {
  field: "kind" | "date" | "location" | "participants" | "partners" | "themes" | "quotes";
  label: string;
  target: string;
  other: string;
  list: boolean;
}

export function MergeForm(props: { targetId: number; targetVersion: number; otherId: number; otherVersion: number; rows: MergeRow[] }) {
  const t = useTranslations("recordSet");
  const router = useRouter();
  const [state, action, pending] = useActionState(mergeAction, null);
  useEffect(() => {
    if (state?.ok && state.data?.href) router.push(state.data.href);
  }, [state, router]);
  return (
    <form action={action} className="space-y-3" aria-label={t("merge.title")}>
      {(["targetId", "targetVersion", "otherId", "otherVersion"] as const).map((k) => (
        <input key={k} type="hidden" name={k} value={props[k]} />
      ))}
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th className="p-2">{t("merge.field")}</th>
            <th className="p-2">{t("merge.keep", { id: props.targetId })}</th>
            <th className="p-2">{t("merge.keep", { id: props.otherId })}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => {
            const same = r.target === r.other;
            const name = `choice_${r.field}`;
            const initial = r.list ? "both" : "target";
            return (
              <tr key={r.field} className="border-b border-slate-200 align-top">
                <th scope="row" className="p-2 text-left font-medium">
                  {r.label}
                  {r.list && !same ? (
                    <label className="mt-1 block text-xs font-normal">
                      <input type="radio" name={name} value="both" defaultChecked={initial === "both"} /> {t("merge.both")}
                    </label>
                  ) : null}
                </th>
                {(["target", "other"] as const).map((s) => (
                  <td key={s} className="p-2">
                    {same ? (
                      <span className="text-slate-600">{r[s] || "—"} {s === "target" ? `(${t("merge.same")})` : ""}</span>
                    ) : (
                      <label className="flex gap-2">
                        <input type="radio" name={name} value={s} defaultChecked={initial === s} />
                        <span className="whitespace-pre-wrap">{r[s] || "—"}</span>
                      </label>
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <Button type="submit" disabled={pending}>
        {t("merge.submit")}
      </Button>
      <p aria-live="polite" role="status" className="text-sm">{state?.message}</p>
    </form>
  );
}
