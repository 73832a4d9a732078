import { describe, expect, it } from "vitest";
import { mergeSpans, splitBySpans } from "@/components/records/article-text";
import { changesOf, dirtyFields, draftFromRecord } from "@/components/records/draft";
import type { RecordView } from "@/db/queries/meetings";

describe("evidence marks", () => {
  const text = "Маулен Ашимбаев встретился с послом США <b>в Астане</b>.";

  it("cuts the text at span offsets and keeps every character once", () => {
    const pieces = splitBySpans(text, [{ start: 36, end: 39 }, { start: 0, end: 15 }]);
    expect(pieces.map((p) => p.text).join("")).toBe(text);
    expect(pieces.filter((p) => p.marked).map((p) => p.text)).toEqual(["Маулен Ашимбаев", "США"]);
  });

  it("merges overlapping spans and clips those outside the text", () => {
    expect(mergeSpans([{ start: 5, end: 10 }, { start: 8, end: 12 }, { start: 50, end: 999 }, { start: 3, end: 3 }], 20)).toEqual([{ start: 5, end: 12 }]);
    expect(splitBySpans("abc", [])).toEqual([{ text: "abc", marked: false }]);
  });

  it("leaves markup in the text as text", () => {
    const marked = splitBySpans(text, [{ start: 40, end: 43 }]).find((p) => p.marked)!;
    expect(marked.text).toBe("<b>");
  });
});

describe("record form draft", () => {
  const record = {
    kind: "meeting",
    date: "2024-03-15",
    location: "Астана",
    participants: [{ id: 7, name: "Маулен Ашимбаев", position: null, side: "home", source: "extractor", confidence: 0.5 }],
    partners: [{ id: 3, name: "США", type: "country", code: "US", source: "extractor", confidence: 0.7 }],
    themes: [{ code: "economy", labelRu: "", labelEn: "", source: "extractor", confidence: 0.5 }],
    quotes: [],
  } as unknown as RecordView;

  it("sends only the fields the editor changed", () => {
    const base = draftFromRecord(record);
    expect(dirtyFields(base, base)).toEqual([]);
    const edited = { ...base, date: "", partners: [...base.partners, { key: "n", name: "Лихтенштейн", type: "country" as const }], themes: ["economy"] };
    const fields = dirtyFields(edited, base);
    expect(fields).toEqual(["date", "partners"]);
    expect(changesOf(edited, fields)).toEqual({ date: null, partners: [{ id: 3 }, { name: "Лихтенштейн", type: "country" }] });
  });

  it("does not count reordering themes as a change, but counts a renamed participant", () => {
    const base = draftFromRecord({ ...record, themes: [...record.themes, { ...record.themes[0], code: "security" }] });
    expect(dirtyFields({ ...base, themes: ["security", "economy"] }, base)).toEqual([]);
    const renamed = { ...base, participants: [{ ...base.participants[0], name: "Маулен Сагатханулы Ашимбаев" }] };
    expect(changesOf(renamed, dirtyFields(renamed, base))).toEqual({
      participants: [{ id: 7, name: "Маулен Сагатханулы Ашимбаев", position: null, side: "home" }],
    });
  });
});
