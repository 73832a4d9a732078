// Every dashboard segment has an error boundary that says what happened in the reader's
// language and offers a retry (not Next's bare error page), and a loading skeleton.
import fs from "node:fs";
import path from "node:path";
import { createElement, type FunctionComponent, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import ru from "@/lib/i18n/messages/ru.json";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => {}, push: () => {} }) }));
const { RouteError } = await import("@/components/shell/route-error");

const Provider = NextIntlClientProvider as FunctionComponent<{ locale: string; timeZone: string; messages: Record<string, unknown>; children?: ReactNode }>;
const render = (locale: "ru" | "en") =>
  renderToStaticMarkup(
    createElement(Provider, { locale, timeZone: "UTC", messages: locale === "ru" ? ru : en }, createElement(RouteError, { error: new Error("boom"), reset: () => {} })),
  );

describe("the dashboard's error boundary", () => {
  it("says what happened and offers a retry, in Russian and in English, without the error's internals", () => {
    const html = render("ru");
    expect(html).toContain('role="alert"');
    expect(html).toContain("Не удалось показать страницу");
    expect(html).toContain("Попробовать снова");
    expect(html).not.toContain("boom");
    const english = render("en");
    expect(english).toContain("This page could not be shown");
    expect(english).toContain("Try again");
  });

  it("stands in every top-level segment, each with a loading skeleton", () => {
    const root = path.join(process.cwd(), "app", "(dashboard)");
    const segments = fs.readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(segments.length).toBeGreaterThanOrEqual(6);
    for (const dir of ["", ...segments]) {
      for (const file of ["error.tsx", "loading.tsx"]) {
        const p = path.join(root, dir, file);
        expect(fs.existsSync(p), p).toBe(true);
      }
      expect(fs.readFileSync(path.join(root, dir, "error.tsx"), "utf8")).toMatch(/^"use client";[\s\S]*RouteError as default/);
    }
  });
});
