// The charts receive packed matrices instead of the query rows; the table view and CSV
// are rebuilt from them in the browser. These tests hold the rebuilt tables to what the
// query rows say, so packing loses nothing and invents nothing.
import { describe, expect, it } from "vitest";
import {
  countriesTable,
  heatTable,
  packHeat,
  packPartners,
  packThemes,
  partnersTable,
  periodLabels,
  themeShare,
  themesTable,
  type ColumnLabels,
} from "@/components/analytics/compact-data";
import type { HeatMap, PartnersOverTime, ThemePoint } from "@/db/queries/analytics";

const columns: ColumnLabels = {
  period: "Period",
  partner: "Partner",
  theme: "Theme",
  approved: "Approved",
  pending: "Pending",
  total: "Total",
  periodTotal: "In period",
  share: "Share",
  country: "Country",
  code: "Code",
};

const partners: PartnersOverTime = {
  series: [
    { partnerId: 7, name: "Austria", total: 9 },
    { partnerId: 3, name: "UN", total: 4 },
    { partnerId: null, name: null, total: 2 },
  ],
  points: [
    { period: "2024-01-01", partnerId: 7, approved: 5, pending: 1 },
    { period: "2024-01-01", partnerId: null, approved: 2, pending: 0 },
    { period: "2024-07-01", partnerId: 7, approved: 3, pending: 0 },
    { period: "2024-07-01", partnerId: 3, approved: 0, pending: 4 },
  ],
};

describe("partners over time, packed", () => {
  it("fills the empty periods between the first and the last with zeros", () => {
    const d = packPartners(partners, "quarter", true, "Other");
    expect(d.periods).toEqual(["2024-01-01", "2024-04-01", "2024-07-01"]);
    expect(d.series.map((s) => s.name)).toEqual(["Austria", "UN", "Other"]);
    expect(d.approved).toEqual([
      [5, 0, 3],
      [0, 0, 0],
      [2, 0, 0],
    ]);
    expect(d.pending).toEqual([
      [1, 0, 0],
      [0, 0, 4],
      [0, 0, 0],
    ]);
  });

  it("sends no pending matrix when pending records are left out", () => {
    expect(packPartners(partners, "quarter", false, "Other").pending).toBeNull();
  });

  it("rebuilds the table of the query's points, in their order", () => {
    const d = packPartners(partners, "quarter", true, "Other");
    const t = partnersTable(d, periodLabels(d.periods, "quarter", "en"), columns);
    expect(t.columns).toEqual(["Period", "Partner", "Approved", "Pending", "Total"]);
    expect(t.rows).toEqual([
      ["Q1 2024", "Austria", 5, 1, 6],
      ["Q1 2024", "Other", 2, 0, 2],
      ["Q3 2024", "Austria", 3, 0, 3],
      ["Q3 2024", "UN", 0, 4, 4],
    ]);
    expect(t.numeric).toEqual([2, 3, 4]);
  });
});

describe("themes over time, packed", () => {
  const points: ThemePoint[] = [
    { period: "2024-01-01", theme: "economy", label: "Economy", approved: 2, pending: 0, periodTotal: 4, share: 0.5 },
    { period: "2024-01-01", theme: "energy", label: "Energy", approved: 1, pending: 0, periodTotal: 4, share: 0.25 },
    { period: "2024-03-01", theme: "energy", label: "Energy", approved: 3, pending: 0, periodTotal: 3, share: 1 },
  ];

  it("keeps the period totals and gives the same shares as the query", () => {
    const d = packThemes(points, "month", false);
    expect(d.periods).toEqual(["2024-01-01", "2024-02-01", "2024-03-01"]);
    expect(d.totals).toEqual([4, 0, 3]);
    for (const p of points) {
      const s = d.series.findIndex((x) => x.code === p.theme);
      expect(themeShare(d, s, d.periods.indexOf(p.period))).toBeCloseTo(p.share);
    }
    expect(themeShare(d, 0, 1)).toBe(0);
  });

  it("rebuilds one table row per point", () => {
    const d = packThemes(points, "month", false);
    const t = themesTable(d, ["Jan", "Feb", "Mar"], columns);
    expect(t.columns).toEqual(["Period", "Theme", "Total", "In period", "Share"]);
    expect(t.rows).toEqual([
      ["Jan", "Economy", 2, 4, "50.0%"],
      ["Jan", "Energy", 1, 4, "25.0%"],
      ["Mar", "Energy", 3, 3, "100.0%"],
    ]);
    expect(t.numeric).toEqual([2, 3, 4]);
  });
});

describe("partner × theme, packed", () => {
  const h: HeatMap = {
    partners: [
      { partnerId: 7, name: "Austria", total: 9 },
      { partnerId: 3, name: "UN", total: 4 },
    ],
    themes: [
      { theme: "economy", label: "Economy" },
      { theme: "energy", label: "Energy" },
    ],
    cells: [
      { partnerId: 7, partnerName: "Austria", theme: "economy", label: "Economy", approved: 4, pending: 2 },
      { partnerId: 3, partnerName: "UN", theme: "energy", label: "Energy", approved: 1, pending: 0 },
    ],
  };

  it("puts each cell in its partner's row and its theme's column", () => {
    const d = packHeat(h, true);
    expect(d.approved).toEqual([
      [4, 0],
      [0, 1],
    ]);
    expect(d.pending).toEqual([
      [2, 0],
      [0, 0],
    ]);
    expect(heatTable(d, columns).rows).toEqual([
      ["Austria", "Economy", 4, 2, 6],
      ["UN", "Energy", 1, 0, 1],
    ]);
  });
});

describe("partner countries", () => {
  it("tables name, code and counts, without the map's numeric id or the partner id", () => {
    const t = countriesTable([["Austria", "AT", "040", 3, 1, 7]], false, columns);
    expect(t).toEqual({ columns: ["Country", "Code", "Total"], rows: [["Austria", "AT", 3]], numeric: [2] });
  });
});
