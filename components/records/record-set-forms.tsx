"use client";
// Small forms of the record-set pages: dismiss a possible duplicate, restore a deleted
// record. Each posts to its server action and shows the sentence it answers.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui";
import { dismissAction, undoAction } from "@/lib/actions/record-set";

export function DismissButton({ a, b }: { a: number; b: number }) {
  const t = useTranslations("recordSet");
  const router = useRouter();
  const [state, action, pending] = useActionState(dismissAction, null);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="a" value={a} />
      <input type="hidden" name="b" value={b} />
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        {t("duplicates.dismiss")}
      </Button>
      <span aria-live="polite" role="status" className="ml-2 text-sm">{state?.message}</span>
    </form>
  );
}

export function RestoreButton({ operationId }: { operationId: number }) {
  const t = useTranslations("recordSet");
  const router = useRouter();
  const [state, action, pending] = useActionState(undoAction, null);
  useEffect(() => {
    if (state?.ok && state.data?.href) router.push(state.data.href);
  }, [state, router]);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="operationId" value={operationId} />
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        {t("deleted.restore")}
      </Button>
      <span aria-live="polite" role="status" className="ml-2 text-sm">{state?.message}</span>
    </form>
  );
}
