// Issue 17 in a real Chromium against the production build: an editor imports three
// articles, adds a meeting the extractor missed by selecting words in an article, merges
// two records of one meeting from two outlets from the possible-duplicates list, and sees
// the analytics count move by one each time. The record page with two sources is
// photographed for the README (docs/screenshots/e2e-record-two-sources.png).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumFound, launchBrowser, newContext, screenshot, signIn } from "./support/browser";
import { buildIfStale, root, startServer, users, type RunningServer } from "./support/server";

const corpus = path.join(root, "tests", "fixtures", "grouping");

/** Selects `words` (the first occurrence) in the add page's article text, as a mouse would. */
async function selectWords(page: Page, words: string): Promise<void> {
  await page.getByTestId("add-article-text").evaluate((box, w) => {
    const node = box.firstChild as Text;
    const start = node.data.indexOf(w);
    if (start < 0) throw new Error(`not in the text: ${w}`);
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + w.length);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    box.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
  }, words);
}

async function pendingCount(page: Page): Promise<number> {
  await page.goto("/analytics?pending=1");
  const summary = page.getByTestId("analytics-summary");
  await summary.waitFor();
  return Number(await summary.getAttribute("data-approved")) + Number(await summary.getAttribute("data-pending"));
}

describe.skipIf(!chromiumFound)("the editor owns the record set, in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const articleIds = new Map<string, number>();

  beforeAll(async () => {
    buildIfStale();
    server = await startServer();
    browser = await launchBrowser();
    context = await newContext(browser, server.baseUrl);
    page = await context.newPage();
    await signIn(page, users.editor);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("imports two outlets' reports of one meeting (one dated differently) and an article with a missed meeting", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chronicle-e2e-records-"));
    fs.copyFileSync(path.join(corpus, "c01-kazinform.txt"), path.join(dir, "c01-kazinform.txt"));
    // Another outlet that got the day wrong: not attached automatically, proposed as a duplicate.
    const shifted = fs.readFileSync(path.join(corpus, "c01-tengrinews.txt"), "utf8").replace(/12 марта/g, "14 марта");
    fs.writeFileSync(path.join(dir, "c01-tengrinews.txt"), shifted);
    fs.copyFileSync(path.join(corpus, "c09-mazhilis.txt"), path.join(dir, "c09-mazhilis.txt"));
    await page.goto("/ingest");
    await page.getByLabel("Файлы статей").setInputFiles(["c01-kazinform.txt", "c01-tengrinews.txt", "c09-mazhilis.txt"].map((f) => path.join(dir, f)));
    await page.getByRole("button", { name: "Загрузить", exact: true }).click();
    await page.waitForURL(/[?&]job=\d+/);
    await page.getByText("Готово", { exact: true }).waitFor({ timeout: 90_000 });
    const links = page.getByRole("link", { name: "открыть статью" });
    expect(await links.count()).toBe(3);
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")!))) {
      await page.goto(href);
      const file = await page.locator("dd", { hasText: /\.txt$/ }).first().innerText();
      articleIds.set(file.trim(), Number(href.split("/").pop()));
    }
    expect([...articleIds.keys()].sort()).toEqual(["c01-kazinform.txt", "c01-tengrinews.txt", "c09-mazhilis.txt"]);
  });

  it("adds the meeting the extractor missed by selecting words, and the analytics count grows by one", async () => {
    const before = await pendingCount(page);
    await page.goto(`/articles/${articleIds.get("c09-mazhilis.txt")}`);
    await page.getByRole("link", { name: "Добавить встречу из этой статьи" }).click();
    await page.getByRole("heading", { level: 1, name: "Добавить встречу" }).waitFor();
    await selectWords(page, "Ерлан Кошанов");
    await page.getByRole("button", { name: "участника", exact: true }).click();
    await selectWords(page, "Всекитайского собрания народных представителей");
    await page.getByRole("button", { name: "партнёра", exact: true }).click();
    await page.getByLabel("Партнёр", { exact: true }).fill("Китай");
    await page.getByLabel("Дата", { exact: true }).fill("2025-03-05");
    await expect.poll(() => page.getByText("Сохранено доказательств: 2").isVisible()).toBe(true);
    await page.getByRole("button", { name: "Добавить встречу", exact: true }).click();
    await page.waitForURL(/\/records\/\d+$/);
    await page.getByRole("heading", { name: "Источники (1)" }).waitFor();
    expect(await pendingCount(page)).toBe(before + 1);
  });

  it("merges two records of one meeting from two outlets from the duplicates list; the count drops by one", async () => {
    const before = await pendingCount(page);
    await page.goto("/records/duplicates");
    const pair = page.getByTestId("duplicate-pairs").locator("li").filter({ hasText: "Kazinform" }).filter({ hasText: "Tengrinews" });
    await pair.first().getByRole("link", { name: "Сравнить и объединить" }).click();
    await page.getByRole("heading", { level: 1, name: "Объединение записей" }).waitFor();
    await page.getByRole("button", { name: "Объединить", exact: true }).click();
    // The path and the form's answer: a refusal shows its sentence in the failure message.
    const where = async () => `${new URL(page.url()).pathname} ${await page.getByRole("status").allInnerTexts().catch(() => [])}`;
    await expect.poll(where, { timeout: 45_000 }).toMatch(/^\/records\/\d+ /);
    await page.getByRole("heading", { name: "Источники (2)" }).waitFor();
    const sources = page.getByTestId("record-sources");
    await expect.poll(() => sources.innerText()).toMatch(/c01-kazinform\.txt[\s\S]*c01-tengrinews\.txt/);
    // The README's picture (npm run screenshots copies it to docs/screenshots/).
    await screenshot(page, "record-two-sources");
    expect(await pendingCount(page)).toBe(before - 1);
  });
});
