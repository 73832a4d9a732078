import { describe, expect, it } from "vitest";
import { CSV_BOM, csvField, csvRow, toCsv } from "@/lib/analytics/csv";
import { filterToParams, parseFilter, parseFilterLenient, periodEnd, periodRange } from "@/lib/analytics/filters";
import { autoGranularity } from "@/lib/analytics/periods";

describe("analytics filter parsing", () => {
  it("defaults to approved only, by month", () => {
    expect(parseFilter(new URLSearchParams())).toEqual({
      success: true,
      filter: { includePending: false, granularity: "month" },
    });
  });

  it("parses every field from URL params, ignoring empty form fields", () => {
    const r = parseFilter(
      new URLSearchParams("from=2024-01-01&to=2024-12-31&type=country&partner=12&theme=economy&kind=phone_call&official=%D0%A2%D0%BE%D0%BA%D0%B0%D0%B5%D0%B2&pending=1&granularity=quarter&q="),
    );
    expect(r).toEqual({
      success: true,
      filter: {
        from: "2024-01-01",
        to: "2024-12-31",
        partnerType: "country",
        partnerId: 12,
        theme: "economy",
        kind: "phone_call",
        official: "Токаев",
        includePending: true,
        granularity: "quarter",
      },
    });
    expect(parseFilter({ partner: "", theme: ["security", "economy"] })).toEqual({
      success: true,
      filter: { theme: "security", includePending: false, granularity: "month" },
    });
  });

  it("names each invalid field", () => {
    const r = parseFilter({ from: "2024-13-01", partner: "abc", kind: "party", granularity: "week", type: "city", pending: "maybe", theme: "'; drop" });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(Object.keys(r.errors).sort()).toEqual(["from", "granularity", "kind", "partner", "pending", "theme", "type"]);
    expect(r.errors.granularity).toBe("invalid_granularity");
  });

  it("refuses a range that ends before it starts", () => {
    const r = parseFilter({ from: "2024-05-01", to: "2024-01-01" });
    expect(r).toEqual({ success: false, errors: { to: "from_after_to" } });
  });

  it("leniently drops only the invalid fields", () => {
    const r = parseFilterLenient({ from: "2024-05-01", to: "2024-01-01", kind: "meeting", partner: "-3" });
    expect(r.filter).toEqual({ from: "2024-05-01", kind: "meeting", includePending: false, granularity: "month" });
    expect(Object.keys(r.errors).sort()).toEqual(["partner", "to"]);
  });

  it("round-trips through URL params", () => {
    const params = filterToParams({ from: "2024-01-01", partnerId: 5, includePending: true, granularity: "year", theme: "security" });
    expect(params.toString()).toBe("from=2024-01-01&partner=5&theme=security&pending=1&granularity=year");
    const back = parseFilter(params);
    expect(back.success && back.filter).toEqual({ from: "2024-01-01", partnerId: 5, theme: "security", includePending: true, granularity: "year" });
  });

  it("computes period ends and fills the periods between two dates", () => {
    expect(periodEnd("2024-02-01", "month")).toBe("2024-02-29");
    expect(periodEnd("2024-10-01", "quarter")).toBe("2024-12-31");
    expect(periodEnd("2023-01-01", "year")).toBe("2023-12-31");
    expect(periodRange("2024-11-01", "2025-02-01", "month")).toEqual(["2024-11-01", "2024-12-01", "2025-01-01", "2025-02-01"]);
    expect(periodRange("2024-01-01", "2024-10-01", "quarter")).toEqual(["2024-01-01", "2024-04-01", "2024-07-01", "2024-10-01"]);
  });
});

describe("automatic time step", () => {
  it("uses months up to three years and quarters beyond", () => {
    expect(autoGranularity(null, null)).toBe("month");
    expect(autoGranularity("2024-01-01", "2026-12-31")).toBe("month");
    expect(autoGranularity("2016-01-01", "2026-11-20")).toBe("quarter");
  });
});

describe("CSV writing", () => {
  it("quotes separators, quotes and line breaks", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("Вена, Хофбург")).toBe('"Вена, Хофбург"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(null)).toBe("");
    expect(csvField(42)).toBe("42");
    expect(csvField(-3)).toBe("-3");
  });

  it("defuses spreadsheet formulas", () => {
    expect(csvField("=HYPERLINK(\"x\")")).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField("@cmd")).toBe("\"'@cmd\"");
  });

  it("writes CRLF rows after a BOM", () => {
    expect(csvRow(["a", "b,c"])).toBe('a,"b,c"\r\n');
    const csv = toCsv(["name", "n"], [["Россия", 4]]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.slice(1)).toBe("name,n\r\nРоссия,4\r\n");
    expect(toCsv(["x"], [], { bom: false })).toBe("x\r\n");
  });
});
