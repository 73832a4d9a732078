// An article without a headline is called by its first real sentence, on the list and on
// its page alike; metadata lines (a date stamp, a photo credit) never become its title.
import { describe, expect, it } from "vitest";
import { displayTitle } from "@/lib/articles/display-title";

describe("an article's display title", () => {
  it("is its own headline when it has one", () => {
    expect(displayTitle("  Спикер Сената встретился с послом  ", "Текст.")).toBe("Спикер Сената встретился с послом");
  });

  it("skips a date stamp and a photo credit and takes the first sentence", () => {
    const text = " date 2026-03-04 Фото: пресс-служба Сената\n\nСтороны обсудили актуальные вопросы международной повестки. И ещё одно предложение.";
    expect(displayTitle(null, text)).toBe("Стороны обсудили актуальные вопросы международной повестки.");
  });

  it("cuts a long first line and gives nothing for a text of metadata only", () => {
    const long = "Председатель Сената ".repeat(20);
    expect(displayTitle(null, long)!.length).toBe(160);
    expect(displayTitle(null, "12:30\nФото: Акорда\n")).toBeNull();
  });
});
