import { describe, expect, it } from "vitest";
import { htmlToArticle, limitHtmlDepth, MAX_HTML_DEPTH } from "@/lib/extract/text/html";
import { nestedDivs, nestedTables } from "../helpers/nasty-files";

describe("HTML cleaning is linear in the input", () => {
  it("drops only the tags nested past the limit and keeps their text", () => {
    const deep = `<div>${"<b>".repeat(5)}x${"</b>".repeat(5)}</div><p>after</p>`;
    expect(limitHtmlDepth(deep, 3)).toBe("<div><b><b>x</b></b></div><p>after</p>");
    const shallow = "<html><body><p>a<br>b<img src=x></p></body></html>";
    expect(limitHtmlDepth(shallow)).toBe(shallow);
    expect(limitHtmlDepth(nestedDivs(MAX_HTML_DEPTH + 10)).match(/<div>/g)).toHaveLength(MAX_HTML_DEPTH - 2); // <html> and <body> count too
  });

  it("reads 100,000 nested <div>s in seconds, not minutes, without overflowing the stack", () => {
    const started = performance.now();
    const article = htmlToArticle(nestedDivs(100_000));
    expect(article.text).toContain("Текст статьи о встрече.");
    // 88 s before (and a stack overflow); about 0.5 s now. Generous for a busy machine.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("reads 4 MB of nested tables in seconds", () => {
    const started = performance.now();
    expect(htmlToArticle(nestedTables()).text).toContain("ячейка");
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("doubling the depth about doubles the time (linear, not quadratic)", () => {
    const time = (depth: number) => {
      const html = nestedDivs(depth);
      const started = performance.now();
      htmlToArticle(html);
      return performance.now() - started;
    };
    time(5_000);
    const small = Math.min(time(25_000), time(25_000));
    const large = Math.min(time(100_000), time(100_000));
    // Quadratic growth would make it 16 times; linear about 4.
    expect(large / small).toBeLessThan(9);
  });
});
