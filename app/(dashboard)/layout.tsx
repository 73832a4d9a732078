import { ClientMessages } from "@/components/i18n/client-messages";
import { AppHeader } from "@/components/shell/app-header";
import { SkipLink } from "@/components/shell/skip-link";
import { requireRolePage } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/**
 * Every dashboard page renders inside this <main id="main">: pages start with their own <h1>
 * and must not add another <main>. Pages still call requireRolePage themselves (layouts
 * are not re-run on client navigation).
 */
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireRolePage("viewer");
  return (
    <>
      <SkipLink />
      <AppHeader user={user} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 focus:outline-none">
        {/* The error boundaries of every segment below translate with these (pages give their own groups to their own client parts). */}
        <ClientMessages namespaces={["errors"]}>{children}</ClientMessages>
      </main>
    </>
  );
}
