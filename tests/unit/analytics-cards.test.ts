// The analytics cards as the server renders them: the table view is not in the HTML until
// it is opened (its rows are not even built), the button that opens it says what it
// controls, and the drill-down links are in the HTML, so they work before JavaScript.
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { describe, expect, it, vi } from "vitest";
import { BarList } from "@/components/analytics/bar-list";
import { ChartCard } from "@/components/analytics/chart-card";
import type { ColumnLabels, HeatData } from "@/components/analytics/compact-data";
import { DataTable } from "@/components/analytics/data-table";
import { HeatmapCard } from "@/components/analytics/heatmap-card";

const router = { push: vi.fn(), replace: vi.fn(), refresh: vi.fn(), back: vi.fn(), forward: vi.fn(), prefetch: vi.fn() };
const render = (node: ReactNode) => renderToStaticMarkup(createElement(AppRouterContext.Provider, { value: router as never }, node));

const card = { table: "Table", csv: "CSV", empty: "No data" };
const columns = Object.fromEntries(
  ["period", "partner", "theme", "approved", "pending", "total", "periodTotal", "share", "country", "code"].map((k) => [k, k]),
) as unknown as ColumnLabels;

describe("chart card", () => {
  it("renders the table button closed and builds no rows on the server", () => {
    const table = vi.fn(() => ({ columns: ["A"], rows: [["x"]] }));
    const html = render(createElement(ChartCard, { id: "chart-x", title: "X", table, empty: false, csvName: "x", labels: card }, createElement("svg")));
    expect(html).toMatch(/<button[^>]*aria-expanded="false"[^>]*aria-controls="chart-x-table"|<button[^>]*aria-controls="chart-x-table"[^>]*aria-expanded="false"/);
    expect(html).toMatch(/<div id="chart-x-table" hidden=""/);
    expect(html).not.toContain("<table");
    expect(table).not.toHaveBeenCalled();
  });

  it("shows the empty message and no table button without data", () => {
    const html = render(createElement(ChartCard, { id: "chart-x", title: "X", table: { columns: ["A"], rows: [] }, csvName: "x", labels: card }));
    expect(html).toContain("No data");
    expect(html).not.toContain("aria-expanded");
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>CSV<\/button>/);
  });
});

describe("data table", () => {
  it("is a real table: caption, column headers, each row headed by its first cell", () => {
    const html = render(createElement(DataTable, { caption: "Partners", table: { columns: ["Partner", "Total"], rows: [["Austria", 3], ["UN", null]], numeric: [1] } }));
    expect(html).toContain("<caption");
    expect(html).toContain(">Partners</caption>");
    expect(html.match(/<th scope="col"/g)).toHaveLength(2);
    expect(html.match(/<th scope="row"[^>]*>Austria<\/th>/)).not.toBeNull();
    expect(html).toContain(">—</td>");
  });
});

describe("heat map card", () => {
  const data: HeatData = {
    partners: [
      { id: 7, name: "Austria" },
      { id: 3, name: "UN" },
    ],
    themes: [
      { code: "economy", label: "Economy" },
      { code: "energy", label: "Energy" },
    ],
    approved: [
      [4, 0],
      [0, 1],
    ],
    pending: [
      [2, 0],
      [0, 0],
    ],
  };

  it("renders one drill-down link per non-empty cell, with the page's filter", () => {
    const html = render(
      createElement(HeatmapCard, {
        data,
        drillBase: { includePending: true, from: "2024-01-01" },
        text: { title: "Heat", description: "", card, columns, pendingSuffix: "pending" },
      }),
    );
    const hrefs = [...html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, "&"));
    expect(hrefs).toEqual(["/records?status=all&partner=7&theme=economy&from=2024-01-01", "/records?status=all&partner=3&theme=energy&from=2024-01-01"]);
    expect(html).toContain('title="Austria × Economy: 6 (2 pending)"');
    expect(html).not.toContain("<table");
  });
});

describe("bar list", () => {
  it("renders plain links for items with a target and text for the others", () => {
    const html = render(
      createElement(BarList, {
        pendingLabel: "pending",
        items: [
          { key: "a", label: "Austria", approved: 3, pending: 1, href: "/records?partner=7" },
          { key: "b", label: "Nowhere", approved: 1, pending: 0 },
        ],
      }),
    );
    expect(html.match(/<a href="\/records\?partner=7"/g)).toHaveLength(1);
    expect(html).toContain("Nowhere");
    expect(html).toContain("(1 pending)");
  });
});
