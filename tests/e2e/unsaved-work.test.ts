// Work an editor never loses, in a real Chromium: unsaved changes block leaving the record
// (a link, a shortcut, another page, a reload), and a save refused because the session
// ended in another tab keeps the draft, offers to sign in again and saves it after.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumFound, launchBrowser, newContext, signIn } from "./support/browser";
import { buildIfStale, startServer, users, type RunningServer } from "./support/server";

describe.skipIf(!chromiumFound)("unsaved work in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let recordId = 0;

  beforeAll(async () => {
    buildIfStale();
    server = await startServer();
    browser = await launchBrowser();
    context = await newContext(browser, server.baseUrl);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const form = () => page.getByRole("form", { name: "Поля записи" });
  const place = () => form().getByRole("textbox", { name: "Место", exact: true });
  const dialog = () => page.getByRole("dialog", { name: "Есть несохранённые изменения" });

  async function expectGuardThenStay(leave: () => Promise<void>, value: string) {
    const before = page.url();
    await leave();
    await dialog().waitFor();
    await dialog().getByRole("button", { name: "Остаться" }).click();
    await dialog().waitFor({ state: "hidden" });
    expect(page.url()).toBe(before);
    expect(await place().inputValue()).toBe(value);
  }

  it("asks before leaving a record with unsaved changes, three ways, and on reload", async () => {
    await signIn(page, users.editor, "/records?status=pending&sort=date_desc");
    await page.locator("a[data-row-link]").nth(1).click();
    await page.waitForURL(/\/records\/\d+/);
    recordId = Number(new URL(page.url()).pathname.split("/").pop());
    await form().waitFor();

    await place().fill("Черновик-1");
    await expectGuardThenStay(() => page.getByRole("link", { name: /К очереди/ }).click(), "Черновик-1");
    // the second record of the queue has one after it
    await expectGuardThenStay(() => page.keyboard.press("j"), "Черновик-1");
    await expectGuardThenStay(() => page.getByRole("navigation", { name: "Основная навигация" }).getByRole("link").first().click(), "Черновик-1");

    // Reloading the tab: the browser's own prompt (dismissed: the page stays, the text with it).
    let prompt = "";
    page.once("dialog", (d) => {
      prompt = d.type();
      void d.dismiss();
    });
    await page.reload({ timeout: 3000 }).catch(() => undefined);
    expect(prompt).toBe("beforeunload");
    expect(await place().inputValue()).toBe("Черновик-1");

    // Discarding leaves without saving.
    await page.getByRole("link", { name: /К очереди/ }).click();
    await dialog().getByRole("button", { name: "Не сохранять" }).click();
    await page.waitForURL(/\/records(\?|$)/);
    await page.goto(`/records/${recordId}`);
    expect(await place().inputValue()).not.toBe("Черновик-1");
  });

  it("saves and goes on when the editor chooses to", async () => {
    await page.goto(`/records/${recordId}`);
    await place().fill("Сохранено-и-дальше");
    await page.getByRole("link", { name: /К очереди/ }).click();
    await dialog().getByRole("button", { name: "Сохранить и перейти" }).click();
    await page.waitForURL(/\/records(\?|$)/);
    await page.goto(`/records/${recordId}`);
    expect(await place().inputValue()).toBe("Сохранено-и-дальше");
  });

  it("keeps the draft when the session ended in another tab, and saves it after signing in again", async () => {
    await page.goto(`/records/${recordId}`);
    await place().fill("После-повторного-входа");

    const other = await context.newPage();
    await other.goto("/");
    await other.getByRole("button", { name: "Выйти" }).click();
    await other.waitForURL(/\/sign-in/);
    await other.close();

    await form().getByRole("button", { name: "Сохранить", exact: true }).click();
    const again = form().getByRole("link", { name: /Войти снова/ });
    await again.waitFor();
    await again.click();
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel("Электронная почта").fill(users.editor.email);
    await page.getByLabel("Пароль").fill(users.editor.password);
    await page.getByRole("button", { name: "Войти" }).click();
    await page.waitForURL((url) => url.pathname === `/records/${recordId}`);

    await page.getByText(/Восстановлен несохранённый черновик/).waitFor();
    expect(await place().inputValue()).toBe("После-повторного-входа");
    await form().getByRole("button", { name: "Сохранить", exact: true }).click();
    await form().getByRole("status").getByText("Сохранено.").waitFor();
    await page.reload();
    expect(await place().inputValue()).toBe("После-повторного-входа");
    // Saved: nothing is left to restore.
    expect(await page.getByText(/Восстановлен несохранённый черновик/).count()).toBe(0);
  });

  it("asks before a bulk approval and can undo it", async () => {
    await page.goto("/records?status=pending&sort=date_desc");
    const boxes = page.getByRole("checkbox", { name: /^Выбрать запись/ });
    await boxes.first().waitFor();
    const pendingBefore = await boxes.count();
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    const approve = page.getByRole("button", { name: "Одобрить выбранные (2)" });

    // Declining the question approves nothing.
    let asked = "";
    page.once("dialog", (d) => {
      asked = d.message();
      void d.dismiss();
    });
    await approve.click();
    expect(asked).toBe("Одобрить выбранные записи (2)?");
    expect(await boxes.count()).toBe(pendingBefore);

    page.once("dialog", (d) => void d.accept());
    await approve.click();
    await page.getByRole("status").getByText("Одобрено: 2.").waitFor();
    await expect.poll(() => boxes.count()).toBe(pendingBefore - 2);

    await page.getByRole("button", { name: "Отменить" }).click();
    await page.getByRole("status").getByText("Возвращено как было: 2.").waitFor();
    await expect.poll(() => boxes.count()).toBe(pendingBefore);
  });
});
