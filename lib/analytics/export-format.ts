// How one exported record looks as a CSV row and as JSON. Pure, so the route streams
// it page by page and the tests check it without a server.
import type { ExportRecord } from "@/db/queries/analytics";
import { csvRow, type CsvValue } from "./csv";

export const exportFormats = ["csv", "json"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const CSV_COLUMNS = [
  "id",
  "date",
  "status",
  "kind",
  "home_official",
  "location",
  "partners",
  "partner_codes",
  "themes",
  "home_participants",
  "partner_participants",
  "article_title",
  "outlet",
  "url",
  "published_on",
  "outlets",
  "sources",
] as const;

const joined = (values: (string | null | undefined)[]) => values.filter((v): v is string => !!v).join("; ");

const person = (p: ExportRecord["participants"][number]) => (p.position ? `${p.name} (${p.position})` : p.name);

export function exportCsvRow(r: ExportRecord): string {
  const values: CsvValue[] = [
    r.id,
    r.date,
    r.status,
    r.kind,
    r.homeOfficial,
    r.location,
    joined(r.partners.map((p) => p.name)),
    joined(r.partners.map((p) => p.code)),
    joined(r.themes.map((t) => t.label)),
    joined(r.participants.filter((p) => p.side === "home").map(person)),
    joined(r.participants.filter((p) => p.side === "partner").map(person)),
    r.article.title,
    r.article.outlet,
    r.article.url,
    r.article.publishedOn,
    joined([...new Set((r.sources ?? []).map((s) => s.outlet))]),
    Math.max(1, (r.sources ?? []).length),
  ];
  return csvRow(values);
}

export const exportCsvHeader = (): string => csvRow([...CSV_COLUMNS]);
