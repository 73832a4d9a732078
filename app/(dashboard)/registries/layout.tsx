import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { RegistryTabs } from "@/components/registries/registry-tabs";
import { requireRolePage, roleAtLeast } from "@/lib/auth/session";

export default async function RegistriesLayout({ children }: { children: ReactNode }) {
  const user = await requireRolePage("viewer");
  const t = await getTranslations("registries");
  // Each role sees only the tabs it may open (proposals are for editors and admins).
  const editor = roleAtLeast(user.role, "editor");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <RegistryTabs
        label={t("tabs.label")}
        tabs={[
          { href: "/registries/partners", label: t("tabs.partners") },
          { href: "/registries/people", label: t("tabs.people") },
          { href: "/registries/themes", label: t("tabs.themes") },
          ...(editor ? [{ href: "/registries/proposals", label: t("tabs.proposals") }] : []),
          { href: "/registries/accuracy", label: t("tabs.accuracy") },
        ]}
      />
      {/* ActionForm (client) lists the records an accepted rule would change with this; its other sentences come from the server. */}
      <ClientMessages namespaces={["registries.proposals.affected"]}>{children}</ClientMessages>
    </div>
  );
}
