import { describe, expect, it } from "vitest";
import { scoreGrouping } from "@/lib/ingest/grouping-score";
import { parseRuDate } from "@/components/records/add-meeting-fields";

describe("pairwise grouping score", () => {
  const gold = { "a1": "A", "a2": "A", "a3": "A", "b1": "B", "b2": "B", "c1": "C" };

  it("is perfect when the records are the contacts", () => {
    const s = scoreGrouping([["a1", "a2", "a3"], ["b1", "b2"], ["c1"]], gold);
    expect([s.precision, s.recall, s.goldPairs]).toEqual([1, 1, 4]);
  });

  it("counts a wrong pair against precision and a split contact against recall", () => {
    // a3 alone (misses a1-a3, a2-a3), c1 wrongly with the b's (b1-c1, b2-c1 wrong).
    const s = scoreGrouping([["a1", "a2"], ["a3"], ["b1", "b2", "c1"]], gold);
    expect(s.truePairs).toBe(2);
    expect(s.precision).toBeCloseTo(2 / 4);
    expect(s.recall).toBeCloseTo(2 / 4);
    expect(s.wrong).toEqual(["b1|c1", "b2|c1"]);
    expect(s.missed).toEqual(["a1|a3", "a2|a3"]);
  });

  it("ignores files outside the gold and a file listed twice in one record", () => {
    const s = scoreGrouping([["a1", "a1", "x"], ["a2", "a3", "a1"]], { a1: "A", a2: "A", a3: "A" });
    expect([s.precision, s.recall]).toEqual([1, 1]);
  });
});

describe("dates selected in Russian text", () => {
  it("reads day-month-year, day-month with the article's year, and numeric dates", () => {
    expect(parseRuDate("12 марта 2025 года", "2024")).toBe("2025-03-12");
    expect(parseRuDate("5 мая", "2024")).toBe("2024-05-05");
    expect(parseRuDate("1 декабря", "2023")).toBe("2023-12-01");
    expect(parseRuDate("03.10.2024", "2020")).toBe("2024-10-03");
    expect(parseRuDate("в марте", "2024")).toBeNull();
    expect(parseRuDate("12 человек", "2024")).toBeNull();
  });
});
