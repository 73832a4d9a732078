// The filtered records as CSV (Excel-ready: UTF-8 with BOM) or JSON, streamed page by
// page so that 10,000+ records never become one string in memory.
import type { NextRequest } from "next/server";
import { z } from "zod";
import { getDb } from "@/db/index";
import { exportPage } from "@/db/queries/analytics";
import { CSV_BOM } from "@/lib/analytics/csv";
import { exportCsvHeader, exportCsvRow, exportFormats } from "@/lib/analytics/export-format";
import { parseFilter } from "@/lib/analytics/filters";
import { requireRoleApi } from "@/lib/auth/session";
import { isLocale, localeCookie } from "@/lib/i18n/config";

const exportQuery = z.object({
  format: z.enum(exportFormats, { error: "invalid_format" }).default("csv"),
});

const PAGE = 1000;

export async function GET(request: NextRequest): Promise<Response> {
  const user = await requireRoleApi("viewer");
  if (user instanceof Response) return user;

  const params = request.nextUrl.searchParams;
  const query = exportQuery.safeParse({ format: params.get("format") || undefined });
  const filter = parseFilter(params);
  if (!query.success || !filter.success) {
    const errors = { ...(filter.success ? {} : filter.errors), ...(query.success ? {} : { format: "invalid_format" }) };
    return Response.json({ error: "Invalid export filter", errors }, { status: 400, headers: { "Cache-Control": "no-store" } });
  }
  const format = query.data.format;
  const cookieLocale = request.cookies.get(localeCookie)?.value;
  const locale = isLocale(cookieLocale) ? cookieLocale : "ru";

  const encoder = new TextEncoder();
  let afterId = 0;
  let first = true;
  let done = false;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(format === "csv" ? CSV_BOM + exportCsvHeader() : "["));
    },
    // One page per pull: the stream only reads the next page when the client has taken the last.
    async pull(controller) {
      if (done) return;
      try {
        const rows = await exportPage(getDb(), { filter: filter.filter, locale, afterId, limit: PAGE });
        let chunk = "";
        for (const row of rows) {
          if (format === "csv") chunk += exportCsvRow(row);
          else {
            chunk += (first ? "\n" : ",\n") + JSON.stringify(row);
            first = false;
          }
        }
        if (chunk) controller.enqueue(encoder.encode(chunk));
        if (rows.length < PAGE) {
          done = true;
          if (format === "json") controller.enqueue(encoder.encode(first ? "]\n" : "\n]\n"));
          controller.close();
        } else {
          afterId = rows[rows.length - 1].id;
        }
      } catch (error) {
        console.error("export failed", error);
        controller.error(error);
      }
    },
  });

  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="chronicle-meetings-${stamp}.${format}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
