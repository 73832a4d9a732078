import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { focusRing } from "@/components/ui";
import type { SessionUser } from "@/lib/auth/session";
import { roleAtLeast } from "@/lib/auth/session";
import { LanguageSwitcher } from "./language-switcher";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";
import { navItems } from "./nav-items";

/** The dashboard's banner: app name, navigation for the user's role, who is signed in, language, sign-out. */
export async function AppHeader({ user }: { user: SessionUser }) {
  const t = await getTranslations("nav");
  const common = await getTranslations("common");
  const app = await getTranslations("app");
  const items = navItems
    .filter((item) => roleAtLeast(user.role, item.minimum))
    .map((item) => ({ href: item.href, label: t(item.key) }));
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className={`rounded text-lg font-semibold text-slate-900 ${focusRing}`}>
          {app("name")}
        </Link>
        <NavLinks items={items} label={t("label")} />
        <div className="flex flex-wrap items-center gap-3">
          <p className="text-sm text-slate-700">
            <span className="sr-only">{t("signedInAs", { name: user.name ?? user.email })}. </span>
            <span aria-hidden="true">{user.name ?? user.email}</span>{" "}
            <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
              {t("role", { role: common(`roles.${user.role}`) })}
            </span>
          </p>
          <LanguageSwitcher />
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
