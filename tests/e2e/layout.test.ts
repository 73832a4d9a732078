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
});
