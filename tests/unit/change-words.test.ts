// A registry entry's history shows what a reader cares about, never stored data: an alias,
// a keyword, a name, a position — not ids, flags or a merged record's JSON.
import { describe, expect, it, vi } from "vitest";

vi.mock("next-intl/server", () => ({ getLocale: async () => "ru", getTranslations: async () => () => "" }));
const { aliasNote, valueWords } = await import("@/components/registries/change-list");

describe("history values in words", () => {
  it("keeps words and drops internal data", () => {
    expect(valueWords({ aliasId: 7, alias: "Офис ОБСЕ", partnerId: 3 })).toBe("Офис ОБСЕ");
    expect(valueWords({ keyword: "инвестиц", weight: 1 })).toBe("инвестиц");
    expect(valueWords([{ name: "Иса Ямадаев" }, { name: "Сулим Ямадаев" }])).toBe("Иса Ямадаев, Сулим Ямадаев");
    expect(valueWords({ merged_into_id: 4, quotes: [], participants: [{ id: 9, meetingId: 2 }] })).toBeNull();
    expect(valueWords(42)).toBeNull();
    expect(valueWords("Алматы")).toBe("Алматы");
  });

  it("says an alias's kind and origin in words", () => {
    const words: Record<string, string> = { "aliasKinds.abbreviation": "сокращение", "aliasSources.seed": "из поставки", "aliasSources.other": "другой источник" };
    const t = Object.assign((k: string) => words[k]!, { has: (k: string) => k in words });
    expect(aliasNote(t, "abbreviation", "seed")).toBe("сокращение, из поставки");
    expect(aliasNote(t, null, "somewhere")).toBe("другой источник");
  });
});
