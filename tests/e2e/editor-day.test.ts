// The editor's day in a real Chromium against the production build on a fresh embedded
// database: one server for every flow; the flows run in order and build on each other
// (the record approved in the review flow is what analytics charts).
import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumFound, chromiumPath, expectAccessible, howToEnable, inCi, launchBrowser, newContext, screenshot, screenshotDir, signIn } from "./support/browser";
import { buildIfStale, startServer, users, type RunningServer } from "./support/server";

const fixtures = path.join(__dirname, "fixtures");

if (!chromiumFound && !inCi) console.warn(howToEnable);

// Registered only when it fails, so a normal run reports no extra skipped test.
if (!chromiumFound && inCi) {
  describe("browser tests in CI", () => {
    it("have Chromium", () => {
      throw new Error(`Chromium is missing at ${chromiumPath} in CI: .ci/run should have installed it (apt-get install -y chromium).`);
    });
  });
}

describe.skipIf(!chromiumFound)("the editor's day in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let editor: BrowserContext;
  let page: Page;
  /** The editor's save request, replayed later with the viewer's cookie. */
  let captured: { url: string; headers: Record<string, string>; body: Buffer } | null = null;
  let reviewedId = 0;
  const correctedName = "Алексей Рогов-Стрелецкий";

  beforeAll(async () => {
    buildIfStale();
    server = await startServer();
    browser = await launchBrowser();
    editor = await newContext(browser, server.baseUrl);
    page = await editor.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const heading = (p: Page, name: string | RegExp) => p.getByRole("heading", { level: 1, name });
  const rowLinks = (p: Page) => p.locator("a[data-row-link]");

  it("signs in: a wrong password shows the error, the right one opens the overview", async () => {
    await page.goto("/");
    await page.waitForURL(/\/sign-in/);
    await expect.poll(() => heading(page, "Вход").isVisible()).toBe(true);
    await screenshot(page, "sign-in");

    await page.getByLabel("Электронная почта").fill(users.editor.email);
    await page.getByLabel("Пароль").fill("not-the-password");
    await page.getByRole("button", { name: "Войти" }).click();
    await page.getByRole("alert").getByText("Неверная почта или пароль.").waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-in");

    await page.getByLabel("Пароль").fill(users.editor.password);
    await page.getByRole("button", { name: "Войти" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await heading(page, "Обзор").waitFor();
    await expect.poll(() => page.getByRole("navigation", { name: "Основная навигация" }).getByRole("link").count()).toBeGreaterThan(3);
    await screenshot(page, "overview");
  });

  it("filters the queue by partner (type-ahead) and by a full-text search", async () => {
    await page.goto("/records?status=all");
    await heading(page, "Очередь проверки").waitFor();
    const total = await rowLinks(page).count();
    expect(total).toBeGreaterThanOrEqual(5);
    await screenshot(page, "queue");

    const partner = page.getByRole("combobox", { name: "Партнёр" });
    await partner.fill("ОБСЕ");
    await page.getByRole("option", { name: /ОБСЕ|Организаци/ }).first().click();
    await page.getByRole("button", { name: "Показать" }).click();
    await page.waitForURL(/[?&]partner=\d+/);
    const byPartner = await rowLinks(page).count();
    expect(byPartner).toBeGreaterThan(0);
    expect(byPartner).toBeLessThan(total);
    for (const text of await page.locator("tbody tr").allInnerTexts()) expect(text).toMatch(/ОБСЕ|безопасности и сотрудничеству/);

    await page.goto("/records?status=all");
    await page.getByLabel("Поиск по тексту статей").fill("Ашимбаев");
    await page.getByLabel("Поиск по тексту статей").press("Enter");
    await page.waitForURL(/[?&]q=/);
    expect(new URL(page.url()).searchParams.get("q")).toBe("Ашимбаев");
    const bySearch = await rowLinks(page).count();
    expect(bySearch).toBeGreaterThan(0);
    expect(bySearch).toBeLessThan(total);

    await page.goto("/records?status=all&q=" + encodeURIComponent("словонигденевстречается"));
    await page.getByText("Сбросить фильтры").first().waitFor();
    expect(await rowLinks(page).count()).toBe(0);
  });

  it("corrects a record (partner, participant, theme), saves, approves and sees it in the history", async () => {
    // The bundled article about the OSCE programme office: its partner-side participant is Алексей Рогов.
    await page.goto(`/records?status=pending&q=${encodeURIComponent("Роговым")}`);
    await rowLinks(page).first().click();
    await page.waitForURL(/\/records\/\d+/);
    reviewedId = Number(new URL(page.url()).pathname.split("/").pop());
    const form = page.getByRole("form", { name: "Поля записи" });
    await form.waitFor();

    // Partner: drop the machine's partner and pick another one from the registry type-ahead.
    const partnerChips = form.locator("section", { has: page.getByRole("heading", { name: "Партнёры" }) }).locator("li");
    const removeFirst = partnerChips.first().getByRole("button", { name: /^Удалить/ });
    if (await removeFirst.count()) await removeFirst.click();
    await form.getByRole("combobox", { name: "Добавить партнёра" }).fill("Австри");
    await page.getByRole("option", { name: /Австрия/ }).first().click();
    await expect.poll(() => partnerChips.allInnerTexts().then((t) => t.join(" "))).toContain("Австрия");

    // Participant: correct the partner-side participant's name.
    const participants = form.locator("section", { has: page.getByRole("heading", { name: "Участники" }) }).locator("li");
    let row = participants.first();
    for (let i = 0; i < (await participants.count()); i++) {
      if ((await participants.nth(i).getByRole("combobox", { name: "Сторона" }).inputValue()) === "partner") {
        row = participants.nth(i);
        break;
      }
    }
    await row.getByRole("textbox", { name: "Имя", exact: true }).fill(correctedName);

    // Theme: tick the first theme that is not ticked yet.
    const themes = form.locator("fieldset").getByRole("checkbox");
    const count = await themes.count();
    let added = "";
    for (let i = 0; i < count; i++) {
      if (!(await themes.nth(i).isChecked())) {
        await themes.nth(i).check();
        added = (await themes.nth(i).locator("xpath=..").innerText()).trim();
        break;
      }
    }
    expect(added).not.toBe("");

    const onSave = (r: Request) => {
      if (r.method() === "POST" && r.headers()["next-action"] && (r.postData() ?? "").includes('"changes"')) {
        captured = { url: r.url(), headers: r.headers(), body: r.postDataBuffer()! };
      }
    };
    page.on("request", onSave);
    await form.getByRole("button", { name: "Сохранить", exact: true }).click();
    await form.getByRole("status").getByText("Сохранено.").waitFor();
    page.off("request", onSave);
    expect(captured).not.toBeNull();

    const history = page.locator("#history");
    await expect.poll(() => history.innerText()).toContain(correctedName);
    const historyText = await history.innerText();
    expect(historyText).toContain("Австрия");
    expect(historyText).toContain(added);
    expect(historyText).toMatch(/участники/);
    expect(historyText).toMatch(/партнёры/);
    expect(historyText).toMatch(/темы/);
    expect(historyText).toContain(users.editor.name);
    await screenshot(page, "record");

    await form.getByRole("button", { name: /Одобрить/ }).click();
    // Approving opens the next record of the queue; the approved one shows it in its history.
    await page.goto(`/records/${reviewedId}`);
    await expect.poll(() => page.locator("#history").innerText()).toMatch(/одобрено/);
    expect(await page.locator("h1 + *").first().innerText()).toMatch(/одобрен/i);
  });

  it("shows the conflict view to a second editor who saved from the same version", async () => {
    const other = await newContext(browser, server.baseUrl);
    const second = await other.newPage();
    await signIn(second, users.editor2, `/records/${reviewedId}`);
    await page.goto(`/records/${reviewedId}`);
    const mine = page.getByRole("form", { name: "Поля записи" });
    const theirs = second.getByRole("form", { name: "Поля записи" });
    await Promise.all([mine.waitFor(), theirs.waitFor()]);

    await theirs.getByRole("textbox", { name: "Место", exact: true }).fill("Вена");
    await theirs.getByRole("button", { name: "Сохранить", exact: true }).click();
    await theirs.getByRole("status").getByText("Сохранено.").waitFor();

    await mine.getByRole("textbox", { name: "Место", exact: true }).fill("Астана, Парламент");
    await mine.getByRole("button", { name: "Сохранить", exact: true }).click();
    const conflict = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Конфликт версий" }) });
    await conflict.waitFor();
    const text = await conflict.innerText();
    expect(text).toContain(users.editor2.name);
    expect(text).toContain("Вена");
    expect(text).toContain("Астана, Парламент");
    await screenshot(page, "conflict");

    await conflict.getByRole("button", { name: "Применить мои правки поверх" }).click();
    await mine.getByRole("status").getByText("Сохранено.").waitFor();
    await other.close();
  });

  it("shows a viewer no edit controls and refuses the viewer's forged edit", async () => {
    const viewerContext = await newContext(browser, server.baseUrl);
    const viewer = await viewerContext.newPage();
    await signIn(viewer, users.viewer, `/records/${reviewedId}`);
    await viewer.getByText("Только просмотр: у вашей роли нет прав на правку.").waitFor();
    for (const name of ["Сохранить", /Одобрить/, /Отклонить/]) {
      expect(await viewer.getByRole("button", { name }).count()).toBe(0);
    }
    expect(await viewer.getByRole("textbox").count()).toBe(0);
    expect(await viewer.getByRole("link", { name: "Добавить" }).count()).toBe(0);
    await viewer.goto("/records");
    await viewer.locator("table").first().waitFor();
    expect(await viewer.getByRole("checkbox").count()).toBe(0);

    // The editor's own save request, sent again with the viewer's cookie and the current version.
    await page.goto(`/records/${reviewedId}`);
    const version = Number((await page.getByText(/^версия \d+$/).innerText()).replace(/\D/g, ""));
    const historyBefore = await page.locator("#history li").count();
    expect(captured).not.toBeNull();
    const { url, headers, body } = captured!;
    const forged = body.toString("utf8").replace(/"baseVersion":\d+/, `"baseVersion":${version}`).replaceAll(correctedName, "Подделка Читателя");
    expect(forged).toContain("Подделка Читателя");
    const forgedHeaders = Object.fromEntries(Object.entries(headers).filter(([k]) => !["cookie", "content-length", "host"].includes(k)));
    const res = await viewerContext.request.post(url, { headers: forgedHeaders, data: Buffer.from(forged, "utf8") });
    const answer = await res.text();
    // The role gate's refusal, not the save's answer.
    expect(answer).toContain("У вас нет прав на это действие.");
    expect(answer).not.toContain("Сохранено.");

    const upload = await viewerContext.request.post("/api/ingest", { multipart: { files: { name: "x.txt", mimeType: "text/plain", buffer: Buffer.from("Текст") } } });
    expect(upload.status()).toBe(403);

    await page.reload();
    expect(Number((await page.getByText(/^версия \d+$/).innerText()).replace(/\D/g, ""))).toBe(version);
    expect(await page.locator("#history li").count()).toBe(historyBefore);
    expect(await page.locator("body").innerText()).not.toContain("Подделка Читателя");
    await viewerContext.close();
  });

  it("uploads a windows-1251 text and an HTML page and shows their records", async () => {
    await page.goto("/ingest");
    await heading(page, "Добавить статьи").waitFor();
    await page.getByLabel("Файлы статей").setInputFiles([
      path.join(fixtures, "senate-mongolia.cp1251.txt"),
      path.join(fixtures, "mfa-portugal.html"),
    ]);
    await page.getByRole("button", { name: "Загрузить", exact: true }).click();
    await page.waitForURL(/[?&]job=\d+/);
    await page.getByText("Готово", { exact: true }).waitFor({ timeout: 90_000 });
    const rows = page.locator("table").last().locator("tbody tr");
    expect(await rows.count()).toBe(2);
    for (const text of await rows.allInnerTexts()) expect(text).toMatch(/сохранено/);
    await screenshot(page, "ingest");

    const articleLinks = page.getByRole("link", { name: "открыть статью" });
    const hrefs = await Promise.all([0, 1].map((i) => articleLinks.nth(i).getAttribute("href")));
    const seen: string[] = [];
    for (const href of hrefs) {
      await page.goto(href!);
      const records = page.locator("#article-records");
      await records.waitFor();
      seen.push(`${await page.locator("h1").innerText()}\n${await records.innerText()}`);
    }
    const all = seen.join("\n");
    // The windows-1251 bytes were decoded: the Cyrillic names read correctly.
    expect(all).toContain("Маулен Ашимбаев");
    expect(all).toContain("Монголия");
    expect(all).toContain("Министр иностранных дел Казахстана встретился с Министром иностранных дел Португалии");
    expect(all).toContain("Португалия");
    expect(all).toContain("Ермек Кошербаев");
    await screenshot(page, "article");
  });

  it("draws every chart, drills down from a bar and exports CSV", async () => {
    await page.goto("/analytics?pending=1");
    await heading(page, "Аналитика").waitFor();
    // Recharts and the map draw SVG; the heat map and the bar lists draw links to their records.
    for (const id of ["chart-partners", "chart-themes", "chart-map"]) {
      await expect.poll(() => page.locator(`#${id} svg`).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    }
    await expect.poll(() => page.locator("#chart-partners .recharts-bar-rectangle").count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator("#chart-themes .recharts-line-curve").count(), { timeout: 30_000 }).toBeGreaterThan(0);
    for (const id of ["chart-heatmap", "chart-counterparts", "chart-officials", "chart-kinds"]) {
      await expect.poll(() => page.locator(`#${id} a[href^="/records"]`).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    }
    // Countries and organisations narrow the analytics themselves.
    await expect.poll(() => page.locator('#chart-types a[href^="/analytics"]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await screenshot(page, "analytics");

    const bar = page.locator("#chart-partners .recharts-bar-rectangle path, #chart-partners path.recharts-rectangle").first();
    await bar.waitFor();
    await bar.click();
    await page.waitForURL(/\/records\?.*partner=\d+/);
    await heading(page, "Очередь проверки").waitFor();
    await expect.poll(() => rowLinks(page).count(), { timeout: 30_000 }).toBeGreaterThan(0);

    await page.goto("/analytics");
    await heading(page, "Аналитика").waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("group", { name: "Выгрузить записи" }).getByRole("link", { name: "CSV" }).click(),
    ]);
    const csv = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^id,date,status,kind,home_official,location,partners/);
    // Approved only by default: the record approved in the review flow, with its corrections.
    const row = lines.find((l) => l.startsWith(`${reviewedId},`));
    expect(row).toBeDefined();
    expect(row).toContain("approved");
    expect(row).toContain("Австрия");
    expect(row).toContain(correctedName);
  });

  it("switches the interface language to English and back", async () => {
    await page.goto("/records");
    await heading(page, "Очередь проверки").waitFor();
    await page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    await expect.poll(() => page.getByRole("link", { name: "Overview" }).count()).toBeGreaterThan(0);
    await screenshot(page, "queue-en");
    await page.getByRole("button", { name: "Русский" }).click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("ru");
    await page.getByRole("link", { name: "Обзор" }).waitFor();
    await page.reload();
    await heading(page, "Очередь проверки").waitFor();
  });

  it("reviews by keyboard only: j/k, Enter, ? overlay, a approves", async () => {
    await page.goto("/records?status=pending&sort=date");
    await heading(page, "Очередь проверки").waitFor();
    const first = await rowLinks(page).nth(0).getAttribute("href");
    const second = await rowLinks(page).nth(1).getAttribute("href");
    await page.keyboard.press("j");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe(first);
    await page.keyboard.press("j");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe(second);
    await page.keyboard.press("k");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe(first);
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => `${u.pathname}${u.search}` === first);
    const firstPath = new URL(page.url()).pathname;

    await page.getByRole("form", { name: "Поля записи" }).waitFor();
    await page.keyboard.press("?");
    const dialog = page.getByRole("dialog", { name: "Клавиши" });
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/Одобрить/);
    await page.screenshot({ path: path.join(screenshotDir, "e2e-shortcuts.png") });
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });

    await page.keyboard.press("j");
    await page.waitForURL((u) => u.pathname !== firstPath);
    await page.getByRole("form", { name: "Поля записи" }).waitFor();
    await page.keyboard.press("k");
    await page.waitForURL((u) => u.pathname === firstPath);
    await page.getByRole("form", { name: "Поля записи" }).waitFor();

    await page.keyboard.press("a");
    await page.waitForURL((u) => u.pathname !== firstPath);
    await page.goto(firstPath);
    await expect.poll(() => page.locator("#history").innerText()).toMatch(/одобрено/);
  });

  describe("accessibility and screenshots of every main page", () => {
    let admin: BrowserContext;
    let adminPage: Page;
    beforeAll(async () => {
      admin = await newContext(browser, server.baseUrl);
      adminPage = await admin.newPage();
    });
    afterAll(async () => admin?.close());

    it("sign-in page", async () => {
      await adminPage.goto("/sign-in");
      await heading(adminPage, "Вход").waitFor();
      await expectAccessible(adminPage, "sign-in");
      await signIn(adminPage, users.admin);
    });

    const pages: [string, () => string, string | RegExp][] = [
      ["overview", () => "/", "Обзор"],
      ["queue", () => "/records?status=all", "Очередь проверки"],
      ["record", () => `/records/${reviewedId}`, /.+/],
      ["articles", () => "/articles", "Статьи"],
      ["article", () => "/articles/1", /.+/],
      ["ingest", () => "/ingest", "Добавить статьи"],
      ["analytics", () => "/analytics?pending=1", "Аналитика"],
      ["registries", () => "/registries/partners", "Справочники"],
      ["users", () => "/admin/users", "Пользователи"],
    ];
    it.each(pages)("%s page", async (name, url, title) => {
      await adminPage.goto(url());
      await heading(adminPage, title).waitFor();
      if (name === "analytics") await expect.poll(() => adminPage.locator("#chart-partners svg").count(), { timeout: 30_000 }).toBeGreaterThan(0);
      await expectAccessible(adminPage, name);
      await screenshot(adminPage, name === "record" || name === "queue" || name === "overview" || name === "article" || name === "ingest" || name === "analytics" ? `${name}-admin` : name);
    });
  });

  it("signs out", async () => {
    await page.goto("/");
    await page.getByRole("button", { name: "Выйти" }).click();
    await page.waitForURL(/\/sign-in/);
    await heading(page, "Вход").waitFor();
    await page.getByRole("status").getByText("Вы вышли из системы.").waitFor();
    await page.goto("/records");
    await page.waitForURL(/\/sign-in/);
  });
});
