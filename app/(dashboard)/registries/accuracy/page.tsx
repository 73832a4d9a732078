import { getTranslations } from "next-intl/server";
import { AccuracyChart } from "@/components/charts/accuracy-chart";
import { Card, EmptyState, Table, TBody, Td, Th, THead, Tr } from "@/components/ui";
import { getDb } from "@/db/index";
import { ACCURACY_FIELDS, accuracyReport, correctionRate, type AccuracyCell } from "@/db/queries/accuracy";
import { requireRolePage } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("registries"))("accuracy.title") };
}

const percent = (cell: AccuracyCell, field: (typeof ACCURACY_FIELDS)[number]) => Math.round(correctionRate(cell, field) * 1000) / 10;

export default async function AccuracyPage() {
  await requireRolePage("viewer");
  const t = await getTranslations("registries");
  const report = await accuracyReport(getDb());
  const fields = ACCURACY_FIELDS.map((key) => ({ key, label: t(`accuracy.fields.${key}`) }));
  const row = (label: string, cell: AccuracyCell, key: string) => (
    <Tr key={key}>
      <Th scope="row" className="font-normal">
        {label}
      </Th>
      <Td>{cell.approved}</Td>
      {ACCURACY_FIELDS.map((f) => (
        <Td key={f}>
          {cell.corrected[f]} <span className="text-slate-500">({percent(cell, f)}%)</span>
        </Td>
      ))}
    </Tr>
  );
  const head = (first: string) => (
    <THead>
      <Tr>
        <Th>{first}</Th>
        <Th>{t("accuracy.approved")}</Th>
        {fields.map((f) => (
          <Th key={f.key}>{f.label}</Th>
        ))}
      </Tr>
    </THead>
  );
  return (
    <div className="space-y-4">
      <p className="text-slate-600">{t("accuracy.intro")}</p>
      {report.total.approved === 0 ? (
        <EmptyState title={t("accuracy.none")} />
      ) : (
        <>
          <Card title={t("accuracy.byOutlet")} id="accuracy-outlet">
            <Table caption={t("accuracy.byOutlet")}>
              {head(t("accuracy.outlet"))}
              <TBody>
                {row(t("accuracy.total"), report.total, "total")}
                {report.byOutlet.map((c) => row(c.outlet ?? t("accuracy.noOutlet"), c, `o-${c.outlet}`))}
              </TBody>
            </Table>
          </Card>
          <Card title={t("accuracy.byMonth")} id="accuracy-month">
            <AccuracyChart
              title={t("accuracy.byMonth")}
              fields={fields}
              rows={report.byMonth.map((c) => ({ month: c.month ?? "—", ...Object.fromEntries(ACCURACY_FIELDS.map((f) => [f, percent(c, f)])) }))}
            />
            <Table caption={t("accuracy.byMonth")}>
              {head(t("accuracy.month"))}
              <TBody>{report.byMonth.map((c) => row(c.month ?? "—", c, `m-${c.month}`))}</TBody>
            </Table>
          </Card>
        </>
      )}
    </div>
  );
}
