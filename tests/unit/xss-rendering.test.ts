// Article text and extracted values are rendered as text, never as HTML: a hostile
// article must come out escaped, and no component may bypass React's escaping.
import fs from "node:fs";
import path from "node:path";
import { createElement, type FunctionComponent, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { ArticleText } from "@/components/records/article-text";
import messages from "@/lib/i18n/messages/ru.json";
import { createExtractor } from "@/lib/extract";

const hostile =
  'Председатель Сената Маулен Ашимбаев встретился с послом США <script>alert("x")</script> ' +
  '<img src=x onerror="alert(1)"> Дэниелом Розенблюмом, сообщает Kazpravda.kz';

// The provider's props type requires a `children` key, while React (and ESLint's
// react/no-children-prop) want children as createElement's third argument.
const Provider = NextIntlClientProvider as FunctionComponent<{ locale: string; messages: typeof messages; children?: ReactNode }>;

function render(text: string, spans: { start: number; end: number }[] = []) {
  return renderToStaticMarkup(createElement(Provider, { locale: "ru", messages }, createElement(ArticleText, { text, spans, focusKey: "x" })));
}

describe("hostile article text", () => {
  it("is escaped when rendered, with and without evidence marks", () => {
    for (const spans of [[], [{ start: 0, end: 30 }, { start: 90, end: 140 }]]) {
      const html = render(hostile, spans);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<img/i);
      // The evidence marks may cut the text anywhere: compare the text between tags.
      const text = html.replace(/<[^>]+>/g, "");
      expect(text).toContain("&lt;script&gt;");
      expect(text).toContain("&lt;img src=x onerror=");
    }
  });

  it("keeps the markup as literal text through plain-text extraction", () => {
    const [article] = createExtractor().extractText(hostile).articles;
    expect(article.text).toContain("<script>");
    const html = render(article.text);
    expect(html).not.toMatch(/<script|<img/i);
  });

  it("loses scripts and event handlers when the article arrives as HTML", () => {
    const page = `<html><body><article><h1>Заголовок</h1><p>${hostile}</p><script>alert(2)</script></article></body></html>`;
    const [article] = createExtractor().extractText(page, { isHtml: true }).articles;
    expect(article.text).not.toMatch(/alert\(2\)/);
    expect(render(article.text)).not.toMatch(/<script|<img/i);
  });

  it("is never injected as HTML anywhere in the app", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (/\.(tsx?|jsx?)$/.test(entry.name) && /dangerouslySetInnerHTML|\.innerHTML\s*=/.test(fs.readFileSync(p, "utf8")))
          offenders.push(p);
      }
    };
    for (const dir of ["app", "components", "lib"]) walk(path.join(process.cwd(), dir));
    expect(offenders).toEqual([]);
  });
});
