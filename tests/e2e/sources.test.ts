// An admin adds a source in the browser, polls it, and opens the new record that came
// from it (the fixture server on 127.0.0.1 plays the news site; the server is told to
// allow that one address with CHRONICLE_SOURCES_ALLOW).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSourceServer, type SourceServer } from "../helpers/source-server";
import { chromiumFound, expectAccessible, launchBrowser, newContext, screenshot, signIn } from "./support/browser";
import { buildIfStale, startServer, users, type RunningServer } from "./support/server";

describe.skipIf(!chromiumFound)("sources in Chromium", () => {
  let site: SourceServer;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    site = await startSourceServer();
    // The app server inherits these: the fixture site's address is allowed, nothing else private.
    process.env.CHRONICLE_SOURCES_ALLOW = "127.0.0.1/32";
    process.env.CHRONICLE_SOURCES_HOST_DELAY_MS = "50";
    process.env.CHRONICLE_SOURCES_TIMEOUT_MS = "5000";
    // The timer would poll the new source on its own within a minute; this test polls it by hand.
    process.env.CHRONICLE_SOURCES_TICK_SECONDS = "0";
    buildIfStale();
    server = await startServer();
    browser = await launchBrowser();
    page = await (await newContext(browser, server.baseUrl)).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await site?.close();
  });

  it("an admin adds a feed, polls it and opens the new record that came from it", async () => {
    await signIn(page, users.admin, "/admin/sources");
    await page.getByRole("heading", { level: 1, name: "Источники" }).waitFor();
    const add = page.locator("#sources-add");
    await add.getByLabel("Название").fill("МИД (тест)");
    await add.getByLabel("Адрес (URL)").fill(`${site.base}/one.xml`);
    await add.getByLabel("Опрашивать каждые").fill("1m");
    await add.getByRole("button", { name: "Добавить" }).click();
    await add.getByText("Интервал — от 5 минут до 7 дней.").waitFor();
    await add.getByLabel("Опрашивать каждые").fill("30m");
    await add.getByRole("button", { name: "Добавить" }).click();
    await add.getByText(/Источник «МИД \(тест\)» добавлен/).waitFor();

    await page.getByRole("button", { name: "Опросить сейчас: МИД (тест)" }).click();
    await page.getByText(/Опрошен: ссылок 1, новых 1/).waitFor({ timeout: 60_000 });
    await page.reload();
    await page.getByText(/ссылок: 1; новых 1/).waitFor();
    await expectAccessible(page, "sources page");
    await screenshot(page, "sources");

    await page.getByText("Последние ссылки").click();
    await page.getByRole("link", { name: "открыть статью" }).click();
    await page.waitForURL(/\/articles\/\d+/);
    const record = page.locator("#article-records").getByRole("link", { name: /Запись/ }).first();
    await record.click();
    await page.waitForURL(/\/records\/\d+/);
    await expect.poll(() => page.getByText("Ермек Кошербаев").first().isVisible()).toBe(true);
    expect(site.hits.get("/news/undated.html")).toBe(1);
  });
});
