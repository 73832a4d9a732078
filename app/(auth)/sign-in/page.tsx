import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { LanguageSwitcher } from "@/components/shell/language-switcher";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getSessionUser } from "@/lib/auth/session";
import { SignInForm } from "../../../components/auth/sign-in-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  // Public page: a visitor who is already signed in goes on to where they wanted to be.
  if (await getSessionUser()) redirect(callbackUrl);
  const t = await getTranslations("auth");
  const app = await getTranslations("app");
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex justify-end p-4">
        <LanguageSwitcher />
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 pt-12">
        <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <p className="text-sm font-medium text-blue-800">{app("name")}</p>
          <h1 className="mt-1 text-xl font-semibold">{t("title")}</h1>
          <p className="mb-6 mt-1 text-sm text-slate-600">{t("intro")}</p>
          {params.signedOut === "1" ? (
            <p role="status" className="mb-4 rounded-md border border-emerald-300 bg-emerald-50 p-2 text-sm text-emerald-900">
              {t("signedOut")}
            </p>
          ) : null}
          <ClientMessages namespaces={["auth"]}>
            <SignInForm callbackUrl={callbackUrl} />
          </ClientMessages>
        </div>
      </main>
    </div>
  );
}
