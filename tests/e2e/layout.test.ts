// Every page fits a phone and a desk: no horizontal scroll at 390 px or 1440 px (a wide table
// scrolls inside its own frame), in Chromium on the seeded embedded database.
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumFound, launchBrowser, newContext, screenshot, signIn } from "./support/browser";
import { buildIfStale, startServer, users, type RunningServer } from "./support/server";

const ROUTES = [
  "/",
  "/records",
  "/records/1",
  "/analytics",
  "/articles",
  "/articles/1",
  "/ingest",
  "/registries/partners",
  "/registries/people",
  "/registries/themes",
  "/registries/proposals",
  "/registries/accuracy",
  "/admin/users",
];

describe.skipIf(!chromiumFound)("layout at phone and desk widths", () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    buildIfStale();
    server = await startServer();
    browser = await launchBrowser();
    context = await newContext(browser, server.baseUrl);
    const first = await context.newPage();
    await signIn(first, users.admin, "/");
    await first.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it.each([390, 1440])("no page scrolls sideways at %i px", async (width) => {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    const wide: string[] = [];
    for (const route of ROUTES) {
      await page.goto(route);
      await page.waitForLoadState("networkidle");
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > width) wide.push(`${route}: ${scrollWidth} px`);
      await screenshot(page, `layout-${route.replace(/\W+/g, "-").replace(/^-|-$/g, "") || "overview"}-${width}`);
    }
    expect(wide).toEqual([]);
    await page.close();
  });

  it.each([390, 1440])("on a record at %i px the inputs are wide enough and the action bar covers none of them", async (width) => {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/records/1");
    const form = page.getByRole("form", { name: "Поля записи" });
    await form.waitFor();
    const names = form.getByRole("textbox", { name: "Имя", exact: true });
    for (let i = 0; i < (await names.count()); i++) {
      expect((await names.nth(i).boundingBox())!.width).toBeGreaterThan(Math.min(200, width / 2));
    }
    const inputs = form.locator("input:not([type=hidden]):not([type=checkbox]), select, textarea");
    const covered: string[] = [];
    for (let i = 0; i < (await inputs.count()); i++) {
      const input = inputs.nth(i);
      await input.focus();
      const box = await input.boundingBox();
      const bar = await page.locator(".action-bar").boundingBox();
      if (box && bar && box.y < bar.y + bar.height && box.y + box.height > bar.y && box.x < bar.x + bar.width && box.x + box.width > bar.x) {
        covered.push(`${i}: ${await input.getAttribute("id")}`);
      }
    }
    expect(covered).toEqual([]);
    await page.close();
  });
});
