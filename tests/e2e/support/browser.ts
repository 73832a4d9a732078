// Debian's Chromium driven by playwright-core (no browser download). Missing Chromium
// skips the browser tests on a developer machine and fails them in CI.
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";
import { root, type TestUser } from "./server";

export const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const chromiumFound = fs.existsSync(chromiumPath);
export const inCi = Boolean(process.env.CI && process.env.CI !== "false" && process.env.CI !== "0");
export const howToEnable = `Browser tests skipped: Chromium not found at ${chromiumPath}. Enable them with \`apt-get install -y chromium\` or set CHROMIUM_PATH to a Chromium/Chrome binary.`;

export async function launchBrowser(): Promise<Browser> {
  // launch() gives every run a fresh temporary profile (user-data-dir) of its own.
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 900 }, locale: "ru-RU", acceptDownloads: true });
  // Generous: `npm test` runs the other projects beside these on a small machine.
  context.setDefaultTimeout(30_000);
  context.setDefaultNavigationTimeout(45_000);
  return context;
}

/** Signs in through the form; ends on the page the sign-in leads to. */
export async function signIn(page: Page, user: TestUser, callbackUrl = "/"): Promise<void> {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Электронная почта").fill(user.email);
  await page.getByLabel("Пароль").fill(user.password);
  await page.getByRole("button", { name: "Войти" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/**
 * Where the tests' screenshots go: an ignored folder, so a test run leaves the checkout as
 * it was. `npm run screenshots` points it elsewhere and copies the README's pictures to docs/.
 */
export const screenshotDir = process.env.CHRONICLE_SCREENSHOT_DIR || path.join(root, "tests", "e2e", "screenshots");

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `e2e-${name}.png`), fullPage: true });
}

/** No serious or critical WCAG A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 4).map((n) => `${n.target.join(" ")} — ${n.failureSummary?.split("\n").slice(1, 2).join(" ")}`).join("\n    ")}`);
  expect(bad, `${what}: axe violations`).toEqual([]);
}
