// Every world region the bundled registry uses has a Russian name for the Russian interface.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { regionLabel } from "@/lib/i18n/regions";

describe("region names", () => {
  it("are Russian in the Russian interface for every region of countries.tsv, and kept in English", () => {
    const [head, ...lines] = fs.readFileSync(path.join(process.cwd(), "lib", "extract", "data", "countries.tsv"), "utf8").trim().split("\n");
    const col = head.split("\t").indexOf("region");
    const regions = [...new Set(lines.map((l) => l.split("\t")[col]).filter(Boolean))];
    expect(regions.length).toBeGreaterThan(8);
    for (const r of regions) {
      expect(regionLabel(r, "ru"), r).toMatch(/^[А-ЯЁ][А-ЯЁа-яё\- ]+$/);
      expect(regionLabel(r, "en")).toBe(r);
    }
  });
});
