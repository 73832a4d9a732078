// CSV as Excel and LibreOffice read it: RFC 4180 quoting, CRLF line ends, and a
// UTF-8 byte-order mark so Cyrillic is not shown as mojibake. Pure: the chart
// "CSV" buttons (in the browser) and the export route (streaming) both use it.

/** Excel needs the BOM to read the file as UTF-8. */
export const CSV_BOM = "\uFEFF";

export type CsvValue = string | number | boolean | null | undefined;

/** Quotes a field when it holds a separator, a quote or a line break; doubles inner quotes. */
export function csvField(value: CsvValue): string {
  if (value == null) return "";
  const s = String(value);
  // A leading =, +, - or @ would be run as a formula by spreadsheets (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s) ? `'${s}` : s;
  return /[",\r\n;]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

/** A whole (small) table; the export route streams row by row instead. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[], options: { bom?: boolean } = {}): string {
  return (options.bom === false ? "" : CSV_BOM) + csvRow(header) + rows.map(csvRow).join("");
}
