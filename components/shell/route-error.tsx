"use client";
// What a dashboard page shows instead of Next's bare error page when it fails: a
// sentence in the reader's language and a retry that fetches the page again (the header
// stays, so the rest of the product is a click away).
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { startTransition, useEffect } from "react";
import { Button, buttonClass } from "@/components/ui";

export function RouteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  const router = useRouter();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="mx-auto max-w-xl space-y-3 rounded-lg border border-red-200 bg-red-50 p-6">
      <h1 className="text-xl font-semibold text-red-950">{t("title")}</h1>
      <p className="text-red-900">{t("text")}</p>
      <div className="flex flex-wrap gap-2">
        <Button
          onClick={() =>
            startTransition(() => {
              // Server components fail on the server: fetch the page again, then re-render it.
              router.refresh();
              reset();
            })
          }
        >
          {t("retry")}
        </Button>
        <Link href="/" className={buttonClass("ghost")}>{t("home")}</Link>
      </div>
    </div>
  );
}
