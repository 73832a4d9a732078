import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Badge, Card, EmptyState, Table, TBody, Td, Th, THead, Tr } from "@/components/ui";
import { getDb } from "@/db/index";
import { listUsers } from "@/db/queries/users";
import { requireRolePage } from "@/lib/auth/session";
import { ClearDelayForm } from "../../../../components/users/clear-delay-form";
import { CreateUserForm } from "../../../../components/users/create-user-form";
import { UserRowActions } from "../../../../components/users/user-row-actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage() {
  const me = await requireRolePage("admin");
  const t = await getTranslations("users");
  const common = await getTranslations("common");
  const rows = await listUsers(getDb());
  return (
    <ClientMessages namespaces={["users", "common.roles"]}>
      <div className="space-y-6">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-slate-600">{t("intro")}</p>
        </div>
        <Card title={t("listCaption")} id="users-list">
          {rows.length === 0 ? (
            <EmptyState title={t("empty")} />
          ) : (
            <Table caption={t("listCaption")}>
              <THead>
                <Tr>
                  <Th>{t("email")}</Th>
                  <Th>{t("name")}</Th>
                  <Th>{t("role")}</Th>
                  <Th>{t("status")}</Th>
                  <Th>{t("actions")}</Th>
                </Tr>
              </THead>
              <TBody>
                {rows.map((u) => (
                  <Tr key={u.id}>
                    <Th scope="row" className="font-normal">
                      {u.email} {u.id === me.id ? <Badge tone="info">{t("you")}</Badge> : null}
                    </Th>
                    <Td>{u.name ?? "—"}</Td>
                    <Td>{common(`roles.${u.role}`)}</Td>
                    <Td>
                      <Badge tone={u.disabled ? "danger" : "success"}>{u.disabled ? t("disabled") : t("active")}</Badge>
                    </Td>
                    <Td>
                      <UserRowActions user={{ id: u.id, email: u.email, role: u.role, disabled: u.disabled }} isSelf={u.id === me.id} />
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
        <Card title={t("create")} id="users-create">
          <CreateUserForm />
        </Card>
        <Card title={t("clearDelay")} id="users-clear-delay">
          <ClearDelayForm />
        </Card>
      </div>
    </ClientMessages>
  );
}
